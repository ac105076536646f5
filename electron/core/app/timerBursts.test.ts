// Presses that come at once (a double press, key repeat on a bound --quick-restart, two windows)
// make one change in Harvest, not one each: through dispatch() against the simulator over HTTP,
// under Harvest's own limit of 100 requests per 15 s, in both ways an account records time.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/contract';
import type { QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { OWN_SIDE_RATE_LIMIT, realSleep, SlidingWindowLimiter } from '../harvest/rateLimiter';
import { dispatch } from './dispatch';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MODES = [
  ['a duration account', SIMULATOR_ACCOUNTS.duration],
  ['a start/end-time account', SIMULATOR_ACCOUNTS.timestamp],
] as const;
const PRESSES = 50;
/** What "in seconds, not minutes" means here: well inside Harvest's 15-second window. */
const SECONDS_ALLOWED = 5;

async function signedIn(accountId: number): Promise<Harness> {
  // A limiter of this test's own, as the app keeps one per token: no other test's requests count.
  const rateLimiter = new SlidingWindowLimiter({ ...OWN_SIDE_RATE_LIMIT, now: Date.now, sleep: realSleep });
  harness = await startHarness({ rateLimiter });
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  return harness;
}

/** My entries as Harvest holds them, read straight from the simulator. */
async function myEntries(h: Harness, accountId: number) {
  const harvest = harvestRequester(h.sim, { accountId });
  const me = (await harvest.get('/users/me')).body as { id: number };
  const body = (await harvest.get(`/time_entries?user_id=${me.id}&per_page=2000`)).body as {
    time_entries: Array<{ id: number; is_running: boolean }>;
  };
  return body.time_entries;
}

/** Calls a channel `times` at once, as a burst of presses would, and times the whole burst. */
async function atOnce(h: Harness, channel: string, input: unknown, times: number) {
  const started = Date.now();
  const replies = await Promise.all(Array.from({ length: times }, () => dispatch(h.core.handlers, channel, input)));
  return { replies, seconds: (Date.now() - started) / 1000 };
}

function values<T>(replies: Array<Reply<unknown>>): T[] {
  return replies.map((reply) => {
    if (!reply.ok) throw new Error(`A press failed: ${reply.error.kind}: ${reply.error.message}`);
    return reply.value as T;
  });
}

describe.each(MODES)('a burst of presses in %s', (_mode, accountId) => {
  it(`${PRESSES} quick restarts at once restart once: one timer runs, no duplicate entry, in seconds`, async () => {
    const h = await signedIn(accountId);
    // The sample data's timer stopped first, so the burst has something to restart.
    expect((await h.call<QuickRestartResult>('timer.quickRestart')).action).toBe('stopped');
    const before = await myEntries(h, accountId);

    const { replies, seconds } = await atOnce(h, 'timer.quickRestart', {}, PRESSES);

    expect(seconds).toBeLessThan(SECONDS_ALLOWED);
    const results = values<QuickRestartResult>(replies);
    expect(new Set(results.map((result) => `${result.action} ${result.entry?.id}`))).toEqual(
      new Set([`restarted ${results[0]?.entry?.id}`]),
    );
    const after = await myEntries(h, accountId);
    const running = after.filter((entry) => entry.is_running);
    expect(running.map((entry) => entry.id)).toEqual([results[0]?.entry?.id]);
    // A start/end-time restart is one new entry; a duration restart continues the same one.
    const created = accountId === SIMULATOR_ACCOUNTS.timestamp ? 1 : 0;
    expect(after.length).toBe(before.length + created);
    expect(h.core.runningEntry()?.id).toBe(results[0]?.entry?.id);
  }, 60_000);

  it('two restarts of one entry at once make one change and answer alike', async () => {
    const h = await signedIn(accountId);
    const stopped = await h.call<QuickRestartResult>('timer.quickRestart');
    const id = stopped.entry?.id;
    const before = await myEntries(h, accountId);

    const { replies } = await atOnce(h, 'timer.restart', { id }, 2);

    const [first, second] = values<TimeEntry>(replies);
    expect(second?.id).toBe(first?.id);
    const after = await myEntries(h, accountId);
    expect(after.filter((entry) => entry.is_running).map((entry) => entry.id)).toEqual([first?.id]);
    expect(after.length).toBe(before.length + (accountId === SIMULATOR_ACCOUNTS.timestamp ? 1 : 0));
  });

  it('a stop and a start at once take turns: one timer runs at the end, the one started last', async () => {
    const h = await signedIn(accountId);
    const running = h.core.runningEntry();
    if (running === null) throw new Error('The sample data has no running timer.');
    const [stopReply, startReply] = await Promise.all([
      dispatch(h.core.handlers, 'timer.stop', { id: running.id }),
      dispatch(h.core.handlers, 'timer.start', { projectId: running.project.id, taskId: running.task.id }),
    ]);
    const [, started] = values<TimeEntry>([stopReply, startReply]);
    const after = await myEntries(h, accountId);
    expect(after.filter((entry) => entry.is_running).map((entry) => entry.id)).toEqual([started?.id]);
    expect(h.core.runningEntry()?.id).toBe(started?.id);
  });
});
