// Builds `window.harvestTray` inside the sandboxed preload: one function per contract channel, each
// an ipcRenderer.invoke on its prefixed name, and `on(event, listener)` over the single event
// channel. Only plain functions cross contextBridge; ipcRenderer itself never does.
import type { EventName, HarvestTrayApi } from '../../../../shared/contract';
import { bridgeChannels, bridgeEvents, CHANNEL_PREFIX, EVENT_CHANNEL } from '../names';

/** The slice of ipcRenderer the API needs (the real one satisfies it; tests hand a fake). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const knownEvents: ReadonlySet<string> = new Set(bridgeEvents);

export function createRendererApi(ipc: RendererIpc): HarvestTrayApi {
  const requests = Object.fromEntries(
    bridgeChannels.map((channel) => [channel, (request: unknown) => ipc.invoke(CHANNEL_PREFIX + channel, request)]),
  );
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!knownEvents.has(event)) throw new Error(`Unknown event "${String(event).slice(0, 60)}".`);
    const forward = (_event: unknown, message: unknown) => {
      if (isMessageFor(message, event)) listener(message.payload);
    };
    ipc.on(EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };
  // The per-channel functions are generated from the name list, so TypeScript cannot see that the
  // object matches HarvestTrayApi key by key; names.ts proves the list is complete.
  return { ...requests, on } as unknown as HarvestTrayApi;
}

function isMessageFor(message: unknown, event: EventName): message is { event: EventName; payload: unknown } {
  return typeof message === 'object' && message !== null && (message as { event?: unknown }).event === event;
}
