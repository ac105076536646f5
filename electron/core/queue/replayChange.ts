// Sends one kept change to Harvest, exactly once: a create is first looked for by its external
// reference when an earlier send may have reached Harvest; a stop or restart is checked against
// the entry's state before it is sent; edits and deletes are safe to repeat. Timers are written
// with the moments the user made the change, not the moment the change got through: a timer
// started offline and running still is made with the hours it has run and restarted on top of them.
import type { CompanySettings } from '../../../shared/domain';
import { AppFailure, isAppFailure } from '../../../shared/errors';
import { toHarvestHours } from '../../../shared/hours';
import { toLocalDate } from '../../../shared/localDate';
import { isOutcomeUnknown } from '../harvest/errors';
import type { CreateTimeEntry } from '../harvest/HarvestClient';
import type { WireTimeEntry } from '../harvest/wire';
import { announceChange, startingTimer, type AccountContext } from '../app/accountContext';
import { LAST_MINUTE, rangeForHours } from '../app/clockRange';
import { formatClockTime } from '../../../shared/clockTime';
import type { EntryService } from '../app/entries';
import { ENTRY_GONE_MESSAGE } from '../app/entryGone';
import { toTimeEntry } from '../app/mapping';
import { checkBeforeSending, isCreate, mayHaveReachedHarvest, type CreateIntent, type Intent, type Refusal } from './intent';
import { clockOf, hoursBetween } from './moments';
import { EXTERNAL_REFERENCE_GROUP } from './createTags';


export type ReplayOutcome =
  /** Harvest has the change; `entryId` where Harvest knows the entry by another id from now on. */
  | { kind: 'done'; entryId?: number }
  /** Harvest said no: kept with its reason for the user. */
  | { kind: 'refused'; refusal: Refusal }
  /** Harvest could not take it now (or the answer was lost): it waits and is tried again later. */
  | { kind: 'unreachable'; mayHaveApplied: boolean; retryAfterMs?: number }
  /** The sign-in is gone: nothing is sent until the user signs in again. */
  | { kind: 'signed-out' };

export interface ReplayDeps {
  context: AccountContext;
  entries: EntryService;
}

/** Failures that mean "not now" rather than "no". */
export function cannotReachNow(error: unknown): boolean {
  if (isOutcomeUnknown(error)) return true;
  return isAppFailure(error) && ['offline', 'timeout', 'server', 'rate-limited', 'cancelled'].includes(error.kind);
}

/**
 * The first step of a change reached Harvest and the next did not (a create made, its restart cut
 * off): the change is no longer only ours, so the next try looks for what Harvest has first.
 */
class PartlyMade extends Error {
  constructor(readonly failure: unknown) {
    super('Harvest has part of this change.');
  }
}

export async function replayChange(intent: Intent, deps: ReplayDeps): Promise<ReplayOutcome> {
  try {
    return await send(intent, deps);
  } catch (thrown) {
    const partly = thrown instanceof PartlyMade;
    const error = partly ? thrown.failure : thrown;
    if (cannotReachNow(error)) {
      const retry = isAppFailure(error) ? error.retryAfterSeconds : undefined;
      return {
        kind: 'unreachable',
        mayHaveApplied: partly || isOutcomeUnknown(error),
        ...(retry === undefined ? {} : { retryAfterMs: retry * 1000 }),
      };
    }
    if (isAppFailure(error) && error.kind === 'signed-out') return { kind: 'signed-out' };
    if (isAppFailure(error) && error.kind === 'not-found') {
      // A delete of an entry that is gone has happened; anything else cannot be done any more.
      if (intent.kind === 'delete') return { kind: 'done' };
      return { kind: 'refused', refusal: { message: ENTRY_GONE_MESSAGE, errorKind: 'not-found', status: 404 } };
    }
    const failure = isAppFailure(error) ? error : null;
    const status = error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
    return {
      kind: 'refused',
      refusal: {
        message: failure?.message ?? 'Harvest Tray could not send this change.',
        errorKind: failure?.kind ?? 'unexpected',
        ...(status === undefined ? {} : { status }),
      },
    };
  }
}

