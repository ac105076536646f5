// Whose data the popover holds: one Harvest account on one Harvest server. Switching accounts,
// or the same account id on another server, is another key, and so another cache.
import type { QueryClient } from '@tanstack/react-query';
import type { Session } from '../../../shared/domain';
import { queryKeys } from './queryKeys';

export function accountKeyOf(session: Session | null | undefined): string | null {
  return session?.state === 'signed-in' ? `${session.server}#${session.account.id}` : null;
}

/** The key of the session the client holds now. */
export function currentAccountKey(client: QueryClient): string | null {
  return accountKeyOf(client.getQueryData<Session>(queryKeys.session));
}
