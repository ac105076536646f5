// The page side of the web host: `window.harvestTray` with exactly the shape preload exposes in
// the desktop app (one async function per channel returning the Reply envelope, and `on`), so the
// renderer cannot tell which host it runs in. Requests go to POST /api/<channel>, events arrive
// over one stream at /api/events; both carry the session key in a header (sessionKeyStore.ts).
// Type-only imports from the contract: this file ships to the browser alone.
import type { Channel, EventName, HarvestTrayApi, Reply } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { SESSION_KEY_HEADER } from './sessionKeyStore';

/**
 * Opens the event stream with these headers and hands over each message's data. In the browser
 * an EventSource that sends headers (the native one cannot), reconnecting by itself.
 */
export type OpenEvents = (
  url: string,
  headers: Record<string, string>,
  onData: (data: string) => void,
) => { close(): void };

export interface WebBridgeOptions {
  /** From the contract, fixed when the script is built (see pageScript.ts). */
  channelNames: readonly Channel[];
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  openEvents: OpenEvents;
  /** The session key this page holds, or null when it was opened without one. */
  sessionKey: string | null;
  /** Prefix for the bridge's URLs; the page's own origin when empty. */
  baseUrl?: string;
}

type Listener = (payload: unknown) => void;

export function createWebBridgeApi(options: WebBridgeOptions): HarvestTrayApi {
  const base = options.baseUrl ?? '';
  const keyHeader: Record<string, string> =
    options.sessionKey === null ? {} : { [SESSION_KEY_HEADER]: options.sessionKey };
  const listeners = new Map<string, Set<Listener>>();
  let source: { close(): void } | null = null;

  // Opened on the first subscription and kept: every popover view listens for its whole life.
  function ensureEventSource() {
    if (source) return;
    source = options.openEvents(`${base}/api/events`, keyHeader, (data) => {
      const frame = parseFrame(data);
      if (!frame) return;
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    });
  }

  const call = async (channel: Channel, request: unknown): Promise<Reply<unknown>> => {
    let response: Response;
    try {
      response = await options.fetch(`${base}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...keyHeader },
        body: JSON.stringify(request ?? {}),
        // The key is the credential; cookies of 127.0.0.1 (any port's) are none of our business.
        credentials: 'omit',
      });
    } catch {
      return failure('unexpected', HOST_UNREACHABLE);
    }
    // The host answers every refusal (401, 403, 413...) with an envelope too; use its words.
    const body: unknown = await response.json().catch(() => null);
    return isReply(body) ? body : failure('unexpected', `The web host answered ${response.status} without a reply.`);
  };

  const api: Record<string, unknown> = {
    on(event: EventName, listener: Listener) {
      ensureEventSource();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
  };
  for (const channel of options.channelNames) api[channel] = (request: unknown) => call(channel, request);
  // Built by a loop over the contract's channel list, so TypeScript cannot see the per-channel
  // signatures; the loop gives every channel the same (request) => Promise<Reply> shape.
  return Object.freeze(api) as HarvestTrayApi;
}

/** Defines the global as preload's contextBridge does: read-only, not replaceable by page code. */
export function installWebBridge(target: object, globalName: string, api: HarvestTrayApi): void {
  Object.defineProperty(target, globalName, { value: api, writable: false, configurable: false, enumerable: true });
}

const HOST_UNREACHABLE =
  'Harvest Tray’s web host is not answering. If you stopped it, start it again and open the link it prints.';

function failure(kind: AppError['kind'], message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
}

function parseFrame(data: string): { event: string; payload: unknown } | null {
  try {
    const frame: unknown = JSON.parse(data);
    if (typeof frame === 'object' && frame !== null && 'event' in frame && typeof frame.event === 'string') {
      return { event: frame.event, payload: 'payload' in frame ? frame.payload : undefined };
    }
  } catch {
    // A frame we cannot read is dropped; the next refresh brings the page up to date anyway.
  }
  return null;
}

// Checked by hand rather than with the contract's zod schema so the page script stays a few
// kilobytes; the host built this reply with that schema's types.
function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'kind' in error &&
    typeof error.kind === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
