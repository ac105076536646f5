// Everything thrown while talking to Harvest becomes an AppFailure the bridge can word; anything
// else is "unexpected", with no detail that could carry the token or a stack trace.
import { AppFailure } from '../../../shared/errors';

export function toAppFailure(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new AppFailure({ kind: 'cancelled', message: 'The request to Harvest was cancelled.' });
  }
  return new AppFailure({
    kind: 'unexpected',
    message: 'Something went wrong talking to Harvest. Please try again.',
  });
}

export const SIGN_IN_FIRST = 'Sign in to Harvest first.';

export function signedOutFailure(): AppFailure {
  return new AppFailure({ kind: 'signed-out', message: SIGN_IN_FIRST });
}
