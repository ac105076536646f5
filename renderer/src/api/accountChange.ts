// What the popover does when the session changes: signed out, another account (a switch, from
// here or elsewhere), or the same account again. Another account's data must never show under
// this one's name, so its queries go and the new account's own snapshot comes in.
import type { QueryClient } from '@tanstack/react-query';
import type { Session } from '../../../shared/domain';
import { usePendingDeleteStore } from '../stores/pendingDeleteStore';
import { useUiStore } from '../stores/uiStore';
import { accountKeyOf, currentAccountKey } from './accountKey';
import { call } from './bridge';
import { sendDelete } from './deleteEntry';
import { restoreQueryCache } from './persistCache';
import { queryKeys } from './queryKeys';

const notSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== 'session';
/** Of no one account: the session, and the list of accounts (which says which one is current). */
const ofTheAccount = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'accounts';

export function showSession(client: QueryClient, session: Session): void {
  const before = currentAccountKey(client);
  const after = accountKeyOf(session);
  client.setQueryData(queryKeys.session, session);
  if (after === null) {
    // A delete still in its undo window is not sent for the next account.
    usePendingDeleteStore.getState().undo();
    client.removeQueries({ predicate: ofTheAccount });
    void client.invalidateQueries({ queryKey: queryKeys.accounts });
    useUiStore.getState().reset();
  } else if (before !== after) {
    usePendingDeleteStore.getState().undo();
    // Nothing of the last account lingers, not even as a placeholder while the new one loads.
    client.removeQueries({ predicate: ofTheAccount });
    // A form or a day of the last account closes; settings, where accounts are chosen, stay.
    const inSettings = useUiStore.getState().view === 'settings';
    useUiStore.getState().reset();
    if (inSettings) useUiStore.getState().showView('settings');
    void restoreQueryCache(client, after).then(() => client.invalidateQueries({ predicate: notSession }));
  } else {
    // The same account (renamed, or signed in again): what is shown stays, and is asked again.
    void client.invalidateQueries({ predicate: notSession });
  }
}

/**
 * Switches to another account: a delete waiting for its undo is sent first (to the account it
 * was made in, and waited for), then the core switches, then the popover follows.
 */
export async function switchAccount(
  client: QueryClient,
  name: string | null,
  onRefused: (message: string) => void,
): Promise<Session> {
  const pending = usePendingDeleteStore.getState().pending;
  if (pending) {
    usePendingDeleteStore.getState().undo();
    await sendDelete(client, pending, onRefused);
  }
  const session = await call('accounts.use', { name });
  showSession(client, session);
  return session;
}
