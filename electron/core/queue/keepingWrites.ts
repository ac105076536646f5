// The edge where a change meets the queue. A change goes to Harvest as before; when Harvest
// cannot take it now (offline, timed out, dropped, 5xx, 429 beyond patience, or an answer lost on
// the way) it is kept in the queue instead, on disk before the reply says so, and the reply is the
// entry as it will be, marked pending. While changes wait, new ones queue behind them, so Harvest
// gets them in the order they were made. A refusal from Harvest itself is still an error.
import type { ParsedRequestOf } from '../../../shared/contract';
import type { CompanySettings, ProjectChoice, QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { toLocalDate } from '../../../shared/localDate';
import { isOutcomeUnknown } from '../harvest/errors';
import type { AccountContext } from '../app/accountContext';
import { compareRecentlyWorked } from '../app/entryLedger';
import { withLastShown } from '../app/lastShownEntries';
import { toTimeEntry } from '../app/mapping';
import { newChangeId, withCreateTag, type CreateTag } from './createTags';
import type { Intent, KeptFields } from './intent';
import { clockOf, hoursAt } from './moments';
import type { PendingQueue } from './pendingQueue';
import { cannotReachNow } from './replayChange';

type CreateRequest = ParsedRequestOf<'entries.create'>;
type Patch = ParsedRequestOf<'entries.update'>['patch'];
type StartRequest = {
  projectId: number;
  taskId: number;
  notes?: string | undefined;
  /** When the work began, earlier today (a script saying so); now when left out. */
  startedAt?: Date | undefined;
};
type Failure = unknown;

const EVERY_DAY = { from: '0000-01-01', to: '9999-12-31' };

/** Harvest is out of reach and what the change is about was never seen here: nothing to keep it against. */
function unseen(what: 'this entry' | 'your entries'): AppFailure {
  return new AppFailure({ kind: 'offline', message: `Harvest Tray cannot reach Harvest and has not seen ${what} yet.` });
}

/** The writes of one account, in words of the contract, each either sent or kept. */
export interface Writes {
  create(request: CreateRequest): Promise<TimeEntry>;
  start(request: StartRequest): Promise<TimeEntry>;
  stop(request: { id: number }): Promise<TimeEntry>;
  /** Stops whichever timer runs now; null when none does. */
  stopRunning(): Promise<TimeEntry | null>;
  restart(request: { id: number }): Promise<TimeEntry>;
  update(request: { id: number; patch: Patch }): Promise<TimeEntry>;
  delete(request: { id: number }): Promise<{ id: number }>;
  quickRestart(): Promise<QuickRestartResult>;
}

export class KeepingWrites implements Writes {
  constructor(
    private readonly queue: PendingQueue,
    private readonly context: AccountContext,
    /** The same writes sent straight to Harvest (the services, with their checks). */
    private readonly send: Writes,
    /**
     * Harvest did not answer the last request: a change is kept at once rather than tried (a try
     * costs the client's retries, seconds of a click going nowhere); the queue's own timer probes.
     */
    private readonly offline: () => boolean = () => false,
    /** The entries the popover last showed: what a change is kept against when this run read none. */
    private readonly lastShown: () => Promise<TimeEntry[]> = async () => [],
  ) {}

  create(request: CreateRequest): Promise<TimeEntry> {
    return this.creating(request, (tagged) => tagged(() => this.send.create(request)));
  }

  start(request: StartRequest): Promise<TimeEntry> {
    const fields = {
      projectId: request.projectId,
      taskId: request.taskId,
      spentDate: toLocalDate(this.context.now()),
      ...(request.notes === undefined ? {} : { notes: request.notes }),
    };
    return this.creating(fields, (tagged) => tagged(() => this.send.start(request)), request.startedAt);
  }

  async stopRunning(): Promise<TimeEntry | null> {
    return this.writeOrKeep([], () => this.send.stopRunning(), async (failure) => {
      const running = (await this.current()).find((entry) => entry.isRunning);
      if (running !== undefined) return this.keepStop(running.id, failure);
      // "No timer is running" would be a guess: one may have started elsewhere since.
      throw new AppFailure({
        kind: 'offline',
        message: 'Harvest Tray cannot reach Harvest, and no timer was running when it last saw your entries.',
      });
    });
  }

  async stop(request: { id: number }): Promise<TimeEntry> {
    const id = this.queue.realId(request.id);
    return this.writeOrKeep([id], () => this.send.stop({ id }), (failure) => this.keepStop(id, failure));
  }

  async restart(request: { id: number }): Promise<TimeEntry> {
    const id = this.queue.realId(request.id);
    return this.writeOrKeep([id], () => this.send.restart({ id }), (failure) => this.keepRestart(id, failure));
  }

  async update(request: { id: number; patch: Patch }): Promise<TimeEntry> {
    const id = this.queue.realId(request.id);
    return this.writeOrKeep(
      [id],
      () => this.send.update({ id, patch: request.patch }),
      async (failure) => {
        const before = await this.entryToChange(id, failure);
        const shown = await this.patched(before, request.patch);
        return this.kept({ ...this.base(id, shown, failure), kind: 'edit', patch: request.patch });
      },
    );
  }

  async delete(request: { id: number }): Promise<{ id: number }> {
    const id = this.queue.realId(request.id);
    return this.writeOrKeep(
      [id],
      () => this.send.delete({ id }),
      async (failure) => {
        await this.entryToChange(id, failure);
        await this.queue.keep({ ...this.base(id, null, failure), kind: 'delete' });
        return { id: request.id };
      },
    );
  }

  async quickRestart(): Promise<QuickRestartResult> {
    return this.writeOrKeep([], () => this.send.quickRestart(), async (failure) => {
      const entries = await this.current();
      const running = entries.find((entry) => entry.isRunning);
      if (running !== undefined) return { action: 'stopped', entry: await this.keepStop(running.id, failure) };
      const today = toLocalDate(this.context.now());
      const last = entries.filter((entry) => entry.spentDate <= today).sort(compareRecentlyWorked)[0];
      if (last === undefined) {
        // Nothing seen since start-up (a new command line): "nothing to restart" would be a guess.
        if (entries.length === 0) throw failure ?? unseen('your entries');
        return { action: 'nothing-to-restart', entry: null };
      }
      if (last.spentDate === today && !last.isLocked) {
        return { action: 'restarted', entry: await this.keepRestart(last.id, failure) };
      }
      const fields: KeptFields = {
        projectId: last.project.id,
        taskId: last.task.id,
        spentDate: today,
        ...(last.notes === null ? {} : { notes: last.notes }),
      };
      return { action: 'started-new', entry: await this.keepCreate(fields, failure, null) };
    });
  }

  /** Sends the change, unless changes wait before it; keeps it when Harvest cannot take it now. */
  private async writeOrKeep<T>(entryIds: number[], send: () => Promise<T>, keep: (failure: Failure) => Promise<T>): Promise<T> {
    const behind = this.queue.hasSendable() || entryIds.some((id) => id < 0 || this.queue.hasChangesTo(id));
    if (behind || this.offline()) return keep(undefined);
    try {
      return await send();
    } catch (error) {
      if (!cannotReachNow(error)) throw error;
      return keep(error);
    }
  }

  private async creating(
    fields: KeptFields,
    send: (tagged: <T>(work: () => Promise<T>) => Promise<T>) => Promise<TimeEntry>,
    startedAt?: Date,
  ): Promise<TimeEntry> {
    const tag: CreateTag = { reference: newChangeId(), created: null };
    return this.writeOrKeep(
      [],
      () => send((work) => withCreateTag(tag, work)),
      async (failure) => {
        if (tag.created !== null) {
          const made = toTimeEntry(tag.created);
          // Made, and the restart that runs it on from its earlier start cut off: kept as made
          // once, so the queue finds it by its reference and runs it on instead of making another.
          if (startedAt !== undefined && !made.isRunning) return this.keepCreate(fields, failure, tag.reference, startedAt, true);
          // The create got through and a reading after it failed: it is done, as Harvest answered it.
          return made;
        }
        return this.keepCreate(fields, failure, tag.reference, startedAt);
      },
    );
  }

  private async keepCreate(
    fields: KeptFields,
    failure: Failure,
    reference: string | null,
    startedAt?: Date,
    madeOnce = false,
  ): Promise<TimeEntry> {
    const company = await this.company();
    const startsTimer =
      fields.hours === undefined && fields.endedTime === undefined && (company?.wantsTimestampTimers !== true || fields.startedTime === undefined);
    const now = this.context.now();
    // The moment the timer is written with: when the work began, where the caller said so.
    const began = startedAt ?? now;
    if (startsTimer) await this.stopWhatRuns(failure);
    const entryId = this.queue.takeProvisionalId();
    const names = await this.names(fields.projectId, fields.taskId);
    const hours = fields.hours ?? 0;
    const shown: TimeEntry = {
      id: entryId,
      spentDate: fields.spentDate,
      hours,
      hoursWithoutTimer: hours,
      notes: fields.notes ?? null,
      isRunning: startsTimer,
      timerStartedAt: startsTimer ? began.toISOString() : null,
      startedTime: fields.startedTime ?? (startsTimer && company?.wantsTimestampTimers === true ? clockOf(began, company.clock) : null),
      endedTime: fields.endedTime ?? null,
      isLocked: false,
      lockedReason: null,
      billable: names.billable,
      client: names.client,
      project: names.project,
      task: names.task,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const base = this.base(entryId, shown, failure);
    return this.kept({
      ...base,
      createdAt: began.toISOString(),
      // Harvest has it already: looked for by its reference before anything is sent (at once, as
      // Harvest answered the create; a restart whose answer was lost is let land first, see base).
      ...(madeOnce ? { attempts: Math.max(1, base.attempts) } : {}),
      ...(reference === null ? {} : { id: reference }),
      kind: startsTimer ? 'start' : 'create',
      fields,
      stoppedAt: null,
    });
  }

  private async keepStop(id: number, failure: Failure): Promise<TimeEntry> {
    const before = await this.entryToChange(id, failure);
    if (!before.isRunning) return before;
    const now = this.context.now();
    const hours = hoursAt(before, now);
    const company = await this.company();
    const shown: TimeEntry = {
      ...before,
      isRunning: false,
      timerStartedAt: null,
      hours,
      hoursWithoutTimer: hours,
      endedTime: company?.wantsTimestampTimers === true ? clockOf(now, company.clock) : before.endedTime,
      updatedAt: now.toISOString(),
    };
    return this.kept({ ...this.base(id, shown, failure), kind: 'stop', hours });
  }

  private async keepRestart(id: number, failure: Failure): Promise<TimeEntry> {
    const before = await this.entryToChange(id, failure);
    if (before.isRunning) return before;
    await this.stopWhatRuns(failure);
    const now = this.context.now();
    const shown: TimeEntry = {
      ...before,
      isRunning: true,
      timerStartedAt: now.toISOString(),
      hoursWithoutTimer: before.hours,
      updatedAt: now.toISOString(),
    };
    return this.kept({ ...this.base(id, shown, failure), kind: 'restart', baseHours: before.hours, stoppedAt: null });
  }

  /** Harvest runs one timer: a timer started offline stops the one running, at the same moment. */
  private async stopWhatRuns(failure: Failure): Promise<void> {
    for (const running of (await this.current()).filter((entry) => entry.isRunning)) await this.keepStop(running.id, failure);
  }

  private base(entryId: number, shown: TimeEntry | null, failure: Failure) {
    return {
      id: newChangeId(),
      entryId,
      createdAt: this.context.now().toISOString(),
      // Sent once with no answer: Harvest may have it; said so, and checked before it goes again.
      attempts: isOutcomeUnknown(failure) ? 1 : 0,
      ...(isOutcomeUnknown(failure) ? { sentAt: Date.now() } : {}),
      refusal: null,
      shown: shown === null ? null : withoutMark(shown),
    };
  }

  /** Keeps the change (on disk before this resolves) and answers the entry as it will be. */
  private async kept(change: Intent): Promise<TimeEntry> {
    const stored = await this.queue.keep(change);
    const entryId = this.queue.realId(stored.entryId);
    const shown = stored.shown;
    if (shown === null) throw new AppFailure({ kind: 'unexpected', message: 'The change was kept without its entry.' });
    const day = { from: shown.spentDate, to: shown.spentDate };
    // Folded into an earlier change, the entry is as the queue shows it now.
    return this.queue.overlay([], day).find((entry) => entry.id === entryId) ?? shown;
  }

  /** What Harvest last said (in this run, else as the popover last showed it), without the waiting changes. */
  private async known(): Promise<TimeEntry[]> {
    const { ledger } = this.context;
    return withLastShown(ledger.inRange(EVERY_DAY), await this.lastShown(), EVERY_DAY, ledger.knowsWhatRuns());
  }

  /** What Harvest last said, with the waiting changes laid over it. */
  private async current(): Promise<TimeEntry[]> {
    return this.queue.overlay(await this.known(), EVERY_DAY);
  }

  private async entryToChange(id: number, failure: Failure): Promise<TimeEntry> {
    const queued = this.queue.shownEntry(id);
    if (queued === null) throw new AppFailure({ kind: 'not-found', message: 'This entry is already deleted; the delete waits to be sent to Harvest.' });
    const entry = queued ?? this.context.ledger.get(id) ?? (await this.known()).find((candidate) => candidate.id === id);
    if (entry === undefined) {
      // Never seen, so nothing to show it as: the change cannot be kept honestly.
      throw failure ?? unseen('this entry');
    }
    if (entry.isLocked) {
      throw new AppFailure({ kind: 'locked', message: `This entry cannot be changed: ${entry.lockedReason ?? 'it is locked.'}` });
    }
    return withoutMark(entry);
  }

  private async patched(before: TimeEntry, patch: Patch): Promise<TimeEntry> {
    const projectId = patch.projectId ?? before.project.id;
    const taskId = patch.taskId ?? before.task.id;
    const names = projectId === before.project.id && taskId === before.task.id ? null : await this.names(projectId, taskId);
    return {
      ...before,
      ...(patch.spentDate === undefined ? {} : { spentDate: patch.spentDate }),
      ...(patch.notes === undefined ? {} : { notes: patch.notes }),
      ...(patch.hours === undefined || before.isRunning ? {} : { hours: patch.hours, hoursWithoutTimer: patch.hours }),
      ...(patch.startedTime === undefined ? {} : { startedTime: patch.startedTime }),
      ...(patch.endedTime === undefined ? {} : { endedTime: patch.endedTime }),
      ...(names === null ? {} : { project: names.project, task: names.task, client: names.client, billable: names.billable }),
      updatedAt: this.context.now().toISOString(),
    };
  }

  private async company(): Promise<CompanySettings | null> {
    if (this.offline()) return this.context.reference.cached('company');
    try {
      return await this.context.reference.company();
    } catch {
      return null;
    }
  }

  /** The names the popover shows for a project and task, from the cached choices where it can. */
  private async names(projectId: number, taskId: number) {
    let choices: ProjectChoice[] = this.context.reference.cached('projects') ?? [];
    try {
      if (!this.offline()) choices = await this.context.reference.projects();
    } catch {
      // Not cached and Harvest unreachable: the entry shows its numbers until Harvest answers.
    }
    const project = choices.find((choice) => choice.projectId === projectId);
    const task = project?.tasks.find((choice) => choice.taskId === taskId);
    return {
      project: { id: projectId, name: project?.projectName ?? `Project ${projectId}`, code: project?.projectCode ?? null },
      task: { id: taskId, name: task?.taskName ?? `Task ${taskId}` },
      // The client's id is not in the choices; 0-free ids are Harvest's, so the name alone is shown.
      client: project?.clientName ? { id: projectId, name: project.clientName } : null,
      billable: task?.billable ?? true,
    };
  }
}

function withoutMark(entry: TimeEntry): TimeEntry {
  const { pending: _pending, ...rest } = entry;
  void _pending;
  return rest;
}
