// Reminder scheduling on a fake clock stepped minute by minute through whole weeks (weekends and
// a daylight-saving change included, in Berlin's time zone), and machines that slept through
// reminders: on waking there is at most one of each, never a backlog.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/defaultSettings';
import type { CompanySettings, Reminder, ReminderSettings, TimeEntry } from '../../../shared/domain';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { at, useTimeZone } from '../../../shared/testing/timeZone';
import { createMemoryStore } from '../app/memory';
import type { EntryChange } from '../idle/entryChange';
import { ReminderService, type ReminderAccount } from './reminderService';

useTimeZone('Europe/Berlin');

const MINUTE = 60_000;

const company: CompanySettings = {
  name: 'Northwind Studio',
  wantsTimestampTimers: false,
  timeFormat: 'decimal',
  clock: '24h',
  weekStartDay: 'Monday',
  dateFormat: '%d.%m.%Y',
};

/** A Harvest account in memory: one timer, and a record of every write. */
function fakeAccount() {
  const writes: EntryChange[] = [];
  const state = { running: null as TimeEntry | null, offline: false, reads: 0 };
  const reachable = () => {
    if (state.offline) throw new Error('offline');
  };
  const account: ReminderAccount = {
    accountId: 100001,
    running: () => state.running,
    readRecent: async () => {
      reachable();
      state.reads += 1;
      return state.running ? [state.running] : [];
    },
    dayTotal: async () => {
      reachable();
      return 6.5;
    },
    company: async () => company,
    timers: {
      stop: async ({ id }) => {
        reachable();
        writes.push({ kind: 'stop', id });
        const stopped = { ...(state.running as TimeEntry), isRunning: false, timerStartedAt: null };
        state.running = null;
        return stopped;
      },
      restart: async ({ id }) => {
        writes.push({ kind: 'restart', id });
        return timeEntry({ id });
      },
    },
    entries: {
      update: async ({ id, patch }) => {
        reachable();
        writes.push({ kind: 'update', id, patch: patch as { hours: number } });
        return timeEntry({ id });
      },
      create: async (entry) => {
        writes.push({ kind: 'create', entry });
        return timeEntry();
      },
    },
  };
  const startTimer = (since: Date) => {
    state.running = timeEntry({ id: 7, isRunning: true, timerStartedAt: since.toISOString(), hoursWithoutTimer: 0.5 });
  };
  return { account, state, writes, startTimer };
}

function setup(reminders: Partial<ReminderSettings>, start: string, store = createMemoryStore()) {
  let now = at(start).getTime();
  const fake = fakeAccount();
  const shown: Reminder[] = [];
  const settings: ReminderSettings = { ...DEFAULT_SETTINGS.reminders, ...reminders };
  const make = () =>
    new ReminderService({
      now: () => new Date(now),
      settings: () => settings,
      store,
      emit: () => {},
      account: () => fake.account,
      remind: (reminder) => shown.push(reminder),
    });
  let service = make();
  return {
    ...fake,
    shown,
    store,
    get service() {
      return service;
    },
    /** The app started again over the same store. */
    restart: () => {
      service = make();
    },
    /** Checks every minute up to `until`, as the core's ticker does while the machine is awake. */
    async runUntil(until: string) {
      const end = at(until).getTime();
      while (now < end) {
        now += MINUTE;
        await service.check();
      }
    },
    /** The machine sleeps: time passes and nothing is checked. */
    sleepUntil(until: string) {
      now = at(until).getTime();
    },
    check: () => service.check(),
  };
}

/** Reminders as "kind @ Ddd HH:MM" in local time. */
function timeline(shown: Reminder[]): string[] {
  return shown.map((reminder) => {
    const moment = new Date(reminder.at);
    const day = moment.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'Europe/Berlin' });
    const time = moment.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
    return `${reminder.kind} @ ${day} ${time}`;
  });
}

