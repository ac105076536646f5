// The command line on the account's pending-changes queue, as real processes against the
// simulator over HTTP: a change Harvest cannot take now is kept (status 1, and said so), the next
// command sends it first, exactly once, and processes running at the same time share the file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../shared/localDate';
import { startSimulator, type Simulator } from '../simulator';
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