async function send(intent: Intent, deps: ReplayDeps): Promise<ReplayOutcome> {
  // Timer changes read what runs before they write: they take their turn in the account's lane
  // like the popover's own (edits and deletes take theirs inside the entry service).
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => deps.context.writes.run(work);
  if (isCreate(intent)) return inTurn(() => create(intent, deps));
  if (intent.entryId < 0) {
    // Its create is not through (it was discarded, or refused): nothing to send it to.
    throw new AppFailure({ kind: 'not-found', message: ENTRY_GONE_MESSAGE });
  }
  switch (intent.kind) {
    case 'stop':
      return inTurn(() => stop(intent, deps));
    case 'restart':
      return inTurn(() => restart(intent, deps));
    case 'edit': {
      await deps.entries.updateWire({ id: intent.entryId, patch: intent.patch });
      return { kind: 'done' };
    }
    case 'delete': {
      await deps.entries.delete({ id: intent.entryId });
      return { kind: 'done' };
    }
  }
}

/** The entry Harvest made for this change, if an earlier send got through. */
async function alreadyMade(intent: Intent, context: AccountContext): Promise<WireTimeEntry | null> {
  const me = await context.reference.me();
  const found = await context.call((client) => client.listTimeEntries({ userId: me.id, externalReferenceId: intent.id }));
  return found[0] ?? null;
}

async function create(intent: CreateIntent, deps: ReplayDeps): Promise<ReplayOutcome> {
  const { context } = deps;
  const company = await context.reference.company();
  // Looked for whenever a send was begun: the answer may have been lost, or the app killed, after
  // Harvest saved it. A create kept after a try of its own whose outcome is unknown counts that try.
  const found = checkBeforeSending(intent) ? await alreadyMade(intent, context) : null;
  if (found !== null) {
    // Made by a try whose restart did not follow (cut off, or the app quit between the two).
    if (runsOnItsHours(intent, company) && !found.is_running) return runOn(intent, found, context);
    // Or by a try whose hours did not follow.
    return made(await withItsHours(found, intent, company, context), context);
  }
  const body = createBody(intent, company, context.now());
  const restartAfter = body.mode === 'duration' && body.hours !== undefined && runsOnItsHours(intent, company);
  const startsTimer = restartAfter || (body.mode === 'duration' ? body.hours === undefined : body.endedTime === undefined);
  let created: WireTimeEntry | null = null;
  let running: WireTimeEntry | null = null;
  const write = async (): Promise<WireTimeEntry> => {
    created = await context.call((client) =>
      client.createTimeEntry({ ...body, externalReference: { id: intent.id, groupId: EXTERNAL_REFERENCE_GROUP } }),
    );
    return created;
  };
  if (!startsTimer) {
    const wire = await write();
    try {
      return made(await withItsHours(wire, intent, company, context), context);
    } catch (error) {
      throw new PartlyMade(error);
    }
  }
  try {
    const { wire, changedDates } = await startingTimer(context, async () => {
      const entry = await write();
      running = restartAfter && !entry.is_running ? await restartMade(entry.id, context) : entry;
      return running;
    });
    announceChange(context, changedDates);
    return made(wire, context);
  } catch (error) {
    // Running, and a reading after it failed: the change is done, whatever runs beside it.
    if (running !== null) return made(running, context);
    // Made and not running yet: Harvest has it, so it must not go again as new.
    if (created !== null) throw new PartlyMade(error);
    throw error;
  }
}

/**
 * A timer started offline in a duration account and running still. Harvest starts a timer from the
 * moment its create arrives, so the entry is made with the hours it has run since the user started
 * it and restarted: it runs on top of them (hours_without_timer), counting from the real start.
 */
function runsOnItsHours(intent: CreateIntent, company: CompanySettings): boolean {
  return !company.wantsTimestampTimers && intent.kind === 'start' && intent.stoppedAt === null && intent.fields.hours === undefined;
}

/** An entry an earlier try made and did not restart: brought up to the hours it has run, and run on. */
async function runOn(intent: CreateIntent, found: WireTimeEntry, context: AccountContext): Promise<ReplayOutcome> {
  const ran = hoursBetween(intent.createdAt, context.now());
  let running: WireTimeEntry | null = null;
  try {
    const { wire, changedDates } = await startingTimer(context, async () => {
      // Setting the hours is safe to repeat: a try cut off after it sets them again, to its own now.
      if (Math.abs(found.hours - ran) >= 0.01) await context.call((client) => client.updateTimeEntry(found.id, { hours: ran }));
      running = await restartMade(found.id, context);
      return running;
    });
    announceChange(context, changedDates);
    return made(wire, context);
  } catch (error) {
    if (running !== null) return made(running, context);
    throw error;
  }
}