describe('the no-timer reminder', () => {
  it('comes every half hour of working hours on working days, and never at the weekend', async () => {
    // Monday 16 to Monday 23 November 2026.
    const run = setup({ noTimer: true, noTimerEveryMinutes: 30 }, '2026-11-16 0:00');
    await run.runUntil('2026-11-23 0:00');
    const lines = timeline(run.shown);
    expect(lines.slice(0, 3)).toEqual(['no-timer @ Mon 09:30', 'no-timer @ Mon 10:00', 'no-timer @ Mon 10:30']);
    // 9:30 to 16:30: fifteen a day; none at 17:00, when the working day ends.
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) {
      expect(lines.filter((line) => line.includes(day))).toHaveLength(15);
    }
    expect(lines.filter((line) => /Sat|Sun/.test(line))).toEqual([]);
    expect(lines.at(-1)).toBe('no-timer @ Fri 16:30');
  });

  it('waits while a timer runs, and counts its half hour from when a timer was last seen', async () => {
    const run = setup({ noTimer: true }, '2026-11-17 8:00');
    run.startTimer(at('2026-11-17 8:00'));
    await run.runUntil('2026-11-17 12:00');
    expect(run.shown).toEqual([]);
    run.state.running = null;
    await run.runUntil('2026-11-17 13:00');
    expect(timeline(run.shown)).toEqual(['no-timer @ Tue 12:30', 'no-timer @ Tue 13:00']);
  });

  it('asks Harvest first, and stays quiet when a timer was started elsewhere', async () => {
    const run = setup({ noTimer: true }, '2026-11-17 9:00');
    // Harvest has a running timer that the app's memory has not caught up with yet.
    const started = timeEntry({ id: 9, isRunning: true, timerStartedAt: at('2026-11-17 9:05').toISOString() });
    run.account.readRecent = async () => [started];
    await run.runUntil('2026-11-17 9:45');
    expect(run.shown).toEqual([]);
  });

  it('snoozes for fifteen minutes, an hour, or the rest of the day', async () => {
    const run = setup({ noTimer: true }, '2026-11-17 9:00');
    await run.runUntil('2026-11-17 9:30');
    run.service.snooze('15m');
    expect(run.service.current()).toBeNull();
    await run.runUntil('2026-11-17 10:00');
    run.service.snooze('1h');
    await run.runUntil('2026-11-17 11:00');
    run.service.snooze('rest-of-day');
    await run.runUntil('2026-11-18 10:00');
    expect(timeline(run.shown)).toEqual([
      'no-timer @ Tue 09:30',
      'no-timer @ Tue 09:45',
      'no-timer @ Tue 11:00',
      // The rest of Tuesday was snoozed; Wednesday starts afresh.
      'no-timer @ Wed 09:30',
      'no-timer @ Wed 10:00',
    ]);
  });

  it('after a sleep through several reminders, comes once on waking, then every half hour again', async () => {
    const run = setup({ noTimer: true }, '2026-11-17 9:00');
    await run.runUntil('2026-11-17 10:00');
    run.sleepUntil('2026-11-17 14:10');
    await run.check();
    await run.runUntil('2026-11-17 15:00');
    expect(timeline(run.shown)).toEqual([
      'no-timer @ Tue 09:30',
      'no-timer @ Tue 10:00',
      'no-timer @ Tue 14:10',
      'no-timer @ Tue 14:40',
    ]);
  });
});

describe('the end-of-day reminder', () => {
  it('shows the day’s total once a working day, at the set local time on either side of a clock change', async () => {
    // Berlin moved its clocks forward on Sunday 29 March 2026; every day is a working day here.
    const run = setup({ endOfDay: true, endOfDayAt: '17:30', workDays: [0, 1, 2, 3, 4, 5, 6] }, '2026-03-27 12:00');
    await run.runUntil('2026-03-31 0:00');
    expect(timeline(run.shown)).toEqual([
      'end-of-day @ Fri 17:30',
      'end-of-day @ Sat 17:30',
      'end-of-day @ Sun 17:30',
      'end-of-day @ Mon 17:30',
    ]);
    const [, saturday, sunday] = run.shown.map((reminder) => Date.parse(reminder.at));
    expect(((sunday as number) - (saturday as number)) / 3_600_000).toBe(23);
    expect(run.shown[0]).toMatchObject({ kind: 'end-of-day', date: '2026-03-27', hours: 6.5 });
  });

  it('slept through: comes once on waking the same evening, and not at all on a later day', async () => {
    const run = setup({ endOfDay: true, endOfDayAt: '17:30' }, '2026-11-19 16:00');
    await run.runUntil('2026-11-19 17:00');
    run.sleepUntil('2026-11-19 21:00');
    await run.check();
    await run.runUntil('2026-11-19 21:05');
    expect(timeline(run.shown)).toEqual(['end-of-day @ Thu 21:00']);

    // Friday's is slept through entirely: Monday morning does not bring it up.
    await run.runUntil('2026-11-20 17:00');
    run.sleepUntil('2026-11-23 8:00');
    await run.runUntil('2026-11-23 18:00');
    expect(timeline(run.shown)).toEqual(['end-of-day @ Thu 21:00', 'end-of-day @ Mon 17:30']);
  });

  it('is not repeated after a restart', async () => {
    const run = setup({ endOfDay: true, endOfDayAt: '17:30' }, '2026-11-19 17:00');
    await run.runUntil('2026-11-19 17:40');
    run.restart();
    await run.runUntil('2026-11-19 18:00');
    expect(run.shown).toHaveLength(1);
  });

  it('offline at the time: comes when Harvest can be reached again that evening', async () => {
    const run = setup({ endOfDay: true, endOfDayAt: '17:30' }, '2026-11-19 17:00');
    run.state.offline = true;
    await run.runUntil('2026-11-19 18:00');
    expect(run.shown).toEqual([]);
    run.state.offline = false;
    await run.runUntil('2026-11-19 18:01');
    expect(timeline(run.shown)).toEqual(['end-of-day @ Thu 18:01']);
  });
});

