// Which Harvest account on which Harvest server: what the caches (and the pending changes) of one
// account are kept under. Servers (Harvest itself, the simulator, a staging copy) number their
// accounts on their own, so an account id alone would open one server's entries on another.
import { createHash } from 'node:crypto';

export interface AccountScope {
  /** The Harvest API base the account is reached at (HARVEST_API_URL, or a named account's). */
  apiUrl: string;
  accountId: number;
}

/** The same server however its address was written: case of the host, a trailing slash. */
function normalServer(apiUrl: string): string {
  try {
    return new URL(apiUrl).href.replace(/\/+$/, '');
  } catch {
    return apiUrl.replace(/\/+$/, '');
  }
}

/**
 * A short name for the scope, safe in file names and in electron-store keys (no dots, which it
 * reads as paths, and no slashes): the account id, then a digest of the server's address.
 */
export function scopeKey(scope: AccountScope): string {
  const server = createHash('sha256').update(normalServer(scope.apiUrl)).digest('hex').slice(0, 12);
  return `${scope.accountId}-${server}`;
}

export function sameScope(a: AccountScope, b: AccountScope): boolean {
  return scopeKey(a) === scopeKey(b);
}
