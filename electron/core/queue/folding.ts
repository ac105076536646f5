// The queue's rules as pure functions over the queue file: which changes fold together before
// anything is sent, which goes next, what a create's real id rewrites, and how the waiting
// changes lie over what Harvest last said. Kept pure so each rule is tested on its own.
import type { LocalDate, PendingChange, PendingMark, PendingState, TimeEntry } from '../../../shared/domain';
import { compareNewestFirst, dayInRange, type DayRange } from '../app/entryLedger';
import { checkBeforeSending, isCreate, mayHaveReachedHarvest, type Intent, type QueueFile } from './intent';

export const WAITING_MESSAGE = 'Waiting to be sent to Harvest.';
export const CHECKING_MESSAGE =
  'Harvest may already have this change (its answer was lost); Harvest Tray checks before sending it again.';

/** A new provisional id (-1, -2, …) and the file that will not give it out again. */
export function provisionalId(file: QueueFile): [number, QueueFile] {
  return [-file.nextProvisional, { ...file, nextProvisional: file.nextProvisional + 1 }];
}

/**
 * A create keeps the provisional id it was shown with unless the file on disk gave that id out
 * meanwhile (another process kept a create too): then it takes the next free one. Ids are never
 * given out twice, so a view holding one cannot meet another entry.
 */
export function claimProvisionalId(file: QueueFile, change: Intent): [QueueFile, Intent] {
  if (!isCreate(change) || change.entryId >= 0) return [file, change];
  if (-change.entryId >= file.nextProvisional) return [{ ...file, nextProvisional: -change.entryId + 1 }, change];
  const [id, next] = provisionalId(file);
  const shown = change.shown === null ? null : { ...change.shown, id };
  return [next, { ...change, entryId: id, shown }];
}

/** The change still in the queue that made entry `entryId` (a create not yet through), if any. */
function createOf(file: QueueFile, entryId: number): Intent | undefined {
  return file.intents.find((intent) => isCreate(intent) && intent.entryId === entryId);
}

/** The entry's own changes, in order. */
function changesTo(file: QueueFile, entryId: number): Intent[] {
  return file.intents.filter((intent) => intent.entryId === entryId);
}

/** Not yet sent, not refused: still only ours, so it may be rewritten. */
function untouched(intent: Intent): boolean {
  return !checkBeforeSending(intent) && intent.refusal === null;
}

/**
 * Adds a change, folding it into what waits where that sends less and records the same:
 * - a delete of an entry whose create has not gone out cancels both, and everything between;
 * - a stop of a timer whose start (or restart) has not gone out becomes that change's end moment;
 * - an edit of an entry whose create alone waits becomes part of the create.
 */
export function keepChange(file: QueueFile, kept: Intent): QueueFile {
  const change = onRealId(file, kept);
  const own = changesTo(file, change.entryId);
  const last = own.at(-1);
  const create = createOf(file, change.entryId);

  if (!isCreate(change) && change.entryId < 0 && create === undefined) {
    // Its entry is gone before it reached Harvest (deleted meanwhile, say by a press that came at
    // the same moment, or discarded): kept, it could only wait forever as refused.
    return file;
  }
  if (change.kind === 'restart' && last !== undefined && last.refusal === null && (last.kind === 'start' || last.kind === 'restart') && last.stoppedAt === null) {
    // The timer runs already by a change kept a moment before (presses that came at once, each
    // having read it stopped): a restart of a running timer changes nothing.
    return file;
  }
  if (change.kind === 'delete' && create !== undefined && untouched(create)) {
    return { ...file, intents: file.intents.filter((intent) => intent.entryId !== change.entryId) };
  }
  if (
    change.kind === 'stop' &&
    last !== undefined &&
    untouched(last) &&
    (last.kind === 'start' || last.kind === 'restart') &&
    last.stoppedAt === null
  ) {
    return replace(file, { ...last, stoppedAt: change.createdAt, shown: change.shown });
  }
  if (change.kind === 'edit' && create !== undefined && own.length === 1 && untouched(create) && isCreate(create)) {
    // A timer still running has the hours it runs: hours in the create would make it a stopped
    // entry (as the shown entry ignores them, see KeepingWrites.patched).
    const running = create.kind === 'start' && create.stoppedAt === null;
    const { hours: _hours, ...patch } = change.patch;
    void _hours;
    return replace(file, { ...create, fields: { ...create.fields, ...(running ? patch : change.patch) }, shown: change.shown });
  }
  return { ...file, intents: [...file.intents, change] };
}

