// Entry of /web-bridge.js. The channel list and the global's name are written in when the script
// is built (pageScript.ts reads them from the contract), so the page never pulls in zod to learn them.
import { EventSource } from 'eventsource';
import type { Channel } from '../../../shared/contract';
import { createWebBridgeApi, installWebBridge } from './installWebBridge';
import { takeSessionKey } from './sessionKeyStore';

declare const __HARVEST_TRAY_CHANNELS__: readonly Channel[];
declare const __HARVEST_TRAY_GLOBAL__: string;

installWebBridge(
  window,
  __HARVEST_TRAY_GLOBAL__,
  createWebBridgeApi({
    channelNames: __HARVEST_TRAY_CHANNELS__,
    sessionKey: takeSessionKey(window),
    fetch: (url, init) => window.fetch(url, init),
    // One stream for the page's life. The `eventsource` package is the standard EventSource with
    // one addition the native one lacks, a fetch of our own, so the stream can carry the key's
    // header; it reconnects after a network blip as the native one does.
    openEvents: (url, headers, onData) => {
      const source = new EventSource(url, {
        fetch: (input, init) =>
          window.fetch(input, { ...init, headers: { ...init.headers, ...headers }, credentials: 'omit' }),
      });
      source.onmessage = (message: MessageEvent<unknown>) => onData(String(message.data));
      return source;
    },
  }),
);
