// Entry of /web-bridge.js. The channel list and the global's name are written in when the script
// is built (pageScript.ts reads them from the contract), so the page never pulls in zod to learn them.
import type { Channel } from '../../../shared/contract';
import { createWebBridgeApi, installWebBridge } from './installWebBridge';

declare const __HARVEST_TRAY_CHANNELS__: readonly Channel[];
declare const __HARVEST_TRAY_GLOBAL__: string;

installWebBridge(
  window,
  __HARVEST_TRAY_GLOBAL__,
  createWebBridgeApi({
    channelNames: __HARVEST_TRAY_CHANNELS__,
    fetch: (url, init) => window.fetch(url, init),
    // One EventSource for the page's life; it reconnects by itself after a network blip.
    openEvents: (url, onData) => {
      const source = new EventSource(url);
      source.onmessage = (message: MessageEvent<unknown>) => onData(String(message.data));
      return source;
    },
  }),
);
