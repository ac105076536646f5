// Reminders and the automatic stop. `check()` runs every minute and on wake; the schedule's pure
// functions say what is due; Harvest is asked only when something is (before a "no timer"
// reminder, whether a timer runs after all). What has been shown is remembered in the store, so a
// restart neither repeats a reminder nor forgets a snooze.
import * as z from 'zod';
import type { EventSink } from '../../../shared/contract';
import {
  localDateSchema,
  type CompanySettings,
  type Reminder,
  type ReminderSettings,
  type Snooze,
  type TimeEntry,
} from '../../../shared/domain';
import type { JsonStore } from '../ports';
import { applyChanges, type ChangeTarget } from '../idle/applyChanges';
import type { EntryChange } from '../idle/entryChange';
import { decideIdle } from '../idle/idleDecision';
import {
  autoStopDue,
  EMPTY_MEMORY,
  endOfDayReminderDue,
  noTimerReminderDue,
  snoozeUntil,
} from './schedule';

const MEMORY_KEY = 'reminders';

/** The signed-in account's side of things, as the reminders need it. */
export interface ReminderAccount extends ChangeTarget {
  accountId: number;
  /** The running timer as last seen (no request). */
  running(): TimeEntry | null;
  /** The user's recent entries, read from Harvest now. */
  readRecent(): Promise<TimeEntry[]>;
  /** Hours tracked on a day, running timers included. */
  dayTotal(date: string): Promise<number>;
  company(): Promise<CompanySettings>;
}

export interface ReminderServiceDeps {
  now: () => Date;
  settings: () => ReminderSettings;
  store: JsonStore;
  emit: EventSink;
  account: () => ReminderAccount | null;
  /** Shows the reminder the operating system's way. */
  remind?: (reminder: Reminder) => void;
}

const memorySchema = z.object({
  timerSeenAt: z.number().nullable().catch(null),
  noTimerRemindedAt: z.number().nullable().catch(null),
  snoozedUntil: z.number().nullable().catch(null),
  endOfDayShownFor: localDateSchema.nullable().catch(null),
  /** A timer to stop as of `at` (the computer shut down): kept until Harvest has it stopped. */
  stopAtShutdown: z
    .object({ accountId: z.number(), entryId: z.number(), at: z.number() })
    .nullable()
    .catch(null),
});
type Memory = z.infer<typeof memorySchema>;

/** A stop this close to its moment needs no correction afterwards. */
const ON_TIME_MS = 60_000;

export class ReminderService {
  private shown: Reminder | null = null;
  private checking: Promise<void> | null = null;

  constructor(private readonly deps: ReminderServiceDeps) {}

  /** The reminder shown in the popover until dismissed, snoozed or out of date. */
  current(): Reminder | null {
    return this.shown;
  }

