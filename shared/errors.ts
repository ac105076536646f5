// Errors as values that cross the bridge. The renderer words them; it never sees a stack trace.
import * as z from 'zod';

export const appErrorKindSchema = z.enum([
  /** 401: the token is expired, revoked or wrong; the user must sign in again. */
  'signed-out',
  /** 403: the user's Harvest role cannot see or do this. */
  'forbidden',
  'not-found',
  /** 422: Harvest refused the change; `message` is Harvest's own words. */
  'rejected',
  'rate-limited',
  /** No connection to Harvest (network down, DNS, connection refused or dropped). */
  'offline',
  'timeout',
  'server',
  'cancelled',
  /** The request failed its schema before anything was sent. */
  'validation',
  /** The entry is locked (approved or invoiced) and cannot be changed. */
  'locked',
  /** Storing the token needs the user's consent (Linux without a keyring). */
  'consent-required',
  'unexpected',
]);
export type AppErrorKind = z.infer<typeof appErrorKindSchema>;

export const appErrorSchema = z.object({
  kind: appErrorKindSchema,
  /** A sentence a person understands. Never contains the token. */
  message: z.string(),
  /** For validation errors: which field, as a dotted path. */
  field: z.string().optional(),
  /** For rate-limited: seconds until trying again makes sense. */
  retryAfterSeconds: z.number().nonnegative().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

/** Thrown inside a process, turned into an AppError value at the bridge. */
export class AppFailure extends Error {
  readonly kind: AppErrorKind;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.kind = error.kind;
    this.field = error.field;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }

  toValue(): AppError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure;
}
