// A core signed in to the simulator with a clock the test moves, for the queue's integration
// tests: changes are made offline at known moments and sent later, and what Harvest ends with is
// read straight from the simulator.
import type { PendingChange, ProjectChoice } from '../../../../shared/domain';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../../simulator';
import { harvestRequester } from '../../../simulator/testing/harvestRequest';
import { OWN_SIDE_RATE_LIMIT, SlidingWindowLimiter, realSleep } from '../../harvest/rateLimiter';
import { settle, startHarness, type Harness, type HarnessOptions } from '../../app/testing/coreHarness';

export const MINUTE = 60_000;
/** A day no reading has cached: asking for it reaches for Harvest. */
export const FAR_DAY = { from: '2020-01-06', to: '2020-01-06' };

const FAST_BACKOFF = {
  maxRetries: 3,
  maxRateLimitRetries: 5,
  baseDelayMs: 50,
  maxDelayMs: 200,
  maxRetryAfterMs: 60_000,
  defaultRetryAfterMs: 15_000,
};

/**
 * Tries between failures within a tenth of a second; a send whose answer was lost is checked
 * after `landingMs` (the simulator answers at once, so 200 ms is plenty unless a test wants the
 * check to wait for something else, such as the app quitting).
 */
export function fastQueue(landingMs = 200): NonNullable<HarnessOptions['queueTuning']> {
  return { backoff: { ...FAST_BACKOFF }, random: () => 0.5, landingMs };
}

/** The clock the core and the simulator share: real time, moved on by the test. */
export interface MovingClock {
  now: () => Date;
  advanceMinutes(minutes: number): void;
}

/** Starts at today's `hour`:00 local time, so the moments a test names are the ones it shows. */
export function clockAt(hour: number): MovingClock {
  const start = new Date();
  start.setHours(hour, 0, 0, 0);
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    advanceMinutes(minutes) {
      offset += minutes * MINUTE;
    },
  };
}

export interface Place {
  projectId: number;
  taskId: number;
}

/** A core signed in to one of the simulator's accounts, and somewhere to log time in it. */
export async function signedIn(
  clock: MovingClock,
  accountId: number = SIMULATOR_ACCOUNTS.duration,
  options: Pick<HarnessOptions, 'queueTuning' | 'fetch'> = {},
): Promise<{ h: Harness; where: Place }> {
  const h = await startHarness({
    now: clock.now,
    queueTuning: fastQueue(),
    // The client's own retries wait tens of milliseconds instead of seconds: the same steps, sooner.
    clientRetry: { baseDelayMs: 20, maxDelayMs: 200 },
    // Each test has a simulator of its own, so its own window too: the process-wide one, shared by
    // every core with this token, would make a test wait out the requests of the tests before it.
    rateLimiter: new SlidingWindowLimiter({ ...OWN_SIDE_RATE_LIMIT, now: Date.now, sleep: realSleep }),
    ...options,
  });
  await h.signIn(SIMULATOR_TOKENS.multi, accountId);
  const choices = await h.call<ProjectChoice[]>('choices.projects', {});
  const project = choices[0];
  const task = project?.tasks[0];
  if (!project || !task) throw new Error('The sample data has nowhere to log time.');
  return { h, where: { projectId: project.projectId, taskId: task.taskId } };
}

/** Harvest cannot be reached, and the core knows it (a reading failed): changes are kept untried. */
export async function goOffline(h: Harness): Promise<void> {
  h.sim.knobs.setOffline(true);
  await h.fail('entries.list', FAR_DAY);
}

export async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await settle(30);
  }
  throw new Error(`Timed out waiting: ${what}`);
}

export async function drained(h: Harness): Promise<void> {
  await until(async () => (await h.call<PendingChange[]>('queue.list')).length === 0, 'the queue to empty');
}

export interface HarvestEntry {
  id: number;
  notes: string | null;
  hours: number;
  hours_without_timer: number;
  is_running: boolean;
  timer_started_at: string | null;
  started_time: string | null;
  ended_time: string | null;
}

/** All my entries in Harvest, read straight from the simulator. */
export async function allInHarvest(h: Harness, accountId: number = SIMULATOR_ACCOUNTS.duration): Promise<HarvestEntry[]> {
  const harvest = harvestRequester(h.sim, { accountId });
  const me = (await harvest.get('/users/me')).body as { id: number };
  const body = (await harvest.get(`/time_entries?user_id=${me.id}&per_page=2000`)).body as { time_entries: HarvestEntry[] };
  return body.time_entries;
}

/** My entries in Harvest with these notes. */
export async function inHarvest(h: Harness, notes: string, accountId: number = SIMULATOR_ACCOUNTS.duration): Promise<HarvestEntry[]> {
  return (await allInHarvest(h, accountId)).filter((entry) => entry.notes === notes);
}
