// A thousand changes made while Harvest cannot be reached, then sent through a bad connection:
// 10% of answers 5xx, 5% of connections dropped (half of them after Harvest carried the request
// out), latency spikes, a burst of 429s, a graceful restart of the core mid-queue and a kill
// (SIGKILL) of another core mid-queue. Harvest must end with exactly what the user did: nothing
// lost, nothing twice. The real client over real HTTP; the simulator's limit window is shortened
// (300 per second, kept on our side with the usual margin) so the run fits in about a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PendingChange, ProjectChoice, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { SlidingWindowLimiter, realSleep } from '../harvest/rateLimiter';
import { settle, startHarness, type Harness } from '../app/testing/coreHarness';
import { queueFilePath } from './queueFile';
import { seeded } from '../../simulator/seeded';

const CHANGES = 1000;
const RATE = { max: 300, windowMs: 1000 };
const OWN_SIDE = { max: RATE.max, windowMs: RATE.windowMs + 100 };
const ACCOUNT = SIMULATOR_ACCOUNTS.duration;
const TOKEN = SIMULATOR_TOKENS.multi;
const FAST_BACKOFF = {
  maxRetries: 3,
  maxRateLimitRetries: 5,
  baseDelayMs: 20,
  maxDelayMs: 200,
  maxRetryAfterMs: 60_000,
  defaultRetryAfterMs: 1_000,
};

interface Expected {
  id: number;
  notes: string;
  hours: number;
  alive: boolean;
}

const round2 = (hours: number) => Math.round(hours * 100) / 100;
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function until(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await settle(50);
  }
  throw new Error(`Timed out waiting: ${what}`);
}

async function waitingOnDisk(path: string): Promise<number> {
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { intents: unknown[] }).intents.length;
  } catch {
    return -1;
  }
}

function startChild(sim: Simulator, dataDir: string): Promise<ChildProcess> {
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a second
  // process, which a SIGKILL of the first would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/queue/testing/coreInChild.ts'], {
    env: {
      ...process.env,
      SIM_URL: sim.url,
      DATA_DIR: dataDir,
      SIM_TOKEN: TOKEN,
      SIM_ACCOUNT_ID: String(ACCOUNT),
      RATE_MAX: String(OWN_SIDE.max),
      RATE_WINDOW_MS: String(OWN_SIDE.windowMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let said = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('ready')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`The child core stopped before it was ready (${String(code)}).`)));
  });
}