  /** Looks at what is due now. Calls that overlap share one look. */
  check(): Promise<void> {
    this.checking ??= this.look().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  snooze(choice: Snooze): void {
    this.remember({ snoozedUntil: snoozeUntil(choice, this.deps.now()).getTime() });
    if (this.shown?.kind === 'no-timer') this.show(null);
  }

  dismiss(): void {
    this.show(null);
  }

  /**
   * The computer is shutting down: the running timer is stopped as of now. The moment is written
   * down first, so a stop that does not reach Harvest before the power goes is made on the next
   * start, still at this moment.
   */
  async stopForShutdown(): Promise<void> {
    const account = this.deps.account();
    const running = account?.running() ?? null;
    if (account === null || running === null || !this.deps.settings().stopOnShutdown) return;
    this.remember({ stopAtShutdown: { accountId: account.accountId, entryId: running.id, at: this.deps.now().getTime() } });
    await account.timers.stop({ id: running.id });
    this.remember({ stopAtShutdown: null });
  }

  private async look(): Promise<void> {
    const account = this.deps.account();
    if (account === null) return;
    const settings = this.deps.settings();
    const now = this.deps.now();
    // Each step on its own: Harvest out of reach for one (it tries again next minute) does not
    // hold up the others.
    if (this.memory().stopAtShutdown !== null) await quietly(() => this.finishShutdownStop(account));

    const running = account.running();
    if (running !== null) this.remember({ timerSeenAt: now.getTime() });
    if (running !== null && running.timerStartedAt !== null && autoStopDue(settings, new Date(running.timerStartedAt), now)) {
      await quietly(() => this.autoStop(account, settings));
    }
    if (running === null && noTimerReminderDue(settings, this.memory(), now)) {
      await quietly(async () => {
        // The memory of what runs may be minutes old: Harvest decides before anyone is nagged.
        const runningNow = (await account.readRecent()).some((entry) => entry.isRunning);
        if (runningNow) return this.remember({ timerSeenAt: now.getTime() });
        this.remember({ noTimerRemindedAt: now.getTime() });
        this.show({ kind: 'no-timer', at: now.toISOString() });
      });
    }
    const endOfDay = endOfDayReminderDue(settings, this.memory(), now);
    if (endOfDay !== null) {
      await quietly(async () => {
        const hours = await account.dayTotal(endOfDay);
        this.remember({ endOfDayShownFor: endOfDay });
        this.show({ kind: 'end-of-day', at: now.toISOString(), date: endOfDay, hours });
      });
    }
    if (this.shown?.kind === 'no-timer' && running !== null) this.show(null);
  }

  private async autoStop(account: ReminderAccount, settings: ReminderSettings): Promise<void> {
    // Read again: the timer may have been stopped or restarted elsewhere since it was last seen.
    const running = (await account.readRecent()).find((entry) => entry.isRunning);
    if (running === undefined || running.timerStartedAt === null) return;
    const now = this.deps.now();
    const moment = autoStopDue(settings, new Date(running.timerStartedAt), now);
    if (moment === null) return;
    await this.stopAt(account, running, moment);
  }

  /** Stops a timer as of `moment`, correcting Harvest's stop time when the stop comes late. */
  private async stopAt(account: ReminderAccount, running: TimeEntry, moment: Date): Promise<void> {
    const now = this.deps.now();
    let changes: EntryChange[] = [{ kind: 'stop', id: running.id }];
    if (now.getTime() - moment.getTime() >= ON_TIME_MS) {
      changes = decideIdle({
        entry: running,
        spans: [{ from: moment, to: now }],
        answer: { choice: 'discard-stop' },
        now,
        account: await account.company(),
      }).changes;
    }
    if (changes.length === 0) return;
    await applyChanges(account, changes);
    this.show({ kind: 'auto-stopped', at: now.toISOString(), stoppedAt: moment.toISOString(), entry: running });
  }

  private async finishShutdownStop(account: ReminderAccount): Promise<void> {
    const pending = this.memory().stopAtShutdown;
    if (pending === null || pending.accountId !== account.accountId) return;
    const entry = (await account.readRecent()).find((candidate) => candidate.id === pending.entryId);
    // Still running, and not restarted since the shutdown: stop it as of the shutdown.
    if (entry?.isRunning && entry.timerStartedAt !== null && Date.parse(entry.timerStartedAt) < pending.at) {
      await this.stopAt(account, entry, new Date(pending.at));
    }
    this.remember({ stopAtShutdown: null });
  }

  private show(reminder: Reminder | null): void {
    this.shown = reminder;
    this.deps.emit('reminders.changed', reminder);
    if (reminder !== null) this.deps.remind?.(reminder);
  }

  private memory(): Memory {
    const parsed = memorySchema.safeParse(this.deps.store.get(MEMORY_KEY));
    return parsed.success ? parsed.data : { ...EMPTY_MEMORY, stopAtShutdown: null };
  }

  private save(memory: Memory): void {
    this.deps.store.set(MEMORY_KEY, memory);
  }

  private remember(change: Partial<Memory>): void {
    this.save({ ...this.memory(), ...change });
  }
}

/** A step that fails (offline, refused) is tried again at the next check. */
async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    // The sync state and the session heard about the failure; the next minute tries again.
  }
}