/**
 * A change made against a provisional id whose create went through meanwhile (while the change was
 * being prepared, or in another process) follows it to Harvest's id: on the provisional one it
 * would be refused as an entry whose create never went out.
 */
function onRealId(file: QueueFile, change: Intent): Intent {
  const id = realIdOf(file, change.entryId);
  if (id === change.entryId) return change;
  return { ...change, entryId: id, shown: change.shown === null ? null : { ...change.shown, id } } as Intent;
}

function replace(file: QueueFile, changed: Intent): QueueFile {
  return { ...file, intents: file.intents.map((intent) => (intent.id === changed.id ? changed : intent)) };
}

/** Puts a change back as it was sent or refused (attempts, refusal), keeping its place in line. */
export function updateChange(file: QueueFile, changed: Intent): QueueFile {
  return replace(file, changed);
}

/** The change is through: it leaves the queue. */
export function removeChange(file: QueueFile, id: string): QueueFile {
  return { ...file, intents: file.intents.filter((intent) => intent.id !== id) };
}

/**
 * Harvest knows the entry as `toId` now (a create went through, or a restart answered with a new
 * entry): the changes that follow it are sent with that id.
 */
export function resolveEntry(file: QueueFile, fromId: number, toId: number): QueueFile {
  if (fromId === toId) return file;
  const intents = file.intents.map((intent) =>
    intent.entryId === fromId
      ? ({ ...intent, entryId: toId, shown: intent.shown === null ? null : { ...intent.shown, id: toId } } as Intent)
      : intent,
  );
  const resolved = fromId < 0 ? { ...file.resolved, [String(fromId)]: toId } : file.resolved;
  return { ...file, intents, resolved };
}

/** The user drops a change; without its create, nothing that follows an entry made offline can be sent. */
export function discardChange(file: QueueFile, id: string): QueueFile {
  const dropped = file.intents.find((intent) => intent.id === id);
  if (dropped === undefined) return file;
  const goesWith = isCreate(dropped) ? (intent: Intent) => intent.entryId === dropped.entryId : () => false;
  return { ...file, intents: file.intents.filter((intent) => intent.id !== id && !goesWith(intent)) };
}

/** The oldest change that can be sent: not refused, and no earlier change to its entry refused. */
export function nextToSend(file: QueueFile): Intent | null {
  const blocked = new Set<number>();
  for (const intent of file.intents) {
    if (intent.refusal !== null) {
      blocked.add(intent.entryId);
      continue;
    }
    if (!blocked.has(intent.entryId)) return intent;
  }
  return null;
}

/** Where a provisional id went, for a view still holding it. */
export function realIdOf(file: QueueFile, id: number): number {
  return file.resolved[String(id)] ?? id;
}

export function stateOf(intent: Intent): PendingState {
  if (intent.refusal !== null) {
    return {
      state: 'refused',
      message: intent.refusal.message,
      errorKind: intent.refusal.errorKind,
      ...(intent.refusal.status === undefined ? {} : { status: intent.refusal.status }),
    };
  }
  if (mayHaveReachedHarvest(intent)) return { state: 'checking', message: CHECKING_MESSAGE };
  return { state: 'waiting', message: WAITING_MESSAGE };
}