describe('the automatic stop', () => {
  it('stops a running timer at the set time, with no correction needed', async () => {
    const run = setup({ autoStop: true, autoStopAt: '19:00' }, '2026-11-19 18:00');
    run.startTimer(at('2026-11-19 10:00'));
    await run.runUntil('2026-11-19 19:10');
    expect(run.writes).toEqual([{ kind: 'stop', id: 7 }]);
    expect(run.shown).toMatchObject([{ kind: 'auto-stopped', stoppedAt: at('2026-11-19 19:00').toISOString() }]);
  });

  it('a machine asleep at the set time stops the timer at that time when it wakes, days later', async () => {
    const run = setup({ autoStop: true, autoStopAt: '19:00' }, '2026-11-20 17:00');
    run.startTimer(at('2026-11-20 10:00'));
    await run.runUntil('2026-11-20 18:00');
    run.sleepUntil('2026-11-23 9:00');
    await run.check();
    // 0.5 h before + Friday 10:00 to 19:00; nothing of the weekend.
    expect(run.writes).toEqual([
      { kind: 'stop', id: 7 },
      { kind: 'update', id: 7, patch: { hours: 9.5 } },
    ]);
  });

  it('leaves a timer started after the set time until the next day’s', async () => {
    const run = setup({ autoStop: true, autoStopAt: '19:00' }, '2026-11-19 19:20');
    run.startTimer(at('2026-11-19 19:30'));
    await run.runUntil('2026-11-20 18:59');
    expect(run.writes).toEqual([]);
    await run.runUntil('2026-11-20 19:00');
    expect(run.writes).toEqual([{ kind: 'stop', id: 7 }]);
  });

  it('on shutdown: stopped as of the shutdown, even when Harvest is reached only at the next start', async () => {
    const store = createMemoryStore();
    const run = setup({ stopOnShutdown: true }, '2026-11-19 18:00', store);
    run.startTimer(at('2026-11-19 16:00'));
    run.state.offline = true;
    await expect(run.service.stopForShutdown()).rejects.toThrow('offline');

    // The next morning, back online.
    run.sleepUntil('2026-11-20 8:30');
    run.state.offline = false;
    run.restart();
    await run.check();
    expect(run.writes).toEqual([
      { kind: 'stop', id: 7 },
      { kind: 'update', id: 7, patch: { hours: 2.5 } },
    ]);
    await run.runUntil('2026-11-20 8:40');
    expect(run.writes).toHaveLength(2);
  });

  it('on shutdown with the setting off, or no timer running, nothing is written', async () => {
    const off = setup({ stopOnShutdown: false }, '2026-11-19 18:00');
    off.startTimer(at('2026-11-19 16:00'));
    await off.service.stopForShutdown();
    const idle = setup({ stopOnShutdown: true }, '2026-11-19 18:00');
    await idle.service.stopForShutdown();
    expect([...off.writes, ...idle.writes]).toEqual([]);
  });
});

describe('what the reminders remember', () => {
  it('a truncated or hand-edited memory is read as far as it goes, never a crash', async () => {
    const store = createMemoryStore({ reminders: { snoozedUntil: 'tomorrow', endOfDayShownFor: '2026-11-19', noTimerRemindedAt: {} } });
    const run = setup({ endOfDay: true, noTimer: true }, '2026-11-19 17:00', store);
    await run.runUntil('2026-11-19 17:45');
    // Today's end-of-day reminder was remembered as shown; the rest fell back to nothing.
    expect(timeline(run.shown)).toEqual([]);
    const garbage = setup({ noTimer: true }, '2026-11-19 9:00', createMemoryStore({ reminders: 'garbage' }));
    await garbage.runUntil('2026-11-19 9:30');
    expect(timeline(garbage.shown)).toEqual(['no-timer @ Thu 09:30']);
  });
});
