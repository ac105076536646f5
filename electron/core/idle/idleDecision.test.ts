// The idle decision over both account modes, midnight, sleep (across a daylight-saving night),
// a timer stopped or restarted elsewhere meanwhile, and a second time away. Local times are
// Berlin's, a zone with daylight saving, so the day arithmetic is exercised for real.
import { describe, expect, it } from 'vitest';
import type { IdleAnswer, TimeEntry } from '../../../shared/domain';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { at, useTimeZone } from '../../../shared/testing/timeZone';
import { decideIdle, splitByDay, type IdleDecisionInput } from './idleDecision';

useTimeZone('Europe/Berlin');

const span = (from: string, to: string) => ({ from: at(from), to: at(to) });

function running(overrides: Partial<TimeEntry> & { since: string }): TimeEntry {
  const { since, ...rest } = overrides;
  return timeEntry({
    id: 42,
    spentDate: since.slice(0, 10),
    isRunning: true,
    timerStartedAt: at(since).toISOString(),
    hoursWithoutTimer: 1,
    notes: 'Checkout flow',
    project: { id: 10, name: 'Website', code: null },
    task: { id: 20, name: 'Design' },
    ...rest,
  });
}

const duration = { wantsTimestampTimers: false, clock: '24h' } as const;
const timestamps = { wantsTimestampTimers: true, clock: '24h' } as const;
const moveToAdmin: IdleAnswer = { choice: 'move', projectId: 77, taskId: 88, notes: 'Phone call' };

function decide(input: Omit<IdleDecisionInput, 'now'> & { now: string }) {
  return decideIdle({ ...input, now: at(input.now) });
}

describe('decideIdle in a duration account: the entry’s hours are adjusted', () => {
  const entry = running({ since: '2026-11-20 9:00' });
  const away = [span('2026-11-20 10:00', '2026-11-20 10:30')];

  it('keep changes nothing', () => {
    const decision = decide({ entry, spans: away, answer: { choice: 'keep' }, now: '2026-11-20 10:40', account: duration });
    expect(decision).toEqual({ outcome: 'keep', changes: [], idleMs: 30 * 60_000 });
  });

  it('discard and continue: the hours worked (before and after) are kept, and the same entry runs on', () => {
    const decision = decide({ entry, spans: away, answer: { choice: 'discard-continue' }, now: '2026-11-20 10:40', account: duration });
    // 1 h recorded before + 60 min before idling + 10 min since coming back.
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { hours: 2.17 } },
      { kind: 'restart', id: 42 },
    ]);
  });

  it('discard and stop: the entry holds what was worked up to the moment idling began', () => {
    const decision = decide({ entry, spans: away, answer: { choice: 'discard-stop' }, now: '2026-11-20 10:40', account: duration });
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { hours: 2 } },
    ]);
  });

  it('move: the idle time becomes an entry on the chosen project and task, written first', () => {
    const decision = decide({ entry, spans: away, answer: moveToAdmin, now: '2026-11-20 10:40', account: duration });
    expect(decision.changes).toEqual([
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-11-20', notes: 'Phone call', hours: 0.5 } },
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { hours: 2.17 } },
      { kind: 'restart', id: 42 },
    ]);
  });

  it('a span that crosses midnight is split by day, and the timer goes on as a new one today', () => {
    const overnight = running({ since: '2026-11-19 22:00', hoursWithoutTimer: 0 });
    const decision = decide({
      entry: overnight,
      spans: [span('2026-11-19 23:30', '2026-11-20 0:30')],
      answer: moveToAdmin,
      now: '2026-11-20 0:45',
      account: duration,
    });
    expect(decision.changes).toEqual([
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-11-19', notes: 'Phone call', hours: 0.5 } },
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-11-20', notes: 'Phone call', hours: 0.5 } },
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { hours: 1.75 } },
      // A timer on yesterday's entry would book today's work on the wrong date.
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow' } },
    ]);
  });

  it('a sleep through the night the clocks went forward counts its real length', () => {
    // Berlin skipped 2:00-3:00 on 29 March 2026: asleep 23:00 to 8:00 is eight hours, not nine.
    const evening = running({ since: '2026-03-28 22:00', hoursWithoutTimer: 0 });
    const slept = [span('2026-03-28 23:00', '2026-03-29 8:00')];
    const stop = decide({ entry: evening, spans: slept, answer: { choice: 'discard-stop' }, now: '2026-03-29 8:05', account: duration });
    expect(stop.idleMs).toBe(8 * 3_600_000);
    expect(stop.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { hours: 1 } },
    ]);
    const move = decide({ entry: evening, spans: slept, answer: moveToAdmin, now: '2026-03-29 8:05', account: duration });
    expect(move.changes.filter((change) => change.kind === 'create').slice(0, 2)).toEqual([
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-03-28', notes: 'Phone call', hours: 1 } },
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-03-29', notes: 'Phone call', hours: 7 } },
    ]);
  });
});

