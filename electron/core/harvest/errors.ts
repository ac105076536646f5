// Turning what went wrong talking to Harvest into AppFailures a person can read. Every message
// built here passes through `redact`, so the token cannot leak even if Harvest echoed it back.
import { AppFailure, type AppError } from '../../../shared/errors';

/**
 * An AppFailure from the Harvest client that also says whether Harvest may have applied the
 * request anyway.
 *
 * `outcomeUnknown` is true when a request that is not safe to repeat (creating an entry,
 * restarting a timer) may have reached Harvest but no answer came back: the connection dropped,
 * the request timed out or was cancelled mid-flight, or Harvest answered 5xx. Such a request is
 * never re-sent here, because doing so could log the same time twice. A durable pending-changes
 * queue builds on this flag: keep the change, then reconcile by listing the day's entries before
 * deciding whether to send it again.
 */
export class HarvestFailure extends AppFailure {
  readonly outcomeUnknown: boolean;
  /** The HTTP status Harvest answered with, when it answered. */
  readonly status: number | undefined;

  constructor(error: AppError, details: { outcomeUnknown?: boolean; status?: number } = {}) {
    super(error);
    this.name = 'HarvestFailure';
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.status = details.status;
  }
}

/** true when Harvest may or may not have applied the request (see HarvestFailure). */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof HarvestFailure && error.outcomeUnknown;
}

/** Removes every occurrence of the token from text that may end up in a message. */
export function redact(text: string, token: string): string {
  return token.length === 0 ? text : text.split(token).join('[token]');
}

// Harvest's own words are shown to the user; a runaway body must not become a wall of text.
const MAX_HARVEST_TEXT = 300;

function harvestText(body: unknown, keys: readonly string[]): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const key of keys) {
    const value: unknown = (body as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim();
      return text.length > MAX_HARVEST_TEXT ? `${text.slice(0, MAX_HARVEST_TEXT)}…` : text;
    }
  }
  return undefined;
}

export interface StatusContext {
  status: number;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  /** What was asked for, in words: "the list of projects", "time entry 42". */
  what: string;
  token: string;
  outcomeUnknown?: boolean;
  retryAfterSeconds?: number;
}

/** How a refused token (401) is worded; Harvest's own reason follows after a colon. */
export const TOKEN_REFUSED = 'Harvest did not accept the sign-in';

/** The failure for an HTTP error status from Harvest. */
export function failureForStatus(context: StatusContext): HarvestFailure {
  const { status, body, what, token } = context;
  const make = (kind: AppError['kind'], message: string, extra: Partial<AppError> = {}): HarvestFailure =>
    new HarvestFailure(
      { kind, message: redact(message, token), ...extra },
      { status, outcomeUnknown: context.outcomeUnknown ?? false },
    );

  if (status === 401) {
    const reason = harvestText(body, ['error_description', 'message', 'error']) ?? 'the token is expired, revoked or wrong.';
    return make('signed-out', `${TOKEN_REFUSED}: ${reason}`);
  }
  if (status === 403) return make('forbidden', `Your Harvest role cannot see this: ${what}.`);
  if (status === 404) return make('not-found', `Harvest could not find ${what}. It may have been deleted.`);
  if (status === 422) {
    return make('rejected', harvestText(body, ['message', 'error_description']) ?? `Harvest refused the change to ${what}.`);
  }
  if (status === 429) {
    const seconds = context.retryAfterSeconds ?? 15;
    return make('rate-limited', `Harvest asked Harvest Tray to slow down. Try again in ${Math.ceil(seconds)} seconds.`, {
      retryAfterSeconds: seconds,
    });
  }
  if (status >= 500) {
    return make('server', `Harvest had a problem answering (HTTP ${status}). Try again in a moment.`);
  }
  const detail = harvestText(body, ['message', 'error_description', 'error']);
  return make('unexpected', `Harvest refused the request for ${what} (HTTP ${status})${detail ? `: ${detail}` : '.'}`);
}

export function offlineFailure(outcomeUnknown: boolean): HarvestFailure {
  return new HarvestFailure(
    {
      kind: 'offline',
      message: outcomeUnknown
        ? 'The connection to Harvest dropped before it answered; the change may or may not have been saved.'
        : 'Harvest Tray cannot reach Harvest. Check the internet connection.',
    },
    { outcomeUnknown },
  );
}

export function timeoutFailure(seconds: number, outcomeUnknown: boolean): HarvestFailure {
  return new HarvestFailure(
    { kind: 'timeout', message: `Harvest did not answer within ${Math.round(seconds)} seconds.` },
    { outcomeUnknown },
  );
}

export function cancelledFailure(outcomeUnknown: boolean): HarvestFailure {
  return new HarvestFailure({ kind: 'cancelled', message: 'The request to Harvest was cancelled.' }, { outcomeUnknown });
}

/** A reply that does not match its schema: name the fields, never dump the body. */
export function unreadableReplyFailure(what: string, fieldPaths: readonly string[], token: string): HarvestFailure {
  const fields = fieldPaths.length > 0 ? ` (${fieldPaths.slice(0, 5).join(', ')})` : '';
  return new HarvestFailure({
    kind: 'unexpected',
    message: redact(`Harvest sent a reply for ${what} that Harvest Tray cannot read${fields}.`, token),
  });
}
