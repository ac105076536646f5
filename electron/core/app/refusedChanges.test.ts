// A change Harvest refuses leaves Harvest as it was, and the popover and the tray keep following
// Harvest: a refused start or restart must not stop the timer that was running on its way.
// Through dispatch() against the simulator over HTTP, in both ways an account records time.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const today = () => toLocalDate(new Date());
// Ids Harvest has no project or task for: what it answers for one archived or removed since the
// project list was cached is the same refusal, "Project is not valid".
const REFUSED_PAIR = { projectId: 999_999, taskId: 888_888 };

const MODES = [
  ['a duration account', SIMULATOR_ACCOUNTS.duration],
  ['a start/end-time account', SIMULATOR_ACCOUNTS.timestamp],
] as const;

/** Signed in with the sample data's timer running; answers that timer as Harvest holds it. */
async function signedInWithTimer(accountId: number): Promise<{ h: Harness; running: TimeEntry }> {
  harness = await startHarness();
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  const running = harness.core.runningEntry();
  if (running === null) throw new Error('The sample data has no running timer to keep.');
  return { h: harness, running };
}

/** What runs for me in Harvest, read straight from the simulator. */
async function runningInHarvest(h: Harness, accountId: number): Promise<number[]> {
  const harvest = harvestRequester(h.sim, { accountId });
  const me = (await harvest.get('/users/me')).body as { id: number };
  const body = (await harvest.get(`/time_entries?user_id=${me.id}&is_running=true`)).body as {
    time_entries: Array<{ id: number }>;
  };
  return body.time_entries.map((entry) => entry.id);
}

/** Harvest, the tray and the popover's events all still say `running` runs. */
async function expectStillRunning(h: Harness, accountId: number, running: TimeEntry, eventsBefore: number) {
  expect(await runningInHarvest(h, accountId)).toEqual([running.id]);
  expect(h.core.runningEntry()?.id).toBe(running.id);
  const timerEvents = h.eventsOf('timer.changed').slice(eventsBefore);
  for (const event of timerEvents) expect(event.running?.id).toBe(running.id);
  const listed = await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() });
  expect(listed.filter((entry) => entry.isRunning).map((entry) => entry.id)).toEqual([running.id]);
}

describe.each(MODES)('a refused change in %s', (_mode, accountId) => {
  it('timer.start on a project Harvest refuses leaves the running timer running', async () => {
    const { h, running } = await signedInWithTimer(accountId);
    const eventsBefore = h.eventsOf('timer.changed').length;
    const error = await h.fail('timer.start', { ...REFUSED_PAIR, notes: 'On an archived project' });
    expect(error.message).toMatch(/Project is not valid/);
    await expectStillRunning(h, accountId, running, eventsBefore);
  });

  it('entries.create for today without hours, refused, leaves the running timer running', async () => {
    const { h, running } = await signedInWithTimer(accountId);
    const eventsBefore = h.eventsOf('timer.changed').length;
    const error = await h.fail('entries.create', { ...REFUSED_PAIR, spentDate: today() });
    expect(error.message).toMatch(/Project is not valid/);
    await expectStillRunning(h, accountId, running, eventsBefore);
  });

  it('timer.restart of an entry deleted elsewhere leaves the running timer running', async () => {
    const { h, running } = await signedInWithTimer(accountId);
    const listed = await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() });
    const other = listed.find((entry) => !entry.isRunning && !entry.isLocked);
    if (other === undefined) throw new Error('The sample data has no stopped entry today.');
    // Deleted on the web while the popover still shows it.
    expect((await harvestRequester(h.sim, { accountId }).delete(`/time_entries/${other.id}`)).status).toBe(200);
    const eventsBefore = h.eventsOf('timer.changed').length;

    const error = await h.fail('timer.restart', { id: other.id });
    expect(error.kind).toBe('not-found');
    await expectStillRunning(h, accountId, running, eventsBefore);
  });

  it('an accepted start still leaves exactly one timer running, the new one, and says so', async () => {
    const { h, running } = await signedInWithTimer(accountId);
    const started = await h.call<TimeEntry>('timer.start', { projectId: running.project.id, taskId: running.task.id });
    expect(await runningInHarvest(h, accountId)).toEqual([started.id]);
    expect(h.core.runningEntry()?.id).toBe(started.id);
    expect(h.eventsOf('timer.changed').at(-1)?.running?.id).toBe(started.id);
    const dates = h.eventsOf('entries.changed').at(-1)?.dates ?? [];
    expect(dates).toContain(running.spentDate);
  });
});
