// A timer started while Harvest cannot be reached and still running when the queue sends it:
// Harvest must end with a timer that counts from the moment the user started it, not from the
// moment the change got through, and must get it exactly once however the sending is broken off.
// The core over real HTTP against the simulator, on a clock the test moves.
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingChange, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS } from '../../simulator';
import type { Harness } from '../app/testing/coreHarness';
import { clockAt, drained, fastQueue, goOffline, inHarvest, signedIn, until, type MovingClock } from './testing/queueHarness';

let harnesses: Harness[] = [];
afterEach(async () => {
  // The last one started first: the first owns the simulator the others share.
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function startedOfflineAtTen(notes: string, accountId: number = SIMULATOR_ACCOUNTS.duration, options: Parameters<typeof signedIn>[2] = {}) {
  const clock = clockAt(10);
  const { h, where } = await signedIn(clock, accountId, options);
  harnesses.push(h);
  await goOffline(h);
  const started = await h.call<TimeEntry>('timer.start', { ...where, notes });
  expect(started).toMatchObject({ isRunning: true, pending: { status: { state: 'waiting' } } });
  return { h, clock, id: started.id };
}

async function backOnline(h: Harness): Promise<void> {
  h.sim.knobs.setOffline(false);
  await h.core.refresh();
}

type Break =
  /** The connection is refused: the request never left. */
  | 'refused'
  /** The connection drops before Harvest reads the request. */
  | 'lost'
  /** Harvest carries the request out and the connection drops before its answer. */
  | 'answer-lost';

/**
 * The network between the app and Harvest, breaking the requests that restart a timer as the test
 * plans (every one while `down`, else the next planned break); everything else goes through.
 */
function restartLine() {
  const line = { down: false, planned: [] as Break[], broken: 0, fetch: undefined as unknown as typeof fetch };
  const cut = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  line.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const broken: Break | undefined = url.endsWith('/restart') ? (line.down ? 'refused' : line.planned.shift()) : undefined;
    if (broken === undefined) return fetch(input, init);
    line.broken += 1;
    if (broken === 'refused') throw cut('ECONNREFUSED');
    if (broken === 'answer-lost') await fetch(input, init);
    throw cut('ECONNRESET');
  };
  return line;
}

async function sentAt(h: Harness, clock: MovingClock, minutesLater: number): Promise<void> {
  clock.advanceMinutes(minutesLater);
  await backOnline(h);
  await drained(h);
}

describe('a timer started offline and still running when it is sent', () => {
  it('in a duration account runs on in Harvest from the moment it was started: started 10:00, sent 10:30, 0.5 h already', async () => {
    const { h, clock } = await startedOfflineAtTen('Begun offline');
    await sentAt(h, clock, 30);

    const [made, ...more] = await inHarvest(h, 'Begun offline');
    expect(more).toEqual([]);
    expect(made).toMatchObject({ is_running: true, hours: 0.5, hours_without_timer: 0.5 });
    // ... and it goes on counting from there.
    clock.advanceMinutes(15);
    expect(await inHarvest(h, 'Begun offline')).toMatchObject([{ is_running: true, hours: 0.75 }]);

    const today = toLocalDate(clock.now());
    const shown = (await h.call<TimeEntry[]>('entries.list', { from: today, to: today })).find((entry) => entry.notes === 'Begun offline');
    expect(shown).toMatchObject({ id: made?.id, isRunning: true, hoursWithoutTimer: 0.5 });
    expect(shown?.pending).toBeUndefined();
  });

  it('in a start/end-time account starts at the moment it was started: started_time 10:00', async () => {
    const { h, clock } = await startedOfflineAtTen('Begun offline, timed', SIMULATOR_ACCOUNTS.timestamp);
    await sentAt(h, clock, 30);

    const made = await inHarvest(h, 'Begun offline, timed', SIMULATOR_ACCOUNTS.timestamp);
    expect(made).toMatchObject([{ is_running: true, started_time: '10:00', ended_time: null, hours: 0.5 }]);
  });

  it('made in Harvest, and the app quits before the restart reached it: the next run finds the entry and runs it on, made once', async () => {
    const line = restartLine();
    line.planned.push('lost');
    // The check of a send whose answer was lost waits longer than this app runs.
    const { h, clock } = await startedOfflineAtTen('Broken off', SIMULATOR_ACCOUNTS.duration, { queueTuning: fastQueue(60_000), fetch: line.fetch });
    clock.advanceMinutes(30);
    await backOnline(h);
    await until(async () => line.broken === 1, 'the restart to be lost on its way');
    await h.core.dispose();
    expect(await inHarvest(h, 'Broken off')).toMatchObject([{ is_running: false }]);

    clock.advanceMinutes(10);
    const again = await h.restart({ queueTuning: fastQueue() });
    harnesses.push(again);
    await drained(again);
    expect(await inHarvest(again, 'Broken off')).toMatchObject([{ is_running: true, hours: 0.67, hours_without_timer: 0.67 }]);
  });

  it('restarted in Harvest and its answer lost: found running, not restarted again', async () => {
    const line = restartLine();
    line.planned.push('answer-lost');
    const { h, clock } = await startedOfflineAtTen('Answer lost', SIMULATOR_ACCOUNTS.duration, { fetch: line.fetch });
    clock.advanceMinutes(30);
    await backOnline(h);
    await drained(h);
    expect(line.broken).toBe(1);
    // A second restart of a running timer would have been refused, and kept for the user.
    expect(h.eventsOf('queue.changed').flat().some((change) => change.status.state === 'refused')).toBe(false);
    expect(await inHarvest(h, 'Answer lost')).toMatchObject([{ is_running: true, hours: 0.5, hours_without_timer: 0.5 }]);
  });

  it('the connection gone between the create and the restart: the change is checked, not sent as new, and the timer runs on', async () => {
    const line = restartLine();
    const { h, clock } = await startedOfflineAtTen('Cut between', SIMULATOR_ACCOUNTS.duration, { fetch: line.fetch });
    clock.advanceMinutes(30);
    line.down = true;
    await backOnline(h);
    // Refused on the first try (with the client's own retries) and again on the queue's next.
    await until(async () => line.broken >= 8, 'the restart to be refused twice over');
    expect(await inHarvest(h, 'Cut between')).toMatchObject([{ is_running: false }]);
    clock.advanceMinutes(5);
    line.down = false;
    await h.core.refresh();
    await drained(h);
    expect(await inHarvest(h, 'Cut between')).toMatchObject([{ is_running: true, hours: 0.58, hours_without_timer: 0.58 }]);
  });
});

describe('a timer started offline, then stopped and restarted offline', () => {
  it('still running when sent: Harvest has both spans, and the second counts from its restart (10:00–10:15, then from 10:30; sent 10:45: 0.5 h)', async () => {
    const { h, clock, id } = await startedOfflineAtTen('On and off');
    clock.advanceMinutes(15);
    await h.call('timer.stop', { id });
    clock.advanceMinutes(15);
    expect(await h.call<TimeEntry>('timer.restart', { id })).toMatchObject({ isRunning: true, hours: 0.25 });
    await sentAt(h, clock, 15);

    expect(await inHarvest(h, 'On and off')).toMatchObject([{ is_running: true, hours: 0.5, hours_without_timer: 0.5 }]);
  });

  it('its restart lost on the way to Harvest: the next try brings the hours up to then and restarts it once', async () => {
    const line = restartLine();
    const { h, clock, id } = await startedOfflineAtTen('On, off, cut off', SIMULATOR_ACCOUNTS.duration, { fetch: line.fetch });
    clock.advanceMinutes(15);
    await h.call('timer.stop', { id });
    clock.advanceMinutes(15);
    await h.call('timer.restart', { id });
    line.planned.push('lost');
    await sentAt(h, clock, 15);

    expect(line.broken).toBe(1);
    expect(await inHarvest(h, 'On, off, cut off')).toMatchObject([{ is_running: true, hours: 0.5, hours_without_timer: 0.5 }]);
  });

  it('stopped again before it is sent: Harvest has both spans and nothing runs (10:00–10:15 and 10:30–10:40: 0.42 h)', async () => {
    const { h, clock, id } = await startedOfflineAtTen('On and off and on');
    clock.advanceMinutes(15);
    await h.call('timer.stop', { id });
    clock.advanceMinutes(15);
    await h.call('timer.restart', { id });
    clock.advanceMinutes(10);
    await h.call('timer.stop', { id });
    // Each stop is folded into the start it ends: one create, one restart, both with their moments.
    const ours = (await h.call<PendingChange[]>('queue.list')).filter((change) => change.entryId === id);
    expect(ours.map((change) => change.kind)).toEqual(['start', 'restart']);
    await sentAt(h, clock, 20);

    expect(await inHarvest(h, 'On and off and on')).toMatchObject([{ is_running: false, hours: 0.42 }]);
  });
});

describe('a timer started offline before midnight and stopped offline after it', () => {
  async function acrossMidnight(notes: string, accountId: number, options: { startedOnline?: boolean } = {}) {
    const clock = clockAt(23);
    clock.advanceMinutes(50);
    const startDay = toLocalDate(clock.now());
    const { h, where } = await signedIn(clock, accountId);
    harnesses.push(h);
    if (!options.startedOnline) await goOffline(h);
    const started = await h.call<TimeEntry>('timer.start', { ...where, notes });
    if (options.startedOnline) await goOffline(h);
    clock.advanceMinutes(30);
    await h.call('timer.stop', { id: started.id });
    await sentAt(h, clock, 10);
    return { startDay, made: await inHarvest(h, notes, accountId) };
  }

  it('in a duration account: 23:50 to 00:20 is 0.5 h on the day it began', async () => {
    const { startDay, made } = await acrossMidnight('Late night', SIMULATOR_ACCOUNTS.duration);
    expect(made).toMatchObject([{ spent_date: startDay, is_running: false, hours: 0.5 }]);
  });

  it('in a start/end-time account: 23:50 to 00:20 is 0.5 h on the day it began', async () => {
    const { startDay, made } = await acrossMidnight('Late night, timed', SIMULATOR_ACCOUNTS.timestamp);
    expect(made).toMatchObject([{ spent_date: startDay, is_running: false, hours: 0.5 }]);
  });

  it('in a start/end-time account, started in Harvest and stopped offline after midnight: 0.5 h, not the time until it was sent', async () => {
    const { startDay, made } = await acrossMidnight('Late night, begun online', SIMULATOR_ACCOUNTS.timestamp, { startedOnline: true });
    expect(made).toMatchObject([{ spent_date: startDay, is_running: false, hours: 0.5, started_time: '23:50' }]);
  });

  it('in a start/end-time account, the hours cut off after the entry was made: made once, with its hours on the next try', async () => {
    // Breaks the edits of the entry the queue makes (the running timer it stops first goes through).
    const patches = { down: true, cut: 0, made: '' };
    const line: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const answer = async () => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && url.includes('/time_entries')) patches.made = `/time_entries/${((await response.clone().json()) as { id: number }).id}`;
        return response;
      };
      if (!patches.down || init?.method !== 'PATCH' || patches.made === '' || !url.endsWith(patches.made)) return answer();
      patches.cut += 1;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    };
    const clock = clockAt(23);
    clock.advanceMinutes(50);
    const startDay = toLocalDate(clock.now());
    const { h, where } = await signedIn(clock, SIMULATOR_ACCOUNTS.timestamp, { fetch: line });
    harnesses.push(h);
    await goOffline(h);
    const started = await h.call<TimeEntry>('timer.start', { ...where, notes: 'Late night, cut off' });
    clock.advanceMinutes(30);
    await h.call('timer.stop', { id: started.id });
    clock.advanceMinutes(10);
    await backOnline(h);
    // The entry made, and its hours refused on the first try (with the client's own retries).
    await until(async () => patches.cut >= 4, 'the hours to be cut off');
    expect(await inHarvest(h, 'Late night, cut off', SIMULATOR_ACCOUNTS.timestamp)).toMatchObject([{ hours: 0.15 }]);
    patches.down = false;
    await h.core.refresh();
    await drained(h);
    expect(await inHarvest(h, 'Late night, cut off', SIMULATOR_ACCOUNTS.timestamp)).toMatchObject([
      { spent_date: startDay, is_running: false, hours: 0.5, started_time: '23:50' },
    ]);
  });
});
