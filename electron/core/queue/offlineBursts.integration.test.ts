// Presses that come at once while Harvest cannot be reached (a double press, key repeat on the
// shortcut, two windows): what is kept is what one press would keep, and it reaches Harvest once.
// The core over real HTTP against the simulator, on a clock the test moves.
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingChange, TimeEntry } from '../../../shared/domain';
import { SIMULATOR_ACCOUNTS } from '../../simulator';
import { dispatch } from '../app/dispatch';
import type { Harness } from '../app/testing/coreHarness';
import { allInHarvest as mine, clockAt, drained, goOffline, signedIn } from './testing/queueHarness';

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function backOnline(h: Harness): Promise<void> {
  h.sim.knobs.setOffline(false);
  await h.core.refresh();
  await drained(h);
}

describe.each([
  ['a duration account', SIMULATOR_ACCOUNTS.duration],
  ['a start/end-time account', SIMULATOR_ACCOUNTS.timestamp],
] as const)('offline, presses at once in %s', (_mode, accountId) => {
  it('ten quick restarts keep one restart, and one timer runs once sent', async () => {
    const clock = clockAt(10);
    const { h } = await signedIn(clock, accountId);
    harnesses.push(h);
    const running = (await mine(h, accountId)).find((entry) => entry.is_running);
    await h.call('timer.stop', { id: running?.id });
    const before = await mine(h, accountId);
    await goOffline(h);

    const presses = await Promise.all(Array.from({ length: 10 }, () => dispatch(h.core.handlers, 'timer.quickRestart', {})));
    expect(presses.every((press) => press.ok)).toBe(true);
    expect((await h.call<PendingChange[]>('queue.list')).map((change) => change.kind)).toEqual(['restart']);

    clock.advanceMinutes(10);
    await backOnline(h);
    const after = await mine(h, accountId);
    expect(after.filter((entry) => entry.is_running)).toHaveLength(1);
    expect(after.length - before.length).toBeLessThanOrEqual(1);
  });

  it('a timer started offline, then stopped, restarted and deleted at once: nothing waits, nothing reaches Harvest', async () => {
    const clock = clockAt(10);
    const { h, where } = await signedIn(clock, accountId);
    harnesses.push(h);
    await goOffline(h);
    const started = await h.call<TimeEntry>('timer.start', { ...where, notes: 'Pressed at once' });
    await Promise.all([
      dispatch(h.core.handlers, 'timer.stop', { id: started.id }),
      dispatch(h.core.handlers, 'timer.restart', { id: started.id }),
      dispatch(h.core.handlers, 'timer.stop', { id: started.id }),
      dispatch(h.core.handlers, 'entries.delete', { id: started.id }),
    ]);
    // What waits is the stop of the timer that ran before (the start stopped it), nothing of the deleted entry.
    expect((await h.call<PendingChange[]>('queue.list')).filter((change) => change.entryId === started.id)).toEqual([]);

    await backOnline(h);
    expect((await mine(h, accountId)).filter((entry) => entry.notes === 'Pressed at once')).toEqual([]);
  });
});
