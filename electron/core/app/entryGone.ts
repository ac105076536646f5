// An entry deleted elsewhere (on the web, on the phone) while the popover still showed it: Harvest
// answers any change to it with 404. The app forgets it, tells the popover and the tray, and says
// what happened in words a person understands instead of "could not find time entry 123".
import { AppFailure, isAppFailure } from '../../../shared/errors';
import { announceChange, type AccountContext } from './accountContext';

export const ENTRY_GONE_MESSAGE =
  'This entry was deleted in Harvest (on the web or another device), so it can no longer be changed.';

/**
 * Runs a change to entry `id`. When Harvest no longer has the entry the change fails with
 * ENTRY_GONE_MESSAGE, except a delete (`goneIsDone`): what it asked for has happened.
 */
export async function changingEntry<T>(
  context: AccountContext,
  id: number,
  change: () => Promise<T>,
  goneIsDone?: () => T,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!isAppFailure(error) || error.kind !== 'not-found') throw error;
    const known = context.ledger.get(id);
    context.ledger.forget(id);
    announceChange(context, [known?.spentDate]);
    if (goneIsDone) return goneIsDone();
    throw new AppFailure({ kind: 'not-found', message: ENTRY_GONE_MESSAGE });
  }
}
