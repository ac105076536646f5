// The command line on the account's pending-changes queue, as real processes against the
// simulator over HTTP: a change Harvest cannot take now is kept (status 1, and said so), the next
// command sends it first, exactly once, and processes running at the same time share the file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../shared/localDate';
import { toTimeEntry } from '../core/app/mapping';
import { QueryCacheFiles } from '../core/app/queryCacheFile';
import { wireTimeEntrySchema } from '../core/harvest/wire';
import { SIMULATOR_ACCOUNTS, startSimulator, type Simulator } from '../simulator';
import { harvestRequester, type HarvestRequester } from '../simulator/testing/harvestRequest';
import { bundleCli, cliProcess, type CliProcess } from './testing/cliProcess';

type Json = Record<string, unknown>;

let built: Awaited<ReturnType<typeof bundleCli>>;
let sim: Simulator;
let cli: CliProcess;
let studio: HarvestRequester;

beforeAll(async () => {
  built = await bundleCli();
}, 60_000);
afterAll(async () => {
  await built.remove();
});
beforeEach(async () => {
  sim = await startSimulator();
  cli = await cliProcess(sim, built.bundle);
  studio = harvestRequester(sim);
});
afterEach(async () => {
  sim.knobs.setOffline(false);
  await cli.close();
  await sim.close();
});

async function myEntries(): Promise<Json[]> {
  const me = (await studio.get('/users/me')).body as { id: number };
  return ((await studio.get(`/time_entries?user_id=${me.id}&per_page=2000`)).body as { time_entries: Json[] }).time_entries;
}

async function somewhereToLogTime(): Promise<string[]> {
  const [sample] = await myEntries();
  return ['--project-id', String((sample?.project as Json).id), '--task-id', String((sample?.task as Json).id)];
}

function keptError(stderr: string): { message: string; kept: { change_id: string; entry_id: number } } {
  return (JSON.parse(stderr.trim().split('\n').at(-1) ?? '') as { error: { message: string; kept: { change_id: string; entry_id: number } } }).error;
}

describe('the command line keeps what Harvest cannot take now', () => {
  it('keeps an entry made offline, says so, and the next command sends it once, with its reference', async () => {
    const where = await somewhereToLogTime();
    const day = toLocalDate(new Date());
    sim.knobs.setOffline(true);
    const offline = await cli.run(['entries', 'create', ...where, '--spent-date', day, '--hours', '1.5', '--notes', 'On the train', '--json']);
    expect(offline.status).toBe(1);
    expect(offline.stdout).toBe('');
    const error = keptError(offline.stderr);
    expect(error.message).toContain('kept on this computer');
    expect(error.message).toContain('do not make it again');
    expect(error.kept.change_id).toMatch(/^chg-/);
    expect(error.kept.entry_id).toBeLessThan(0);

    sim.knobs.setOffline(false);
    const next = await cli.run(['entries', 'list', '--from', day, '--to', day, '--json']);
    expect(next.status).toBe(0);
    expect(next.stderr).toContain('sending 1 change kept earlier');
    const listed = (JSON.parse(next.stdout) as Json[]).filter((entry) => entry.notes === 'On the train');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ hours: 1.5, external_reference: { id: error.kept.change_id } });

    const again = await cli.run(['entries', 'list', '--from', day, '--to', day, '--json']);
    expect(again.stderr).toBe('');
    expect((await myEntries()).filter((entry) => entry.notes === 'On the train')).toHaveLength(1);
  });

  it('offline, a quick restart it cannot know the entries for says Harvest could not be reached, not that there is nothing', async () => {
    sim.knobs.setOffline(true);
    const run = await cli.run(['timer', 'quick-restart', '--json']);
    expect(run.status).toBe(1);
    const error = (JSON.parse(run.stderr) as { error: { message: string; kept?: unknown } }).error;
    expect(error.message).toContain('cannot reach Harvest');
    expect(error).not.toHaveProperty('kept');
  });

  it('tags every create it sends, so a create whose answer is lost can be found instead of made twice', async () => {
    const where = await somewhereToLogTime();
    const created = await cli.run(['entries', 'create', ...where, '--spent-date', toLocalDate(new Date()), '--hours', '0.25', '--json']);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ external_reference: { id: expect.stringMatching(/^chg-/) } });
  });

  it('loses nothing when several processes keep changes in the same file at once', async () => {
    const where = await somewhereToLogTime();
    const day = toLocalDate(new Date());
    sim.knobs.setOffline(true);
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        cli.run(['entries', 'create', ...where, '--spent-date', day, '--hours', '0.5', '--notes', `Kept by process ${i}`, '--json']),
      ),
    );
    expect(runs.map((run) => run.status)).toEqual([1, 1, 1, 1, 1, 1]);
    const provisional = runs.map((run) => keptError(run.stderr).kept.entry_id);
    expect(new Set(provisional).size).toBe(6);

    sim.knobs.setOffline(false);
    const next = await cli.run(['users', 'me', '--json']);
    expect(next.stderr).toContain('sending 6 changes kept earlier');
    const mine = (await myEntries()).filter((entry) => String(entry.notes).startsWith('Kept by process'));
    expect(mine.map((entry) => entry.notes).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `Kept by process ${i}`));
  });
});

