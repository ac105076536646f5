// The popover's only way to the main process: `window.harvestTray`, injected by the preload script
// (desktop) or by the web host's page script (browser). Types only from the contract: importing its
// values would pull zod into the popover's bundle.
import type {
  Channel,
  EventName,
  EventPayload,
  HarvestTrayApi,
  RequestOf,
  ResponseOf,
} from '../../../shared/contract';
import type { AppError, AppErrorKind } from '../../../shared/errors';

/** A refused call: carries Harvest's (or the main process's) reason so queries and forms can word it. */
export class BridgeError extends Error {
  readonly kind: AppErrorKind;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'BridgeError';
    this.kind = error.kind;
    this.field = error.field;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

export function isBridgeError(value: unknown): value is BridgeError {
  return value instanceof BridgeError;
}

function api(): HarvestTrayApi {
  const bridge = (globalThis as { harvestTray?: HarvestTrayApi }).harvestTray;
  if (!bridge) {
    throw new BridgeError({
      kind: 'unexpected',
      message: 'The app could not reach its background process. Close and reopen Harvest Tray.',
    });
  }
  return bridge;
}

/** Calls one channel and unwraps its Reply: the value, or a thrown BridgeError. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const send = api()[channel] as (request: RequestOf<C>) => Promise<unknown>;
  let reply: unknown;
  try {
    reply = await send(request);
  } catch (cause) {
    // A bridge that throws instead of replying (web host gone, page reloaded) reads as offline.
    throw new BridgeError({
      kind: 'offline',
      message: cause instanceof Error && cause.message ? cause.message : 'The app is not reachable.',
    });
  }
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new BridgeError({ kind: 'unexpected', message: 'The app sent a reply it could not read.' });
  }
  const envelope = reply as { ok: true; value: ResponseOf<C> } | { ok: false; error: AppError };
  if (envelope.ok) return envelope.value;
  throw new BridgeError(envelope.error);
}

/** Subscribes to one main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, listener);
}

/** Words any thrown value for a person. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
