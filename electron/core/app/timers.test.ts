// Timers through dispatch() against the Harvest simulator over HTTP, with an injected clock
// shared by the core and the simulator where the day matters.
import { afterEach, describe, expect, it } from 'vitest';
import type { QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { startHarness, type Harness, type HarnessOptions } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date: Date) => {
      current = date.getTime();
    },
  };
}

async function signedIn(accountId: number, options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness(options);
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  return harness;
}

const listToday = (h: Harness, date = toLocalDate(new Date())) =>
  h.call<TimeEntry[]>('entries.list', { from: date, to: date });

describe('timer.start, timer.stop, timer.restart', () => {
  it('in a duration account: start stops the running timer; restart continues the same entry', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration);
    const before = await listToday(h);
    const wasRunning = before.find((entry) => entry.isRunning);
    const stoppedOne = before.find((entry) => !entry.isRunning);

    const started = await h.call<TimeEntry>('timer.start', {
      projectId: stoppedOne?.project.id,
      taskId: stoppedOne?.task.id,
      notes: 'Fresh timer',
    });
    expect(started).toMatchObject({ isRunning: true, spentDate: toLocalDate(new Date()), notes: 'Fresh timer' });
    const after = await listToday(h);
    expect(after.find((entry) => entry.id === wasRunning?.id)?.isRunning).toBe(false);

    const stopped = await h.call<TimeEntry>('timer.stop', { id: started.id });
    expect(stopped.isRunning).toBe(false);
    expect(h.eventsOf('timer.changed').at(-1)).toEqual({ running: null });

    const restarted = await h.call<TimeEntry>('timer.restart', { id: started.id });
    expect(restarted).toMatchObject({ id: started.id, isRunning: true });
    expect(h.core.runningEntry()?.id).toBe(started.id);
  });

  it('in a start/end-time account: restart answers with a new entry, and that is what runs', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const finished = (await listToday(h)).find((entry) => !entry.isRunning && !entry.isLocked);
    const restarted = await h.call<TimeEntry>('timer.restart', { id: finished?.id });
    expect(restarted.id).not.toBe(finished?.id);
    expect(restarted.isRunning).toBe(true);
    expect(h.core.runningEntry()?.id).toBe(restarted.id);
    expect(h.eventsOf('timer.changed').at(-1)?.running?.id).toBe(restarted.id);
    const running = (await listToday(h)).filter((entry) => entry.isRunning);
    expect(running.map((entry) => entry.id)).toEqual([restarted.id]);
  });
});

describe('quick restart', () => {
  it('stops a running timer, then continues that same entry', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration);
    const first = await h.call<QuickRestartResult>('timer.quickRestart');
    expect(first.action).toBe('stopped');
    expect(first.entry?.isRunning).toBe(false);
    expect(h.core.runningEntry()).toBeNull();

    const second = await h.call<QuickRestartResult>('timer.quickRestart');
    expect(second.action).toBe('restarted');
    expect(second.entry).toMatchObject({ isRunning: true, spentDate: toLocalDate(new Date()) });
    expect(second.entry?.id).toBe(first.entry?.id);
  });

  it('starts a new entry today from the most recent one of an earlier day', async () => {
    const clock = manualClock(new Date());
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration, { now: clock.now });
    const realToday = toLocalDate(new Date());
    // Stop the sample data's timer, then let the days pass: today's entries become yesterday's.
    const last = (await h.call<QuickRestartResult>('timer.quickRestart')).entry;
    expect(last?.spentDate).toBe(realToday);
    clock.set(new Date(Date.now() + 24 * 60 * 60 * 1000));
    const tomorrow = addDays(realToday, 1);

    const result = await h.call<QuickRestartResult>('timer.quickRestart');
    expect(result.action).toBe('started-new');
    expect(result.entry).toMatchObject({
      spentDate: tomorrow,
      isRunning: true,
      project: { id: last?.project.id },
      task: { id: last?.task.id },
      notes: last?.notes,
    });
    expect(result.entry?.id).not.toBe(last?.id);
    expect(h.core.lastEntry()?.id).toBe(result.entry?.id);
  });

  it('says there is nothing to restart when there are no entries', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration, { simulator: { sampleData: false } });
    expect(await h.call('timer.quickRestart')).toEqual({ action: 'nothing-to-restart', entry: null });
  });

  it('is also the core’s own quickRestart, for the tray and the shortcut', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration);
    expect((await h.core.quickRestart()).action).toBe('stopped');
  });
});

describe('refresh', () => {
  it('shares one read of Harvest between callers and fills the tray’s running and last entry', async () => {
    const clock = manualClock(new Date());
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration, { now: clock.now });
    // Well after the sign-in's own refresh.
    clock.set(new Date(clock.now().getTime() + 60_000));
    const requests = h.sim.knobs.requestCount();
    await Promise.all([h.core.refresh(), h.core.refresh(), h.core.refresh()]);
    expect(h.sim.knobs.requestCount()).toBe(requests + 1);
    expect(h.core.runningEntry()).toMatchObject({ isRunning: true, project: { code: 'HF-BRAND' } });
    expect(h.core.lastEntry()?.spentDate).toBe(toLocalDate(new Date()));
  });
});

describe('today', () => {
  it('moves at local midnight while the app runs', async () => {
    const day = toLocalDate(new Date());
    const [year, month, date] = day.split('-').map(Number);
    const clock = manualClock(new Date(year ?? 2026, (month ?? 1) - 1, date ?? 1, 23, 59, 0));
    const h = await signedIn(SIMULATOR_ACCOUNTS.duration, { now: clock.now });
    const [some] = await listToday(h, day);

    const beforeMidnight = await h.call<TimeEntry>('timer.start', { projectId: some?.project.id, taskId: some?.task.id });
    expect(beforeMidnight.spentDate).toBe(day);

    clock.set(new Date(year ?? 2026, (month ?? 1) - 1, (date ?? 1) + 1, 0, 1, 0));
    const afterMidnight = await h.call<TimeEntry>('timer.start', { projectId: some?.project.id, taskId: some?.task.id });
    expect(afterMidnight.spentDate).toBe(addDays(day, 1));
    expect(h.eventsOf('entries.changed').at(-1)?.dates).toEqual([addDays(day, 1), day]);
    expect(h.core.lastEntry()?.id).toBe(afterMidnight.id);
  });
});
