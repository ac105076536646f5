// A timer a script says began earlier (entries create --timer-started-at) is written in a duration
// account as the hours since then, restarted to run on. When the line goes between the two, Harvest
// has the entry, stopped: the change is kept as made once, so the queue finds it by its reference
// and runs it on, instead of leaving it stopped or making a second. The command line's session in
// this process, against the simulator over real HTTP, with the restart cut at the network.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../simulator';
import { harvestRequester } from '../simulator/testing/harvestRequest';
import { createCliContext, openAccountSession } from './accountSession';
import type { AccountSession } from './operations/operation';

let sim: Simulator;
let dataDir: string;
let session: AccountSession;
/** Refuses every restart while down (the connection never opens); everything else goes through. */
const line = { down: false, refused: 0 };

beforeEach(async () => {
  sim = await startSimulator();
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-started-'));
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (line.down && url.endsWith('/restart')) {
      line.refused += 1;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    }
    return realFetch(input, init);
  });
  const env = {
    HARVEST_API_URL: sim.apiUrl,
    HARVEST_ID_URL: sim.url,
    HARVEST_TRAY_DATA_DIR: dataDir,
    HARVEST_TRAY_NO_KEYRING: '1',
    HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.multi,
    HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
  };
  session = await openAccountSession(createCliContext({ env, platform: process.platform, now: () => new Date() }), null);
});

afterEach(async () => {
  line.down = false;
  await session.close();
  vi.unstubAllGlobals();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a timer that began earlier, its restart cut off', () => {
  it('is kept as made once, and the queue runs the entry Harvest has on from when it began: one entry, running', async () => {
    const [project] = await session.services.reference.projects();
    const task = project?.tasks[0];
    if (!project || !task) throw new Error('The sample data has nowhere to log time.');
    const now = new Date();
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const minutes = Math.min(30, Math.floor((now.getTime() - midnight.getTime()) / 60_000));

    line.down = true;
    const start = { projectId: project.projectId, taskId: task.taskId, notes: 'Began before the call' };
    const kept = await session.writes.start({ ...start, startedAt: new Date(now.getTime() - minutes * 60_000) });
    expect(line.refused).toBeGreaterThan(0);
    expect(kept).toMatchObject({ isRunning: true, pending: { status: { state: 'checking' } } });

    line.down = false;
    await session.queue.drain();
    expect(session.queue.list()).toEqual([]);
    const studio = harvestRequester(sim);
    const me = (await studio.get('/users/me')).body as { id: number };
    const mine = ((await studio.get(`/time_entries?user_id=${me.id}`)).body as { time_entries: Array<Record<string, unknown>> }).time_entries;
    const made = mine.filter((entry) => entry.notes === 'Began before the call');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ is_running: true });
    expect(Number(made[0]?.hours)).toBeGreaterThanOrEqual(minutes / 60 - 0.02);
  });
});