describe('offline, the command line keeps changes to entries it has not read in this process', () => {
  it('stops the timer an earlier command started, without its id, and Harvest gets the stop once', async () => {
    const where = await somewhereToLogTime();
    const day = toLocalDate(new Date());
    const started = await cli.run(['entries', 'create', ...where, '--spent-date', day, '--notes', 'Began this morning', '--json']);
    expect(started.status).toBe(0);
    const { id } = JSON.parse(started.stdout) as { id: number };

    sim.knobs.setOffline(true);
    const stop = await cli.run(['timer', 'stop', '--json']);
    expect(stop.status).toBe(1);
    expect(keptError(stop.stderr).kept.entry_id).toBe(id);

    sim.knobs.setOffline(false);
    const next = await cli.run(['users', 'me', '--json']);
    expect(next.stderr).toContain('sending 1 change kept earlier');
    expect((await myEntries()).filter((entry) => entry.notes === 'Began this morning')).toMatchObject([{ id, is_running: false }]);
  });

  it('edits an entry the tray last showed (its saved view), and Harvest gets the edit once', async () => {
    const day = toLocalDate(new Date());
    const today = (await myEntries()).filter((entry) => entry.spent_date === day).map((entry) => toTimeEntry(wireTimeEntrySchema.parse(entry)));
    const [shown] = today;
    if (shown === undefined) throw new Error('The sample data has no entry today.');
    const state = { data: today, dataUpdatedAt: Date.now(), status: 'success' };
    const snapshot = JSON.stringify({ savedAt: Date.now(), state: { mutations: [], queries: [{ queryKey: ['entries', day, day], state }] } });
    await new QueryCacheFiles(cli.dataDir).save({ apiUrl: sim.apiUrl, accountId: SIMULATOR_ACCOUNTS.duration }, snapshot);

    sim.knobs.setOffline(true);
    const edit = await cli.run(['entries', 'update', String(shown.id), '--notes', 'Changed on the train', '--json']);
    expect(edit.status).toBe(1);
    expect(keptError(edit.stderr).kept.entry_id).toBe(shown.id);

    sim.knobs.setOffline(false);
    expect((await cli.run(['users', 'me', '--json'])).stderr).toContain('sending 1 change kept earlier');
    expect((await myEntries()).filter((entry) => entry.notes === 'Changed on the train').map((entry) => entry.id)).toEqual([shown.id]);
  });

  it('keeps a timer that began earlier (--timer-started-at), and Harvest has it running from then', async () => {
    const where = await somewhereToLogTime();
    const now = new Date();
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const minutes = Math.min(30, Math.floor((now.getTime() - midnight.getTime()) / 60_000));
    const startedAt = new Date(now.getTime() - minutes * 60_000);

    sim.knobs.setOffline(true);
    const args = ['entries', 'create', ...where, '--spent-date', toLocalDate(now), '--notes', 'Began before the train'];
    const kept = await cli.run([...args, '--timer-started-at', startedAt.toISOString(), '--json']);
    expect(kept.status).toBe(1);
    expect(keptError(kept.stderr).kept.entry_id).toBeLessThan(0);

    sim.knobs.setOffline(false);
    expect((await cli.run(['users', 'me', '--json'])).stderr).toContain('sending 1 change kept earlier');
    const [made, ...more] = (await myEntries()).filter((entry) => entry.notes === 'Began before the train');
    expect(more).toEqual([]);
    expect(made).toMatchObject({ is_running: true });
    expect(Number(made?.hours)).toBeGreaterThanOrEqual(minutes / 60 - 0.02);
    expect(Number(made?.hours)).toBeLessThanOrEqual(minutes / 60 + 0.05);
  });
});
