// Bad input is refused in words before anything reaches Harvest, and input that is merely more
// precise than Harvest keeps is rounded the way Harvest stores it: through dispatch(), against
// the simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectChoice, TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { OWN_SIDE_RATE_LIMIT, realSleep, SlidingWindowLimiter } from '../harvest/rateLimiter';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const today = () => toLocalDate(new Date());

async function signedIn(accountId: number = SIMULATOR_ACCOUNTS.duration) {
  // Each test its own simulator and its own side of Harvest's limit: together these tests send
  // more than 100 requests in 15 s, which one limiter for the whole file would make them wait out.
  harness = await startHarness({
    rateLimiter: new SlidingWindowLimiter({ ...OWN_SIDE_RATE_LIMIT, now: Date.now, sleep: realSleep }),
  });
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  const [choice] = await harness.call<ProjectChoice[]>('choices.projects');
  if (!choice?.tasks[0]) throw new Error('The simulator offers no project to write to.');
  return { h: harness, projectId: choice.projectId, taskId: choice.tasks[0].taskId };
}

/** Calls a channel that must be refused, and proves Harvest heard nothing of it. */
async function refusedUnsent(h: Harness, channel: string, input: unknown) {
  const before = h.sim.knobs.requestCount();
  const error = await h.fail(channel, input);
  expect(h.sim.knobs.requestCount()).toBe(before);
  expect(error.kind).toBe('validation');
  return error;
}

describe('dates', () => {
  it.each([
    ['2025-02-30', /not a day on the calendar/],
    ['2026-13-01', /not a day on the calendar/],
    ['9999-12-31', /too far ahead/],
    ['1900-01-01', /too long ago/],
    ['21/11/2026', /not a date/],
  ])('refuses %s in words, sending nothing', async (spentDate, reason) => {
    const { h, projectId, taskId } = await signedIn();
    const error = await refusedUnsent(h, 'entries.create', { projectId, taskId, spentDate, hours: 1 });
    expect(error.field).toBe('spentDate');
    expect(error.message).toMatch(reason);
  });

  it('refuses a bad date in an edit too', async () => {
    const { h } = await signedIn();
    const [entry] = await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() });
    await refusedUnsent(h, 'entries.update', { id: entry?.id, patch: { spentDate: '2024-02-30' } });
  });

  it('saves the first and last days a timesheet may hold', async () => {
    const { h, projectId, taskId } = await signedIn();
    const yearAhead = toLocalDate(new Date(new Date().getFullYear() + 1, new Date().getMonth(), new Date().getDate()));
    for (const spentDate of ['2000-01-01', '2024-02-29', addDays(today(), -1), yearAhead]) {
      const entry = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate, hours: 0.5 });
      expect(entry.spentDate).toBe(spentDate);
    }
  });
});

describe('hours', () => {
  it('refuses 0.0001 hours, which Harvest would keep as nothing', async () => {
    const { h, projectId, taskId } = await signedIn();
    const error = await refusedUnsent(h, 'entries.create', { projectId, taskId, spentDate: today(), hours: 0.0001 });
    expect(error.field).toBe('hours');
    expect(error.message).toMatch(/0\.01 hours \(36 seconds\)/);
  });

  it('rounds more precise hours to the two decimals Harvest keeps', async () => {
    const { h, projectId, taskId } = await signedIn();
    const entry = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate: today(), hours: 1.236 });
    expect(entry.hours).toBe(1.24);
    const edited = await h.call<TimeEntry>('entries.update', { id: entry.id, patch: { hours: 0.004999 } }).catch(
      (error: unknown) => error,
    );
    expect(String(edited)).toMatch(/0\.01 hours/);
  });

  it('refuses 0.0001 hours on an edit too, sending nothing', async () => {
    const { h, projectId, taskId } = await signedIn();
    const entry = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate: today(), hours: 1 });
    const error = await refusedUnsent(h, 'entries.update', { id: entry.id, patch: { hours: 0.0001 } });
    expect(error.message).toMatch(/0\.01 hours \(36 seconds\)/);
  });

  it('refuses to restart a timer on an entry of 24 hours, which would grow past them, sending nothing', async () => {
    const { h, projectId, taskId } = await signedIn();
    const full = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate: today(), hours: 24 });
    const error = await refusedUnsent(h, 'timer.restart', { id: full.id });
    expect(error.message).toBe('This entry already holds 24 hours, the most one entry can hold: start a new timer instead.');
    expect(h.core.runningEntry()?.id).not.toBe(full.id);
  });

  it('restarts a timer on a full entry of a start/end-time account, where a restart starts a new entry', async () => {
    const { h, projectId, taskId } = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const yesterday = addDays(today(), -1);
    const full = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate: yesterday, hours: 24 });
    const restarted = await h.call<TimeEntry>('timer.restart', { id: full.id });
    expect(restarted).toMatchObject({ isRunning: true, hours: 0 });
    expect(restarted.id).not.toBe(full.id);
  });

  it.each([-1, 24.01, 1e9])('refuses %f hours in words', async (hours) => {
    const { h, projectId, taskId } = await signedIn();
    const error = await refusedUnsent(h, 'entries.create', { projectId, taskId, spentDate: today(), hours });
    expect(error.message).toMatch(/negative|at most 24 hours/);
  });
});

describe('clock times', () => {
  it.each(['25:00', '9:75', '13:00pm', '99:99'])('refuses %s as a start time, sending nothing', async (startedTime) => {
    const { h, projectId, taskId } = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const error = await refusedUnsent(h, 'entries.create', {
      projectId,
      taskId,
      spentDate: addDays(today(), -1),
      startedTime,
      endedTime: '11:00pm',
    });
    expect(error.field).toBe('startedTime');
    expect(error.message).toMatch(/time of day/);
  });

  it('takes the times people write; Harvest answers in the account’s 24h clock', async () => {
    const { h, projectId, taskId } = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const entry = await h.call<TimeEntry>('entries.create', {
      projectId,
      taskId,
      spentDate: addDays(today(), -1),
      startedTime: '9am',
      endedTime: '10:30 PM',
    });
    expect(entry).toMatchObject({ startedTime: '9:00', endedTime: '22:30', hours: 13.5 });
  });
});

describe('notes', () => {
  it('saves 5,000 characters of emoji and right-to-left text intact', async () => {
    const { h, projectId, taskId } = await signedIn();
    const notes = Array.from({ length: 500 }, (_, index) => `${index % 2 ? '😀👩🏽‍💻' : 'שלום עולם مرحبا'} `)
      .join('')
      .slice(0, 5000);
    const entry = await h.call<TimeEntry>('entries.create', { projectId, taskId, spentDate: today(), hours: 0.25, notes });
    expect(entry.notes).toBe(notes);
    const [listed] = (await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() })).filter(
      (item) => item.id === entry.id,
    );
    expect(listed?.notes).toBe(notes);
  });

  it('refuses notes longer than an entry holds, in words', async () => {
    const { h, projectId, taskId } = await signedIn();
    const error = await refusedUnsent(h, 'entries.create', {
      projectId,
      taskId,
      spentDate: today(),
      hours: 1,
      notes: '😀'.repeat(10_001),
    });
    expect(error.message).toMatch(/Notes can hold at most 10,000 characters/);
  });
});
