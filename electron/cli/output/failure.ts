// What went wrong, as the command line reports it: the exit status (2 for a usage or input error
// found before any request, 1 when Harvest refused or could not be reached), the message, and
// Harvest's HTTP status where it answered. Nothing here ever carries the token: Harvest's
// failures are redacted where they are made, and anything unexpected is reduced to one sentence.
import { AppFailure } from '../../../shared/errors';
import { ConfigError } from '../../core/config';
import { HarvestFailure } from '../../core/harvest/errors';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export interface Failure {
  exitCode: typeof EXIT_REFUSED | typeof EXIT_USAGE;
  message: string;
  /** The HTTP status Harvest answered with. */
  status?: number;
  /** The parameter at fault, by its seed name (user_id, hours...). */
  field?: string;
  /** The change was not sent but kept in the account's pending-changes queue, to be sent later. */
  kept?: { change_id: string; entry_id: number };
}

/**
 * A change the queue kept instead of sending: not done yet (status 1), but it must not be made
 * again: it reaches Harvest by itself, through whichever of the tray, the MCP server or the next
 * command runs first for the account.
 */
export class KeptChange extends AppFailure {
  constructor(
    readonly changeId: string,
    readonly entryId: number,
    why: 'unreachable' | 'answer-lost' | 'behind',
  ) {
    const words = {
      unreachable: 'Harvest could not be reached',
      'answer-lost': 'Harvest’s answer was lost on the way, so Harvest may have the change already: it is checked before it is sent again',
      behind: 'Earlier changes to this entry wait to be sent to Harvest (see the changes list in Harvest Tray)',
    }[why];
    super({
      kind: 'offline',
      message:
        `${words}. The change is kept on this computer and sent once Harvest answers, by Harvest Tray, ` +
        'the MCP server or the next harvest-tray command for this account: do not make it again.',
    });
  }
}

/** Raised for usage errors found by the command line itself (commander's, a token on stdin...). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const INPUT_KINDS = new Set(['validation', 'consent-required']);

export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) return withField({ exitCode: EXIT_USAGE, message: error.message }, error.field);
  if (error instanceof ConfigError) return { exitCode: EXIT_USAGE, message: error.message };
  if (error instanceof KeptChange) {
    return { exitCode: EXIT_REFUSED, message: error.message, kept: { change_id: error.changeId, entry_id: error.entryId } };
  }
  if (error instanceof AppFailure) {
    const failure: Failure = {
      exitCode: INPUT_KINDS.has(error.kind) ? EXIT_USAGE : EXIT_REFUSED,
      message: error.message,
      ...(error instanceof HarvestFailure && error.status !== undefined ? { status: error.status } : {}),
    };
    return withField(failure, error.field);
  }
  if (process.env.HARVEST_TRAY_DEBUG === '1') console.error(error);
  return { exitCode: EXIT_REFUSED, message: 'Something went wrong inside Harvest Tray.' };
}

function withField(failure: Failure, field: string | undefined): Failure {
  return field === undefined ? failure : { ...failure, field };
}

/** The command line's wording: the flag or argument named the way it is typed. */
export function flagName(field: string): string {
  if (field === 'id' || field === 'name') return field.toUpperCase();
  return `--${field.replace(/_/g, '-').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** With --json, one JSON object on standard error; otherwise a line a person reads. */
export function formatFailure(failure: Failure, json: boolean): string {
  const message = failure.field === undefined ? failure.message : `${flagName(failure.field)}: ${failure.message}`;
  if (json) {
    const status = failure.status === undefined ? {} : { status: failure.status };
    return `${JSON.stringify({ error: { message, ...status, ...(failure.kept === undefined ? {} : { kept: failure.kept }) } })}\n`;
  }
  return `harvest-tray: ${message}\n`;
}