/** The change as the popover lists it. */
export function toPendingChange(intent: Intent): PendingChange {
  const shown = intent.shown;
  return {
    id: intent.id,
    kind: intent.kind,
    entryId: intent.entryId,
    spentDate: shown?.spentDate ?? (isCreate(intent) ? intent.fields.spentDate : intent.createdAt.slice(0, 10)),
    projectName: shown?.project.name ?? null,
    taskName: shown?.task.name ?? null,
    clientName: shown?.client?.name ?? null,
    notes: shown?.notes ?? null,
    hours: hoursOf(intent),
    createdAt: intent.createdAt,
    attempts: intent.attempts,
    status: stateOf(intent),
  };
}

function hoursOf(intent: Intent): number | null {
  if (intent.kind === 'stop') return intent.hours;
  if (intent.kind === 'edit') return intent.patch.hours ?? null;
  if (isCreate(intent)) return intent.stoppedAt !== null || intent.fields.hours !== undefined ? (intent.shown?.hours ?? null) : null;
  if (intent.kind === 'restart' && intent.stoppedAt !== null) return intent.shown?.hours ?? null;
  return null;
}

const TELLING: Record<PendingState['state'], number> = { refused: 2, checking: 1, waiting: 0 };

/**
 * What Harvest said, with the queue's changes laid over it in order: a create adds its entry (on
 * its provisional id), a change shows the entry as it will be, a delete hides it. Every entry a
 * change touches carries a pending mark.
 *
 * A change Harvest's list already holds (an entry carries its id as external reference: a create
 * whose answer was lost, still waiting to be checked or replayed) is not laid over again: Harvest's
 * entry stands for it, and the changes kept against its provisional id lie over Harvest's entry.
 * Otherwise the same minutes would show twice, once on each id.
 */
export function overlayEntries(harvest: TimeEntry[], intents: Intent[], range: { from: LocalDate; to: LocalDate }): TimeEntry[] {
  const held = heldByHarvest(harvest, intents);
  const shown = new Map<number, TimeEntry | null>(harvest.map((entry) => [entry.id, entry]));
  const marks = new Map<number, PendingMark>();
  for (const intent of intents) {
    if (held.changes.has(intent.id)) continue;
    const entryId = held.entryIds.get(intent.entryId) ?? intent.entryId;
    const after = intent.shown === null || intent.shown.id === entryId ? intent.shown : { ...intent.shown, id: entryId };
    const known = shown.get(entryId);
    // A change to an entry outside these days (and not moved into them) leaves the list alone.
    if (known === undefined && !isCreate(intent) && (after === null || !dayInRange(after.spentDate, range))) continue;
    shown.set(entryId, after);
    const state = stateOf(intent);
    const before = marks.get(entryId);
    marks.set(entryId, {
      changeId: intent.id,
      changes: (before?.changes ?? 0) + 1,
      status: before !== undefined && TELLING[before.status.state] > TELLING[state.state] ? before.status : state,
    });
  }
  const result: TimeEntry[] = [];
  for (const [id, entry] of shown) {
    if (entry === null || !dayInRange(entry.spentDate, range as DayRange)) continue;
    const mark = marks.get(id);
    result.push(mark === undefined ? entry : { ...entry, pending: mark });
  }
  return result.sort(compareNewestFirst);
}

/** The waiting changes Harvest's entries carry as external reference, and the ids their creates have there. */
function heldByHarvest(harvest: TimeEntry[], intents: Intent[]): { changes: Set<string>; entryIds: Map<number, number> } {
  const byReference = new Map<string, number>();
  for (const entry of harvest) {
    if (entry.externalReferenceId !== undefined) byReference.set(entry.externalReferenceId, entry.id);
  }
  const changes = new Set<string>();
  const entryIds = new Map<number, number>();
  for (const intent of intents) {
    const made = byReference.get(intent.id);
    if (made === undefined) continue;
    changes.add(intent.id);
    if (isCreate(intent)) entryIds.set(intent.entryId, made);
  }
  return { changes, entryIds };
}
