// What the entry and timer services share for one signed-in account.
import type { EventSink } from '../../../shared/contract';
import type { LocalDate, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { toLocalDate } from '../../../shared/localDate';
import type { HarvestClient } from '../harvest/HarvestClient';
import type { WireTimeEntry } from '../harvest/wire';
import type { EntryLedger } from './entryLedger';
import { toTimeEntry } from './mapping';
import type { ReferenceData } from './referenceData';
import type { SerialLane } from './serialLane';

export interface AccountContext {
  reference: ReferenceData;
  ledger: EntryLedger;
  call: <T>(work: (client: HarvestClient) => Promise<T>) => Promise<T>;
  now: () => Date;
  emit: EventSink;
  /** The account's changes to Harvest take turns here (what runs is read, then written). */
  writes: SerialLane;
}

/** The user's local date right now: read at every use, because midnight passes while we run. */
export function today(context: AccountContext): LocalDate {
  return toLocalDate(context.now());
}

/** Tells the popover which days changed and the tray what runs now. */
export function announceChange(context: AccountContext, dates: Array<LocalDate | undefined>): void {
  const unique = [...new Set(dates.filter((date): date is LocalDate => date !== undefined))];
  context.emit('entries.changed', { dates: unique });
  context.emit('timer.changed', { running: context.ledger.running() });
}

/** Runs a read and tells the tray when it revealed a different running timer. */
export async function watchingRunning<T>(context: AccountContext, read: () => Promise<T>): Promise<T> {
  const before = runningKey(context.ledger.running());
  const result = await read();
  const running = context.ledger.running();
  if (runningKey(running) !== before) context.emit('timer.changed', { running });
  return result;
}

function runningKey(entry: TimeEntry | null): string {
  return entry === null ? '' : `${entry.id}@${entry.timerStartedAt ?? ''}`;
}

/** The entry about to be changed; a locked one is refused before anything is sent. */
export async function entryForChange(context: AccountContext, id: number): Promise<TimeEntry> {
  let entry = context.ledger.get(id);
  if (entry === undefined) {
    entry = toTimeEntry(await context.call((client) => client.getTimeEntry(id)));
    context.ledger.remember(entry);
  }
  if (entry.isLocked) {
    throw new AppFailure({
      kind: 'locked',
      message: `This entry cannot be changed: ${entry.lockedReason ?? 'it is locked.'}`,
    });
  }
  return entry;
}

/**
 * Starts a timer (a create without hours, or a restart) so that a start Harvest refuses leaves
 * Harvest as it was. The write goes first: Harvest stops the timer that ran before as it accepts a
 * new one, and does nothing when it refuses (stopping first would leave the old timer stopped on
 * the way to a start that failed). Its API does not promise that stop, so whatever still runs
 * beside the new timer is stopped after. Answers the new timer as Harvest holds it now, and the
 * days whose entries changed on the way (where timers stopped).
 */
export async function startingTimer(
  context: AccountContext,
  write: () => Promise<WireTimeEntry>,
): Promise<{ wire: WireTimeEntry; changedDates: LocalDate[] }> {
  // Read first, so the days of timers Harvest stops by itself are known, even ones run elsewhere.
  const before = await watchingRunning(context, () => readRunning(context));
  const started = await write();
  context.ledger.remember(toTimeEntry(started));
  const changedDates = before.filter((entry) => entry.id !== started.id).map((entry) => entry.spentDate);
  const running = await readRunningWire(context);
  for (const other of running) {
    if (other.id === started.id) continue;
    try {
      context.ledger.remember(toTimeEntry(await context.call((client) => client.stopTimeEntry(other.id))));
      changedDates.push(other.spent_date);
    } catch {
      // The start itself is done: failing its reply would invite a second start. What still runs
      // shows on the next reading of Harvest.
    }
  }
  return { wire: running.find((candidate) => candidate.id === started.id) ?? started, changedDates };
}

/** Asks Harvest which of the user's entries run now, and records the answer. */
export async function readRunning(context: AccountContext): Promise<TimeEntry[]> {
  return (await readRunningWire(context)).map(toTimeEntry);
}

/** The same reading, as Harvest sent it. */
export async function readRunningWire(context: AccountContext): Promise<WireTimeEntry[]> {
  const me = await context.reference.me();
  const running = await context.call((client) => client.listTimeEntries({ userId: me.id, isRunning: true }));
  context.ledger.setRunning(running.map(toTimeEntry));
  return running;
}
