// Idle time and reminders, wired to the signed-in account's services: the idle question, the
// reminders with their once-a-minute look, and the channels the popover uses for both.
import type { EventSink, Handlers } from '../../../shared/contract';
import type { HostCapabilities, Reminder, Settings } from '../../../shared/domain';
import { formatHours, resolveTimeFormat } from '../../../shared/hours';
import { reminderText } from '../../../shared/reminderText';
import { dayTotal } from '../../../shared/review';
import type { JsonStore } from '../ports';
import { IdleService } from '../idle/idleService';
import { ReminderService, type ReminderAccount } from '../reminders/reminderService';
import type { HostHooks } from './Core';
import type { EntryService } from './entries';
import type { EntryLedger } from './entryLedger';
import type { ReferenceData } from './referenceData';
import type { TimerService } from './timers';

/** A look at the reminders once a minute is as late as one can be. */
export const REMINDER_CHECK_MS = 60_000;

/** The account's services, as the composition root holds them. */
export interface PresenceAccount {
  accountId: number;
  entries: EntryService;
  timers: TimerService;
  ledger: EntryLedger;
  reference: ReferenceData;
}

export interface PresenceOptions {
  now: () => Date;
  settings: () => Settings;
  store: JsonStore;
  emit: EventSink;
  host: HostHooks;
  account: () => PresenceAccount | null;
}

type PresenceChannels =
  | 'app.capabilities'
  | 'shortcuts.recording'
  | 'idle.question'
  | 'idle.answer'
  | 'reminders.current'
  | 'reminders.snooze'
  | 'reminders.dismiss';

const NO_CAPABILITIES: HostCapabilities = { launchAtLogin: false, globalShortcuts: false, idleTime: false, idleNote: null };

export function createPresence(options: PresenceOptions) {
  const { now, settings, host } = options;

  const account = (): ReminderAccount | null => {
    const active = options.account();
    if (active === null) return null;
    return {
      accountId: active.accountId,
      entries: active.entries,
      timers: active.timers,
      running: () => active.ledger.running(),
      readRecent: () => active.timers.readRecent(),
      company: () => active.reference.company(),
      dayTotal: async (date) => dayTotal(await active.entries.list({ from: date, to: date }), now()),
    };
  };

  const idle = new IdleService({
    now,
    settings: () => settings().idle,
    emit: options.emit,
    account,
    asked: (question) => host.askAboutIdle?.(question),
  });

  const describe = async (reminder: Reminder) => {
    const company = await options.account()?.reference.company();
    const format = resolveTimeFormat(settings().hoursDisplay, company?.timeFormat ?? 'decimal');
    return reminderText(reminder, {
      formatHours: (hours) => formatHours(hours, format),
      clock: company?.clock ?? '24h',
      hideNames: settings().hideProjectNamesInTray,
    });
  };
  const reminders = new ReminderService({
    now,
    settings: () => settings().reminders,
    store: options.store,
    emit: options.emit,
    account,
    remind: (reminder) => {
      if (host.remind) void describe(reminder).then((text) => host.remind?.(reminder, text), () => undefined);
    },
  });

  const ticker = setInterval(() => void reminders.check(), REMINDER_CHECK_MS);
  ticker.unref?.();

  const handlers: Pick<Handlers, PresenceChannels> = {
    'app.capabilities': async () => host.capabilities?.() ?? NO_CAPABILITIES,
    'shortcuts.recording': async ({ active }) => {
      host.pauseShortcuts?.(active);
      return {};
    },
    'idle.question': async () => idle.question(),
    'idle.answer': (answer) => idle.answer(answer),
    'reminders.current': async () => reminders.current(),
    'reminders.snooze': async (request) => {
      reminders.snooze(request.for);
      return {};
    },
    'reminders.dismiss': async () => {
      reminders.dismiss();
      return {};
    },
  };

  return {
    handlers,
    reportIdle: (span: { from: Date; to: Date }) => idle.report(span),
    checkReminders: () => reminders.check(),
    stopForShutdown: () => reminders.stopForShutdown(),
    /** A sign-out leaves no question and no reminder behind. */
    signedOut: () => {
      idle.forget();
      reminders.dismiss();
    },
    dispose: () => clearInterval(ticker),
  };
}
