// Changes to entries the app has not read in this run, while Harvest cannot be reached: the laptop
// restarted on the train, the popover opens with what it last showed (its query cache on disk), and
// the user stops the timer it shows, or resumes work with the shortcut. Such changes are kept as
// any other, against the entry as it was last shown, and reach Harvest once, with the real moments.
// The core over real HTTP against the simulator, on a clock the test moves.
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingChange, QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import type { Harness } from '../app/testing/coreHarness';
import { clockAt, drained, goOffline, inHarvest, signedIn, until, type MovingClock } from './testing/queueHarness';

let harnesses: Harness[] = [];
afterEach(async () => {
  // The restarted one first: the first owns the simulator and the data folder.
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

/** The popover's snapshot as it saves one: its entries query for the day, and nothing else. */
function snapshotOf(day: string, entries: TimeEntry[], at = Date.now()): string {
  const state = { data: entries, dataUpdatedAt: at, status: 'success' };
  return JSON.stringify({ savedAt: at, account: null, state: { mutations: [], queries: [{ queryKey: ['entries', day, day], state }] } });
}

/**
 * A timer started at 10:00 and shown by the popover, which saved its cache; then the app quit, and
 * started again at 10:45 with Harvest out of reach. The restarted core has read nothing.
 */
async function restartedOfflineWithTimerShown(
  notes: string,
  overrides: Parameters<Harness['restart']>[0] = {},
): Promise<{ h: Harness; clock: MovingClock; id: number }> {
  const clock = clockAt(10);
  const { h: first, where } = await signedIn(clock);
  harnesses.push(first);
  const started = await first.call<TimeEntry>('timer.start', { ...where, notes });
  const day = toLocalDate(clock.now());
  const shown = await first.call<TimeEntry[]>('entries.list', { from: day, to: day });
  expect(shown.find((entry) => entry.id === started.id)?.isRunning).toBe(true);
  await first.call('queryCache.save', { snapshot: snapshotOf(day, shown) });
  await first.core.dispose();

  clock.advanceMinutes(45);
  first.sim.knobs.setOffline(true);
  const h = await first.restart(overrides);
  harnesses.push(h);
  await goOffline(h);
  return { h, clock, id: started.id };
}

async function backOnline(h: Harness): Promise<void> {
  h.sim.knobs.setOffline(false);
  await h.core.refresh();
  await drained(h);
}

describe('offline after a restart, a change to an entry the popover last showed', () => {
  it('a stop of the timer it showed is kept, and Harvest ends with the hours to the moment it was stopped (10:00 to 10:45: 0.75 h)', async () => {
    const { h, id } = await restartedOfflineWithTimerShown('Stopped after a restart');
    const stopped = await h.call<TimeEntry>('timer.stop', { id });
    expect(stopped).toMatchObject({ id, isRunning: false, hours: 0.75, pending: { status: { state: 'waiting' } } });

    await backOnline(h);
    expect(await inHarvest(h, 'Stopped after a restart')).toMatchObject([{ id, is_running: false, hours: 0.75 }]);
  });

  it('the shortcut stops the timer it showed (quick restart), once', async () => {
    const { h, id } = await restartedOfflineWithTimerShown('Stopped by the shortcut');
    const pressed = await h.call<QuickRestartResult>('timer.quickRestart');
    expect(pressed).toMatchObject({ action: 'stopped', entry: { id, isRunning: false } });

    await backOnline(h);
    expect(await inHarvest(h, 'Stopped by the shortcut')).toMatchObject([{ id, is_running: false, hours: 0.75 }]);
  });

  it('an edit of an entry it showed is kept and sent', async () => {
    const { h, id } = await restartedOfflineWithTimerShown('Edited after a restart');
    await h.call<TimeEntry>('timer.stop', { id });
    const edited = await h.call<TimeEntry>('entries.update', { id, patch: { notes: 'Edited after a restart, twice' } });
    expect(edited).toMatchObject({ id, notes: 'Edited after a restart, twice', isRunning: false, hours: 0.75 });
    expect(edited.pending).toBeDefined();

    await backOnline(h);
    expect(await inHarvest(h, 'Edited after a restart, twice')).toMatchObject([{ id, is_running: false, hours: 0.75 }]);
  });

  it('a timer the popover showed running and Harvest has since stopped elsewhere keeps the hours it was stopped with there', async () => {
    const { h, id, clock } = await restartedOfflineWithTimerShown('Stopped on the phone');
    await h.call<TimeEntry>('timer.stop', { id });
    // Meanwhile, on the phone, at 10:45 already: the timer was stopped there, and its hours set.
    h.sim.knobs.setOffline(false);
    const phone = harvestRequester(h.sim);
    await phone.patch(`/time_entries/${id}/stop`, {});
    await phone.patch(`/time_entries/${id}`, { hours: 0.5 });
    clock.advanceMinutes(5);

    await backOnline(h);
    expect(await inHarvest(h, 'Stopped on the phone')).toMatchObject([{ id, is_running: false, hours: 0.5 }]);
  });

  it('stopped in Harvest and its hours not written yet when the line went: the next try writes them, not taking it for a stop made elsewhere', async () => {
    // Refuses the edits of one entry (not its stop) while `down`: the client gives up, the change waits.
    const line = { down: false, refused: 0 };
    const fetchThroughLine: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      if (line.down && method === 'PATCH' && /\/time_entries\/\d+$/.test(new URL(url).pathname)) {
        line.refused += 1;
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      }
      return fetch(input, init);
    };
    const { h, id, clock } = await restartedOfflineWithTimerShown('Stop written in two steps', { fetch: fetchThroughLine });
    await h.call<TimeEntry>('timer.stop', { id });
    // Sent 15 minutes later: Harvest's own stop would say 1 h; the user stopped it at 0.75 h.
    clock.advanceMinutes(15);
    line.down = true;
    h.sim.knobs.setOffline(false);
    await h.core.refresh();
    // Two whole tries given up (the client's own 3 retries each): the second began after the first
    // ended. A second try that took the stopped timer for one stopped elsewhere would end the queue.
    const queueEmpty = async () => (await h.call<PendingChange[]>('queue.list')).length === 0;
    await until(async () => line.refused >= 8 || (await queueEmpty()), 'the hours to be refused on two tries');
    expect((await inHarvest(h, 'Stop written in two steps'))[0]).toMatchObject({ is_running: false, hours: 1 });
    line.down = false;
    await drained(h);
    expect(await inHarvest(h, 'Stop written in two steps')).toMatchObject([{ id, is_running: false, hours: 0.75 }]);
  });
});