/**
 * A start/end-time timer started and stopped while offline on either side of midnight: Harvest
 * keeps a range within the day it began and refuses one that ends before it starts, so the entry
 * is made to 23:59 and then given the hours the timer ran (setting them is safe to repeat).
 */
function hoursPastItsDay(intent: CreateIntent, company: CompanySettings): number | null {
  const { fields } = intent;
  if (!company.wantsTimestampTimers || intent.stoppedAt === null) return null;
  if (fields.hours !== undefined || fields.startedTime !== undefined || fields.endedTime !== undefined) return null;
  if (toLocalDate(new Date(intent.stoppedAt)) === toLocalDate(new Date(intent.createdAt))) return null;
  return hoursBetween(intent.createdAt, intent.stoppedAt);
}

async function withItsHours(wire: WireTimeEntry, intent: CreateIntent, company: CompanySettings, context: AccountContext): Promise<WireTimeEntry> {
  const hours = hoursPastItsDay(intent, company);
  if (hours === null || Math.abs(wire.hours - hours) < 0.01) return wire;
  return context.call((client) => client.updateTimeEntry(wire.id, { hours }));
}

/** Restarts an entry the queue made; it runs on top of the hours it was made with. */
function restartMade(id: number, context: AccountContext): Promise<WireTimeEntry> {
  return context.call((client) => client.restartTimeEntry(id));
}

function made(wire: WireTimeEntry, context: AccountContext): ReplayOutcome {
  context.ledger.remember(toTimeEntry(wire));
  announceChange(context, [wire.spent_date]);
  return { kind: 'done', entryId: wire.id };
}

/**
 * The create as the account writes time, with the moments the user made it; `sentAt` (now) ends
 * the hours of a duration timer that runs still, which is restarted after (see runsOnItsHours).
 */
export function createBody(intent: CreateIntent, company: CompanySettings, sentAt: Date): CreateTimeEntry {
  const { fields } = intent;
  const common = {
    projectId: fields.projectId,
    taskId: fields.taskId,
    spentDate: fields.spentDate,
    ...(fields.notes === undefined ? {} : { notes: fields.notes }),
  };
  if (!company.wantsTimestampTimers) {
    if (fields.hours !== undefined) return { mode: 'duration', ...common, hours: fields.hours };
    if (intent.stoppedAt !== null) return { mode: 'duration', ...common, hours: hoursBetween(intent.createdAt, intent.stoppedAt) };
    const ran = runsOnItsHours(intent, company) ? hoursBetween(intent.createdAt, sentAt) : 0;
    // Under 0.01 h nothing is lost: a plain timer, started by the create itself.
    return ran > 0 ? { mode: 'duration', ...common, hours: ran } : { mode: 'duration', ...common };
  }
  if (fields.startedTime !== undefined || fields.endedTime !== undefined) {
    return {
      mode: 'timestamp',
      ...common,
      ...(fields.startedTime === undefined ? {} : { startedTime: fields.startedTime }),
      ...(fields.endedTime === undefined ? {} : { endedTime: fields.endedTime }),
    };
  }
  if (fields.hours !== undefined) {
    const made = new Date(intent.createdAt);
    const range = rangeForHours({ hours: fields.hours, isToday: fields.spentDate === toLocalDate(made), now: made, clock: company.clock });
    return { mode: 'timestamp', ...common, ...range };
  }
  const endedTime =
    intent.stoppedAt === null
      ? undefined
      : hoursPastItsDay(intent, company) === null
        ? clockOf(intent.stoppedAt, company.clock)
        : formatClockTime(LAST_MINUTE, company.clock);
  return {
    mode: 'timestamp',
    ...common,
    startedTime: clockOf(intent.createdAt, company.clock),
    ...(endedTime === undefined ? {} : { endedTime }),
  };
}