describe('the queue under faults', () => {
  it('sends 1,000 changes through 5xx, dropped connections, latency spikes, 429s, a restart and a kill: 0 lost, 0 duplicated', async () => {
    const started = Date.now();
    // The day starts at 00:30 here, so the moments of the thousand changes stay on one day.
    const midnight = new Date();
    midnight.setHours(0, 30, 0, 0);
    let offset = midnight.getTime() - Date.now();
    const now = () => new Date(Date.now() + offset);
    const step = (minutes: number) => {
      offset += minutes * 60_000;
    };

    const sim = await startSimulator({ now, rateLimit: RATE });
    cleanups.push(() => sim.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-faults-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const limiter = () => new SlidingWindowLimiter({ ...OWN_SIDE, now: Date.now, sleep: realSleep });
    // The client's own retries wait tens of milliseconds instead of seconds: the same steps, sooner.
    let h: Harness = await startHarness({
      sim,
      dataDir,
      now,
      rateLimiter: limiter(),
      clientRetry: { baseDelayMs: 20, maxDelayMs: 200 },
      // Sends land within a second here (latency spikes are 150 ms), not within Harvest's 20 s.
      queueTuning: { backoff: FAST_BACKOFF, landingMs: 400 },
    });
    await h.signIn(TOKEN, ACCOUNT);
    const choices = await h.call<ProjectChoice[]>('choices.projects', {});
    const places = choices.flatMap((project) => project.tasks.map((task) => ({ projectId: project.projectId, taskId: task.taskId })));
    const day = toLocalDate(now());
    const random = seeded(20261121);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;

    // Entries Harvest already has, for the offline changes to edit, delete and restart.
    const expected: Expected[] = [];
    for (let i = 0; i < 40; i += 1) {
      const made = await h.call<TimeEntry>('entries.create', { ...pick(places), spentDate: day, hours: 1, notes: `fault-base-${i}` });
      expected.push({ id: made.id, notes: made.notes ?? '', hours: 1, alive: true });
    }

    // Offline: a thousand changes, each kept on disk before its reply.
    sim.knobs.setOffline(true);
    await h.fail('entries.list', { from: '2020-01-06', to: '2020-01-06' });
    let changes = 0;
    let serial = 0;
    const alive = () => expected.filter((entry) => entry.alive);
    while (changes < CHANGES) {
      step(0.05);
      const roll = random();
      serial += 1;
      if (roll < 0.35 || alive().length < 5) {
        const hours = round2(0.25 + Math.floor(random() * 12) * 0.25);
        const made = await h.call<TimeEntry>('entries.create', { ...pick(places), spentDate: day, hours, notes: `fault-new-${serial}` });
        expected.push({ id: made.id, notes: `fault-new-${serial}`, hours, alive: true });
        changes += 1;
      } else if (roll < 0.55) {
        const target = pick(alive());
        const hours = round2(0.5 + Math.floor(random() * 8) * 0.25);
        const notes = `${target.notes.split('~')[0] ?? ''}~edit-${serial}`;
        await h.call<TimeEntry>('entries.update', { id: target.id, patch: { notes, hours } });
        Object.assign(target, { notes, hours });
        changes += 1;
      } else if (roll < 0.65) {
        const target = pick(alive());
        await h.call('entries.delete', { id: target.id });
        target.alive = false;
        changes += 1;
      } else if (roll < 0.82) {
        const started = await h.call<TimeEntry>('timer.start', { ...pick(places), notes: `fault-timer-${serial}` });
        step(3);
        await h.call<TimeEntry>('timer.stop', { id: started.id });
        expected.push({ id: started.id, notes: `fault-timer-${serial}`, hours: 0.05, alive: true });
        changes += 2;
      } else {
        const target = pick(alive());
        await h.call<TimeEntry>('timer.restart', { id: target.id });
        step(3);
        const stopped = await h.call<TimeEntry>('timer.stop', { id: target.id });
        target.hours = round2(target.hours + 0.05);
        expect(stopped.hours).toBe(target.hours);
        changes += 2;
      }
    }
    const queuePath = queueFilePath(dataDir, { apiUrl: sim.apiUrl, accountId: ACCOUNT });
    const keptAtFirst = await waitingOnDisk(queuePath);
    const madeAt = Date.now();

    // Back online, through a bad connection, with a burst of 429s on the way.
    sim.knobs.setChaos({ serverErrorRate: 0.1, dropRate: 0.025, dropAfterWriteRate: 0.025, spikeRate: 0.03, spikeMs: 150, seed: 7 });
    sim.knobs.setOffline(false);
    void h.core.refresh();
    await until(async () => (await waitingOnDisk(queuePath)) <= keptAtFirst * 0.8, 'a fifth of the queue to go out', 60_000);
    sim.knobs.failNext({ status: 429, headers: { 'Retry-After': '1' }, count: 40 });
    await until(async () => (await waitingOnDisk(queuePath)) <= keptAtFirst * 0.65, 'the queue past the 429s', 60_000);

    // A graceful restart mid-queue: the change on its way finishes, the rest stays on disk.
    await h.core.dispose();
    const child = await startChild(sim, dataDir);
    const beforeKill = await waitingOnDisk(queuePath);
    await until(async () => (await waitingOnDisk(queuePath)) <= beforeKill * 0.6, 'the child core to send', 60_000);
    // A kill mid-queue: whatever it was sending is marked as sent on disk, and is checked.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const afterKill = await waitingOnDisk(queuePath);

    h = await h.restart({ rateLimiter: limiter() });
    cleanups.push(() => h.core.dispose());
    await until(async () => (await h.call<PendingChange[]>('queue.list')).length === 0, 'the queue to empty', 90_000).catch(async (error: unknown) => {
      console.log(JSON.stringify((await h.call<PendingChange[]>('queue.list')).slice(0, 5), null, 1));
      throw error;
    });
    sim.knobs.setChaos(null);

    // What Harvest holds now, against what the user did.
    const harvest = harvestRequester(sim, { accountId: ACCOUNT });
    const me = (await harvest.get('/users/me')).body as { id: number };
    const list = (await harvest.get(`/time_entries?user_id=${me.id}&per_page=2000`)).body as {
      time_entries: Array<{ id: number; notes: string | null; hours: number; is_running: boolean }>;
    };
    const ours = list.time_entries.filter((entry) => entry.notes?.startsWith('fault-'));
    const wanted = expected.filter((entry) => entry.alive);
    const byNotes = new Map<string, number[]>();
    for (const entry of ours) byNotes.set(entry.notes ?? '', [...(byNotes.get(entry.notes ?? '') ?? []), entry.hours]);
    let lost = 0;
    let wrong = 0;
    for (const entry of wanted) {
      const found = byNotes.get(entry.notes) ?? [];
      if (found.length === 0) lost += 1;
      else if (found[0] !== entry.hours) wrong += 1;
    }
    const wantedNotes = new Set(wanted.map((entry) => entry.notes));
    const duplicated =
      [...byNotes.entries()].reduce((extra, [notes, found]) => extra + (wantedNotes.has(notes) ? found.length - 1 : found.length), 0);

    if (process.env['FAULT_DEBUG']) {
      const full = list.time_entries as unknown as Array<Record<string, unknown>>;
      for (const [notes, found] of byNotes) {
        if (found.length > (wantedNotes.has(notes) ? 1 : 0)) {
          console.log('extra', notes, JSON.stringify(full.filter((e) => e['notes'] === notes).map((e) => [e['id'], e['hours'], e['external_reference'], e['created_at']])));
        }
      }
    }
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      [
        `fault injection: ${changes} changes kept offline (${keptAtFirst} in the queue after folding), ` +
          `${wanted.length} entries expected in Harvest, ${ours.length} found`,
        `  restarts mid-queue: graceful at ${beforeKill} waiting, SIGKILL at ${afterKill} waiting`,
        `  lost: ${lost} (target 0)   duplicated: ${duplicated} (target 0)   wrong hours: ${wrong} (target 0)`,
        `  ${seconds(madeAt - started)} s to make the changes, ${seconds(Date.now() - madeAt)} s to send them`,
      ].join('\n'),
    );
    expect({ lost, duplicated, wrong }).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
  }, 180_000);
});
