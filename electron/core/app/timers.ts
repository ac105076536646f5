// Timers: start, stop, restart, and the one-keystroke "resume work" (quick restart).
import type { QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { checkRoomToRun } from '../../../shared/hours';
import { addDays } from '../../../shared/localDate';
import type { WireTimeEntry } from '../harvest/wire';
import { clockOf, hoursBetween } from '../queue/moments';
import {
  announceChange,
  entryForChange,
  readRunningWire,
  startingTimer,
  today,
  watchingRunning,
  type AccountContext,
} from './accountContext';
import type { EntryService } from './entries';
import { compareNewestFirst, compareRecentlyWorked } from './entryLedger';
import { toTimeEntry } from './mapping';

type StartRequest = {
  projectId: number;
  taskId: number;
  notes?: string | undefined;
  /** When the work began, earlier today (a script saying so); now when left out. */
  startedAt?: Date | undefined;
};

/** How far back quick restart looks for the entry to resume. */
export const QUICK_RESTART_DAYS = 30;

export class TimerService {
  constructor(
    private readonly context: AccountContext,
    private readonly entries: EntryService,
  ) {}

  /** A new timer today (see startingTimer: Harvest stops the one that ran as it accepts it). */
  async start(request: StartRequest): Promise<TimeEntry> {
    return toTimeEntry(await this.startWire(request));
  }

  // Each write also exists answering with Harvest's own JSON of the entry (see EntryService), and
  // takes its turn in the account's lane; the same change asked for again while it is on its way
  // (a double click, two windows) joins it instead of being made twice.
  startWire(request: StartRequest): Promise<WireTimeEntry> {
    const { startedAt } = request;
    if (startedAt === undefined) return this.entries.createWire(this.startRequest(request));
    return this.context.writes.run(() => this.startEarlierInTurn(request, startedAt));
  }

  async stopRunning(): Promise<TimeEntry | null> {
    const wire = await this.stopRunningWire();
    return wire === null ? null : toTimeEntry(wire);
  }

  /** Stops the timer that runs now, whichever it is; null when none runs. */
  stopRunningWire(): Promise<WireTimeEntry | null> {
    return this.context.writes.join('stop running', async () => {
      const [running] = await readRunningWire(this.context);
      return running === undefined ? null : this.stopInTurn({ id: running.id });
    });
  }

  async stop(request: { id: number }): Promise<TimeEntry> {
    return toTimeEntry(await this.stopWire(request));
  }

  stopWire(request: { id: number }): Promise<WireTimeEntry> {
    return this.context.writes.join(`stop ${request.id}`, () => this.stopInTurn(request));
  }

  /** In start/end-time accounts Harvest answers with a new entry: the reply is the truth. */
  async restart(request: { id: number }): Promise<TimeEntry> {
    return toTimeEntry(await this.restartWire(request));
  }

  restartWire(request: { id: number }): Promise<WireTimeEntry> {
    return this.context.writes.join(`restart ${request.id}`, () => this.restartInTurn(request));
  }

  async quickRestart(): Promise<QuickRestartResult> {
    const { action, entry } = await this.quickRestartWire();
    return { action, entry: entry === null ? null : toTimeEntry(entry) };
  }

  /**
   * Resume work with one keystroke: stop what runs; otherwise continue the entry last worked on,
   * restarting it when it is today's and starting a copy today when it is from an earlier day
   * (a timer on a past day would book today's work on the wrong date). Presses that come while
   * one is on its way (a double press, key repeat on a bound key) get its answer: one press, one
   * change, and a burst of them ends with the first instead of queuing past Harvest's limit.
   */
  quickRestartWire(): Promise<{ action: QuickRestartResult['action']; entry: WireTimeEntry | null }> {
    return this.context.writes.join('quick restart', () => this.quickRestartInTurn());
  }

  private async quickRestartInTurn(): Promise<{ action: QuickRestartResult['action']; entry: WireTimeEntry | null }> {
    const recent = await this.readRecent();
    const running = recent.find((entry) => entry.isRunning);
    if (running) return { action: 'stopped', entry: await this.stopInTurn({ id: running.id }) };

    const last = [...recent].sort(compareRecentlyWorked)[0];
    if (last === undefined) return { action: 'nothing-to-restart', entry: null };
    if (last.spentDate === today(this.context) && !last.isLocked) {
      return { action: 'restarted', entry: await this.restartInTurn({ id: last.id }) };
    }
    const entry = await this.entries.createInTurn(
      this.startRequest({
        projectId: last.project.id,
        taskId: last.task.id,
        ...(last.notes === null ? {} : { notes: last.notes }),
      }),
    );
    return { action: 'started-new', entry };
  }

  /**
   * A timer that began earlier today. Harvest's create takes no timer_started_at, so it is written
   * the way the account records time: in start/end-time accounts as a running entry from that
   * clock time; in duration accounts as the hours since then, restarted so it runs on from there
   * (Harvest's documented behaviour for restart).
   */
  private async startEarlierInTurn(request: StartRequest, startedAt: Date): Promise<WireTimeEntry> {
    const company = await this.context.reference.company();
    const base = this.startRequest(request);
    if (company.wantsTimestampTimers) {
      return this.entries.createInTurn({ ...base, startedTime: clockOf(startedAt, company.clock) });
    }
    const created = await this.entries.createInTurn({ ...base, hours: hoursBetween(startedAt, this.context.now()) });
    return this.restartInTurn({ id: created.id });
  }

  private startRequest(request: StartRequest) {
    return {
      projectId: request.projectId,
      taskId: request.taskId,
      spentDate: today(this.context),
      ...(request.notes === undefined ? {} : { notes: request.notes }),
    };
  }

  private async stopInTurn(request: { id: number }): Promise<WireTimeEntry> {
    const { context } = this;
    const wire = await context.call((client) => client.stopTimeEntry(request.id));
    context.ledger.remember(toTimeEntry(wire));
    announceChange(context, [wire.spent_date]);
    return wire;
  }

  private async restartInTurn(request: { id: number }): Promise<WireTimeEntry> {
    const { context } = this;
    const before = await entryForChange(context, request.id);
    const company = await context.reference.company();
    // A duration account's restart runs the same entry on top of its hours (start/end-time
    // accounts start a new entry at 0): a full one would pass what Harvest lets an entry hold.
    if (!company.wantsTimestampTimers) {
      const room = checkRoomToRun(before.hours);
      if (!room.ok) throw new AppFailure({ kind: 'validation', field: 'hours', message: room.reason });
    }
    const { wire, changedDates } = await startingTimer(context, () =>
      context.call((client) => client.restartTimeEntry(request.id)),
    );
    announceChange(context, [before.spentDate, wire.spent_date, ...changedDates]);
    return wire;
  }

  /** The user's entries of the last weeks, newest first; what the tray and quick restart use. */
  async readRecent(): Promise<TimeEntry[]> {
    const { context } = this;
    const to = today(context);
    const from = addDays(to, -QUICK_RESTART_DAYS);
    const me = await context.reference.me();
    return watchingRunning(context, async () => {
      const entries = (await context.call((client) => client.listTimeEntries({ userId: me.id, from, to }))).map(
        toTimeEntry,
      );
      // A timer runs on a recent day in practice, so this window is taken as the whole truth
      // about what runs: a timer stopped elsewhere stops in the tray too.
      context.ledger.setRunning(entries.filter((entry) => entry.isRunning));
      for (const entry of entries) context.ledger.remember(entry);
      return entries.sort(compareNewestFirst);
    });
  }
}
