// How the core reads entries when the popover is shown, the machine wakes or the interval fires:
// through dispatch() against the Harvest simulator over HTTP, counting the requests Harvest sees.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate, weekDays } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { SHARE_MS } from './entryReads';
import { settle, startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The system clock, moved forward by hand when a test needs time to pass at once. */
function steppingClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

async function signedIn(clock = steppingClock()): Promise<Harness> {
  harness = await startHarness({ now: clock.now });
  await harness.signIn(SIMULATOR_TOKENS.multi, SIMULATOR_ACCOUNTS.duration);
  return harness;
}

const today = () => toLocalDate(new Date());
const thisWeek = () => {
  const days = weekDays(today(), 'Monday');
  return { from: days[0], to: days[6] };
};
const listWeek = (h: Harness) => h.call<TimeEntry[]>('entries.list', thisWeek());

/** Someone else's device: the same person in Harvest, another token (so another rate-limit budget). */
const phone = (h: Harness) => harvestRequester(h.sim, { token: SIMULATOR_TOKENS.single });

describe('a popover show', () => {
  it('costs one request: the show’s refresh and the popover’s list of its week share one read', async () => {
    const clock = steppingClock();
    const h = await signedIn(clock);
    clock.advance(60_000);
    const before = h.sim.knobs.requestCount();
    await Promise.all([h.core.refresh(), listWeek(h)]);
    expect(h.sim.knobs.requestCount()).toBe(before + 1);
  });

  it('a list asked for just after a refresh is answered from it', async () => {
    const clock = steppingClock();
    const h = await signedIn(clock);
    clock.advance(60_000);
    await h.core.refresh();
    const before = h.sim.knobs.requestCount();
    const week = await listWeek(h);
    expect(h.sim.knobs.requestCount()).toBe(before);
    // Only the days asked for, newest first.
    expect(week.every((entry) => entry.spentDate >= thisWeek().from! && entry.spentDate <= thisWeek().to!)).toBe(true);
    const days = week.map((entry) => entry.spentDate);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('never answers with a read that began before a change made in the app', async () => {
    const h = await signedIn();
    const running = (await listWeek(h)).find((entry) => entry.isRunning);
    h.sim.knobs.setLatency(150);
    // The read reaches Harvest before the stop does, and comes back before the stop's reply.
    const refreshing = h.core.refresh();
    await settle(20);
    await h.call('timer.stop', { id: running?.id });
    await refreshing;
    h.sim.knobs.setLatency(0);
    const after = await listWeek(h);
    expect(after.find((entry) => entry.id === running?.id)?.isRunning).toBe(false);
    expect(h.core.runningEntry()).toBeNull();
  });
});

describe('a refresh (show, resume, unlock, interval)', () => {
  it('tells the popover which days changed elsewhere, and the tray what runs now', async () => {
    const clock = steppingClock();
    const h = await signedIn(clock);
    const week = await h.call<TimeEntry[]>('entries.list', { from: addDays(today(), -1), to: today() });
    const yesterdays = week.filter((entry) => entry.spentDate === addDays(today(), -1));
    const template = week.find((entry) => entry.spentDate === today() && !entry.isRunning);

    // A timer started on the phone; an entry of yesterday deleted on the web.
    const started = await phone(h).post('/time_entries', {
      project_id: template?.project.id,
      task_id: template?.task.id,
      spent_date: today(),
      notes: 'Started on the phone',
    });
    expect(started.status).toBe(201);
    const startedId = (started.body as { id: number }).id;
    expect((await phone(h).delete(`/time_entries/${yesterdays[0]?.id}`)).status).toBe(200);
    h.events.length = 0;

    clock.advance(60_000);
    await h.core.refresh();
    expect(h.eventsOf('entries.changed')).toEqual([{ dates: [addDays(today(), -1), today()] }]);
    expect(h.eventsOf('timer.changed').at(-1)?.running?.id).toBe(startedId);
    expect(h.core.runningEntry()?.id).toBe(startedId);

    // Nothing changed since: the next refresh says nothing.
    h.events.length = 0;
    clock.advance(60_000);
    await h.core.refresh();
    expect(h.eventsOf('entries.changed')).toEqual([]);
  });

  it('lets a timer stopped and deleted elsewhere leave the tray', async () => {
    const clock = steppingClock();
    const h = await signedIn(clock);
    const running = h.core.runningEntry();
    expect(running).not.toBeNull();
    expect((await phone(h).delete(`/time_entries/${running?.id}`)).status).toBe(200);
    clock.advance(60_000);
    await h.core.refresh();
    expect(h.core.runningEntry()).toBeNull();
    expect(h.core.lastEntry()?.id).not.toBe(running?.id);
  });
});

describe('under a burst', () => {
  it('many shows, wake-ups and focus events in a row cost a read every few seconds at most', async () => {
    const clock = steppingClock();
    const h = await signedIn(clock);
    clock.advance(60_000);
    const before = h.sim.knobs.requestCount();
    // Thirty shows over three seconds, each with the popover's own list of its week.
    for (let show = 0; show < 30; show += 1) {
      await Promise.all([h.core.refresh(), listWeek(h)]);
      clock.advance(100);
    }
    expect(h.sim.knobs.requestCount() - before).toBeLessThanOrEqual(Math.ceil(3_000 / SHARE_MS) + 1);
  });

  it('a server stricter than Harvest answering 429 is waited out, and the state comes out right', async () => {
    const h = await signedIn();
    const running = h.core.runningEntry();
    // An entry last week, whatever today's weekday (the sample data reaches back six days only).
    const lastWeek = weekDays(addDays(today(), -7), 'Monday');
    const logged = await phone(h).post('/time_entries', {
      project_id: running?.project.id,
      task_id: running?.task.id,
      spent_date: lastWeek[2],
      hours: 1,
      notes: 'Logged last week',
    });
    expect(logged.status).toBe(201);
    h.sim.knobs.setRateLimit(1, 1_500);
    expect((await phone(h).patch(`/time_entries/${running?.id}/stop`)).status).toBe(200);
    // Past the moments in which the sign-in's read still answers for the week.
    await settle(SHARE_MS + 100);
    const [, older, week] = await Promise.all([
      h.core.refresh(),
      h.call<TimeEntry[]>('entries.list', { from: lastWeek[0], to: lastWeek[6] }),
      listWeek(h),
    ]);
    expect(older.map((entry) => entry.notes)).toContain('Logged last week');
    expect(week.find((entry) => entry.id === running?.id)?.isRunning).toBe(false);
    expect(h.core.runningEntry()).toBeNull();
  });
});