describe('decideIdle in a start/end-time account: the end time moves, new entries get the idle times', () => {
  const entry = running({ since: '2026-11-20 9:00', hoursWithoutTimer: 0, startedTime: '9:00' });
  const away = [span('2026-11-20 10:00', '2026-11-20 10:30')];

  it('discard and continue: the entry ends where idling began and a timer runs from the return', () => {
    const decision = decide({ entry, spans: away, answer: { choice: 'discard-continue' }, now: '2026-11-20 10:40', account: timestamps });
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '10:00' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '10:30' } },
    ]);
  });

  it('discard and stop: only the end time moves', () => {
    const decision = decide({ entry, spans: away, answer: { choice: 'discard-stop' }, now: '2026-11-20 10:40', account: timestamps });
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '10:00' } },
    ]);
  });

  it('move: the new entry is given the idle span’s times, in the account’s 12-hour clock', () => {
    const decision = decide({
      entry,
      spans: away,
      answer: moveToAdmin,
      now: '2026-11-20 10:40',
      account: { wantsTimestampTimers: true, clock: '12h' },
    });
    expect(decision.changes).toEqual([
      {
        kind: 'create',
        entry: { projectId: 77, taskId: 88, spentDate: '2026-11-20', notes: 'Phone call', startedTime: '10:00am', endedTime: '10:30am' },
      },
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '10:00am' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '10:30am' } },
    ]);
  });

  it('idle time after midnight: the entry ends at its day’s last minute and the work after midnight is kept', () => {
    const late = running({ since: '2026-11-19 22:00', hoursWithoutTimer: 0, startedTime: '22:00' });
    const decision = decide({
      entry: late,
      spans: [span('2026-11-20 0:30', '2026-11-20 1:00')],
      answer: { choice: 'discard-continue' },
      now: '2026-11-20 1:10',
      account: timestamps,
    });
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '23:59' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '0:00', endedTime: '0:30' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '1:00' } },
    ]);
  });

  it('a moved span across midnight becomes one entry per day, neither crossing it', () => {
    const late = running({ since: '2026-11-19 22:00', hoursWithoutTimer: 0, startedTime: '22:00' });
    const decision = decide({
      entry: late,
      spans: [span('2026-11-19 23:30', '2026-11-20 0:30')],
      answer: moveToAdmin,
      now: '2026-11-20 0:40',
      account: timestamps,
    });
    expect(decision.changes).toEqual([
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-11-19', notes: 'Phone call', startedTime: '23:30', endedTime: '23:59' } },
      { kind: 'create', entry: { projectId: 77, taskId: 88, spentDate: '2026-11-20', notes: 'Phone call', startedTime: '0:00', endedTime: '0:30' } },
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '23:30' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '0:30' } },
    ]);
  });

  it('a second time away before the first was answered: the work between them is kept as its own entry', () => {
    const decision = decide({
      entry,
      spans: [span('2026-11-20 10:00', '2026-11-20 10:30'), span('2026-11-20 11:00', '2026-11-20 11:20')],
      answer: { choice: 'discard-continue' },
      now: '2026-11-20 11:25',
      account: timestamps,
    });
    expect(decision.idleMs).toBe(50 * 60_000);
    expect(decision.changes).toEqual([
      { kind: 'stop', id: 42 },
      { kind: 'update', id: 42, patch: { endedTime: '10:00' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '10:30', endedTime: '11:00' } },
      { kind: 'create', entry: { projectId: 10, taskId: 20, spentDate: '2026-11-20', notes: 'Checkout flow', startedTime: '11:20' } },
    ]);
  });
});

describe('decideIdle when the timer changed elsewhere meanwhile', () => {
  const away = [span('2026-11-20 10:00', '2026-11-20 10:30')];

  it('a timer stopped elsewhere is left alone, whatever the answer', () => {
    const stopped = timeEntry({ id: 42, spentDate: '2026-11-20', isRunning: false, timerStartedAt: null, hours: 1.5 });
    for (const account of [duration, timestamps]) {
      const decision = decide({ entry: stopped, spans: away, answer: { choice: 'discard-stop' }, now: '2026-11-20 10:40', account });
      expect(decision).toEqual({ outcome: 'not-running', changes: [], idleMs: 0 });
    }
  });

  it('a timer restarted elsewhere during the idle time loses only the idle minutes after its restart', () => {
    const restarted = running({ since: '2026-11-20 10:20', hoursWithoutTimer: 1 });
    const decision = decide({ entry: restarted, spans: away, answer: { choice: 'discard-continue' }, now: '2026-11-20 10:40', account: duration });
    expect(decision.idleMs).toBe(10 * 60_000);
    expect(decision.changes).toContainEqual({ kind: 'update', id: 42, patch: { hours: 1.17 } });
  });

  it('a timer started after the user came back has no idle time in it', () => {
    const fresh = running({ since: '2026-11-20 10:35' });
    const decision = decide({ entry: fresh, spans: away, answer: { choice: 'discard-stop' }, now: '2026-11-20 10:40', account: duration });
    expect(decision).toEqual({ outcome: 'not-idle', changes: [], idleMs: 0 });
  });
});

describe('splitByDay', () => {
  it('cuts at local midnights, a 23-hour daylight-saving day included', () => {
    const parts = splitByDay({ from: at('2026-03-28 12:00'), to: at('2026-03-30 6:00') });
    expect(parts.map((part) => [part.date, part.fromMinute, part.toMinute, (part.to.getTime() - part.from.getTime()) / 3_600_000])).toEqual([
      ['2026-03-28', 720, 1440, 12],
      ['2026-03-29', 0, 1440, 23],
      ['2026-03-30', 0, 360, 6],
    ]);
  });
});
