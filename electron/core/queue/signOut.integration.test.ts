// Signing out does not throw away what waits: the changes stay in the account's queue on disk and
// are sent after the next sign-in to that account, once Harvest answers. The popover's sign-out
// question says so, and this is what makes its words true.
import { afterEach, expect, it } from 'vitest';
import type { PendingChange, ProjectChoice, TimeEntry } from '../../../shared/domain';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { settle, startHarness, type Harness } from '../app/testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const FAR_DAY = { from: '2020-01-06', to: '2020-01-06' };
const NOTES = 'Kept across a sign-out';

async function notesAtHarvest(h: Harness): Promise<number> {
  const harvest = harvestRequester(h.sim, { accountId: SIMULATOR_ACCOUNTS.duration });
  const me = (await harvest.get('/users/me')).body as { id: number };
  const body = (await harvest.get(`/time_entries?user_id=${me.id}`)).body as { time_entries: Array<{ notes: string | null }> };
  return body.time_entries.filter((entry) => entry.notes === NOTES).length;
}

it('a change kept offline outlives a sign-out and reaches Harvest once after signing in again', async () => {
  const h = await startHarness({ queueTuning: { backoff: { maxRetries: 1, maxRateLimitRetries: 2, baseDelayMs: 50, maxDelayMs: 200, maxRetryAfterMs: 1_000, defaultRetryAfterMs: 500 }, random: () => 0.5 } });
  harness = h;
  await h.signIn(SIMULATOR_TOKENS.multi, SIMULATOR_ACCOUNTS.duration);
  const project = (await h.call<ProjectChoice[]>('choices.projects', {}))[0];
  const task = project?.tasks[0];
  if (!project || !task) throw new Error('The sample data has nowhere to log time.');

  h.sim.knobs.setOffline(true);
  await h.fail('entries.list', FAR_DAY);
  const kept = await h.call<TimeEntry>('entries.create', {
    projectId: project.projectId,
    taskId: task.taskId,
    spentDate: '2020-01-06',
    hours: 1.25,
    notes: NOTES,
  });
  expect(kept.pending?.status.state).toBe('waiting');

  await h.call('session.signOut', {});
  h.sim.knobs.setOffline(false);
  await settle(300);
  // Signed out, nothing is sent: the token is gone from the app.
  expect(await notesAtHarvest(h)).toBe(0);

  await h.signIn(SIMULATOR_TOKENS.multi, SIMULATOR_ACCOUNTS.duration);
  const end = Date.now() + 10_000;
  while (Date.now() < end && (await h.call<PendingChange[]>('queue.list')).length > 0) await settle(50);
  expect(await h.call<PendingChange[]>('queue.list')).toEqual([]);
  expect(await notesAtHarvest(h)).toBe(1);
});
