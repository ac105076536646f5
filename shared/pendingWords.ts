// The words for changes Harvest has not confirmed yet, in one place: the popover's status line
// and the tray's tooltip and menu say the same thing the same way.
import type { PendingChange, PendingKind, SyncState } from './domain';

export function countChanges(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

/**
 * What the sync status says: offline or not, and how the queue's changes stand. Refused ones are
 * said apart (they wait for the user, not for Harvest); `checking` (from the queue's list, which
 * the sync state does not count apart) are said as checked, since whether Harvest has them is
 * not known. Empty when everything is in Harvest and Harvest answers.
 */
export function syncSummary(sync: SyncState, checking = 0): string {
  const waiting = Math.max(0, sync.pending - sync.refused - checking);
  const parts: Array<[number, string]> = [
    [waiting, 'waiting to be sent'],
    [checking, 'being checked with Harvest'],
    [sync.refused, 'refused by Harvest'],
  ];
  // "2 changes waiting to be sent, 1 refused by Harvest": the noun once, on the first figure.
  const said = parts
    .filter(([count]) => count > 0)
    .map(([count, words], index) => `${index === 0 ? countChanges(count) : count} ${words}`)
    .join(', ');
  if (!sync.online) return said ? `Offline — ${said}.` : 'Offline — showing what was last loaded.';
  return said ? `${said}.` : '';
}

const kindWords: Record<PendingKind, string> = {
  create: 'New entry',
  start: 'Start timer',
  stop: 'Stop timer',
  restart: 'Restart timer',
  edit: 'Edit entry',
  delete: 'Delete entry',
};

/** "Stop timer · Website · Design": what a change does, and to which project and task. */
export function changeTitle(change: Pick<PendingChange, 'kind' | 'projectName' | 'taskName'>): string {
  return [kindWords[change.kind], change.projectName, change.taskName].filter((part) => part).join(' · ');
}