async function stop(intent: Extract<Intent, { kind: 'stop' }>, deps: ReplayDeps): Promise<ReplayOutcome> {
  const { context } = deps;
  const id = intent.entryId;
  let wire = await context.call((client) => client.getTimeEntry(id));
  if (!wire.is_running && !mayHaveReachedHarvest(intent)) {
    // Stopped elsewhere (the phone, the web) before this stop, never sent, got there: that stop
    // happened first, and the hours it left (or set since) stand.
    made(wire, context);
    return { kind: 'done' };
  }
  let stopped = false;
  try {
    if (wire.is_running) {
      try {
        wire = await context.call((client) => client.stopTimeEntry(id));
      } catch (error) {
        // A stop repeated after its answer was lost meets a stopped timer, which Harvest refuses.
        if (!isAppFailure(error) || error.kind !== 'rejected') throw error;
        wire = await context.call((client) => client.getTimeEntry(id));
        if (wire.is_running) throw error;
      }
    }
    stopped = true;
    // Stopped now, or earlier by a send whose answer was lost: either way it ends at the moment the
    // user stopped it.
    const company = await context.reference.company();
    // A start/end-time timer stopped after the midnight ending the day it ran on: Harvest refuses a
    // range ending before it starts, so the hours it ran are written instead (the range ends at 23:59).
    const byHours = !company.wantsTimestampTimers || toLocalDate(new Date(intent.createdAt)) > wire.spent_date;
    if (byHours) {
      if (Math.abs(wire.hours - intent.hours) >= 0.01) wire = await context.call((client) => client.updateTimeEntry(id, { hours: intent.hours }));
    } else {
      const ended = clockOf(intent.createdAt, company.clock);
      if (wire.ended_time !== ended) wire = await context.call((client) => client.updateTimeEntry(id, { endedTime: ended }));
    }
  } catch (error) {
    // Stopped by this change and its moment not written yet: the next try must not take the
    // stopped timer for one stopped elsewhere.
    if (stopped) throw new PartlyMade(error);
    throw error;
  }
  made(wire, context);
  return { kind: 'done' };
}

async function restart(intent: Extract<Intent, { kind: 'restart' }>, deps: ReplayDeps): Promise<ReplayOutcome> {
  const { context } = deps;
  const id = intent.entryId;
  const company = await context.reference.company();
  const before = await context.call((client) => client.getTimeEntry(id));

  if (intent.stoppedAt !== null) {
    // Restarted and stopped while offline: only the span between the two moments is added.
    if (!company.wantsTimestampTimers) {
      const hours = intent.baseHours + hoursBetween(intent.createdAt, intent.stoppedAt);
      made(await context.call((client) => client.updateTimeEntry(id, { hours })), context);
      return { kind: 'done' };
    }
    // A start/end-time account records a restart as a new entry: the same work, its own range.
    const copy: CreateIntent = {
      ...intent,
      kind: 'start',
      fields: {
        projectId: before.project.id,
        taskId: before.task.id,
        spentDate: toLocalDate(new Date(intent.createdAt)),
        ...(before.notes === null ? {} : { notes: before.notes }),
      },
      stoppedAt: intent.stoppedAt,
    };
    return create(copy, deps);
  }

  if (before.is_running) return { kind: 'done' };
  if (!company.wantsTimestampTimers) {
    // Restarted offline and running still: Harvest runs it from the restart's arrival, so the time
    // it has run since the user restarted it is added first (set, not added: safe to repeat).
    const hours = toHarvestHours(intent.baseHours + hoursBetween(intent.createdAt, context.now()));
    if (Math.abs(before.hours - hours) >= 0.01) await context.call((client) => client.updateTimeEntry(id, { hours }));
  }
  if (mayHaveReachedHarvest(intent) && company.wantsTimestampTimers) {
    // The restart may have made a new entry already: the same work running today is that entry.
    const me = await context.reference.me();
    const running = await context.call((client) => client.listTimeEntries({ userId: me.id, isRunning: true }));
    const same = running.find(
      (entry) => entry.project.id === before.project.id && entry.task.id === before.task.id && entry.notes === before.notes,
    );
    if (same !== undefined) return { kind: 'done', entryId: same.id };
  }
  let restarted: WireTimeEntry | null = null;
  let wire: WireTimeEntry;
  try {
    ({ wire } = await startingTimer(context, async () => {
      restarted = await context.call((client) => client.restartTimeEntry(id));
      return restarted;
    }));
  } catch (error) {
    // Restarted, and a reading after it failed: done; the moment is set on the next reading.
    if (restarted === null) throw error;
    wire = restarted;
  }
  if (company.wantsTimestampTimers && wire.spent_date === toLocalDate(new Date(intent.createdAt))) {
    const started = clockOf(intent.createdAt, company.clock);
    const restarted = wire.id;
    if (wire.started_time !== started) wire = await context.call((client) => client.updateTimeEntry(restarted, { startedTime: started }));
  }
  made(wire, context);
  return wire.id === id ? { kind: 'done' } : { kind: 'done', entryId: wire.id };
}
