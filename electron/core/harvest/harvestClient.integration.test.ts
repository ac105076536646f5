// The real client against the Harvest simulator over real HTTP: every operation, every error kind.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { createHarvestClient } from './createHarvestClient';
import { HarvestFailure } from './errors';
import type { HarvestClient, HarvestClientConfig } from './HarvestClient';
import { HARVEST_RATE_LIMIT, SlidingWindowLimiter, realSleep } from './rateLimiter';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.knobs.reset();
});

function client(overrides: Partial<HarvestClientConfig> = {}): HarvestClient {
  return createHarvestClient({
    apiUrl: sim.apiUrl,
    idUrl: sim.url,
    accessToken: SIMULATOR_TOKENS.multi,
    accountId: SIMULATOR_ACCOUNTS.duration,
    // A limiter per test, so one test's requests do not hold back the next.
    rateLimiter: new SlidingWindowLimiter({ ...HARVEST_RATE_LIMIT, now: Date.now, sleep: realSleep }),
    // Short backoff steps keep the retry tests quick; the policy itself is unit-tested.
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...overrides,
  });
}

const duration = (): HarvestClient => client();
const timestamp = (): HarvestClient => client({ accountId: SIMULATOR_ACCOUNTS.timestamp });

async function failureOf(promise: Promise<unknown>): Promise<HarvestFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarvestFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function localToday(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A project and task the user may log time to in the client's account. */
async function somewhereToLogTime(harvest: HarvestClient): Promise<{ projectId: number; taskId: number }> {
  const assignments = await harvest.listMyProjectAssignments();
  for (const assignment of assignments.filter((a) => a.is_active)) {
    const task = assignment.task_assignments.find((t) => t.is_active);
    if (task) return { projectId: assignment.project.id, taskId: task.task.id };
  }
  throw new Error('the sample data has no assignment with an active task');
}

describe('identity and account', () => {
  it('lists the Harvest accounts the token reaches and drops Forecast', async () => {
    const accounts = await client({ accountId: undefined }).listAccounts();
    expect(accounts.map((account) => account.id).sort()).toEqual([SIMULATOR_ACCOUNTS.duration, SIMULATOR_ACCOUNTS.timestamp]);
    expect(accounts.every((account) => account.product === 'harvest')).toBe(true);
  });

  it('reads who I am and each account’s timer mode', async () => {
    const me = await duration().getMe();
    expect(me.id).toBeGreaterThan(0);
    expect((await duration().getCompany()).wants_timestamp_timers).toBe(false);
    expect((await timestamp().getCompany()).wants_timestamp_timers).toBe(true);
  });

  it('reads my project assignments, each with its tasks', async () => {
    const assignments = await duration().listMyProjectAssignments();
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.every((assignment) => assignment.task_assignments.length > 0)).toBe(true);
  });
});

describe('time entries', () => {
  it('lists my entries for a date range', async () => {
    const harvest = duration();
    const me = await harvest.getMe();
    const entries = await harvest.listTimeEntries({ userId: me.id, from: '2000-01-01', to: '2100-01-01' });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.user.id === me.id)).toBe(true);
    const [first] = entries;
    if (!first) throw new Error('no entries');
    expect((await harvest.getTimeEntry(first.id)).id).toBe(first.id);
  });

  it('creates, updates and deletes a duration entry', async () => {
    const harvest = duration();
    const me = await harvest.getMe();
    const where = await somewhereToLogTime(harvest);
    const created = await harvest.createTimeEntry({ mode: 'duration', ...where, userId: me.id, spentDate: localToday(), hours: 1.25, notes: 'Wireframes' });
    expect(created.hours).toBe(1.25);
    expect(created.is_running).toBe(false);
    const updated = await harvest.updateTimeEntry(created.id, { notes: 'Wireframes, round two' });
    expect(updated.notes).toBe('Wireframes, round two');
    expect(updated.hours).toBe(1.25);
    await harvest.deleteTimeEntry(created.id);
    expect((await failureOf(harvest.getTimeEntry(created.id))).kind).toBe('not-found');
  });

  it('creates an entry with an external reference that a later list finds by its id', async () => {
    const harvest = duration();
    const me = await harvest.getMe();
    const where = await somewhereToLogTime(harvest);
    const created = await harvest.createTimeEntry({
      mode: 'duration',
      ...where,
      spentDate: localToday(),
      hours: 0.5,
      externalReference: { id: 'chg-exactly-once', groupId: 'harvest-tray' },
    });
    const found = await harvest.listTimeEntries({ userId: me.id, externalReferenceId: 'chg-exactly-once' });
    expect(found.map((entry) => entry.id)).toEqual([created.id]);
    expect(await harvest.listTimeEntries({ userId: me.id, externalReferenceId: 'chg-other' })).toEqual([]);
  });

  it('starts a timer when a duration entry has no hours, stops it, and restarts the same entry', async () => {
    const harvest = duration();
    const where = await somewhereToLogTime(harvest);
    const running = await harvest.createTimeEntry({ mode: 'duration', ...where, spentDate: localToday() });
    expect(running.is_running).toBe(true);
    const stopped = await harvest.stopTimeEntry(running.id);
    expect(stopped.is_running).toBe(false);
    const restarted = await harvest.restartTimeEntry(running.id);
    expect(restarted.id).toBe(running.id);
    expect(restarted.is_running).toBe(true);
    await harvest.stopTimeEntry(running.id);
  });

  it('creates a start/end-time entry and gets a NEW entry back from restarting it', async () => {
    const harvest = timestamp();
    const where = await somewhereToLogTime(harvest);
    const created = await harvest.createTimeEntry({ mode: 'timestamp', ...where, spentDate: localToday(), startedTime: '00:10', endedTime: '00:40' });
    expect(created.started_time).not.toBeNull();
    expect(created.ended_time).not.toBeNull();
    expect(created.hours).toBe(0.5);
    const restarted = await harvest.restartTimeEntry(created.id);
    expect(restarted.id).not.toBe(created.id);
    expect(restarted.is_running).toBe(true);
    const stopped = await harvest.stopTimeEntry(restarted.id);
    expect(stopped.is_running).toBe(false);
  });

  it('starts a timer in a start/end-time account when the end is left out', async () => {
    const harvest = timestamp();
    const where = await somewhereToLogTime(harvest);
    const running = await harvest.createTimeEntry({ mode: 'timestamp', ...where, spentDate: localToday() });
    expect(running.is_running).toBe(true);
    expect(running.started_time).not.toBeNull();
  });
});

describe('admin lists', () => {
  it('reads projects, clients, tasks and people in the account where the user is an administrator', async () => {
    const harvest = timestamp();
    const [projects, clients, tasks, users] = await Promise.all([
      harvest.listProjects({ isActive: true }),
      harvest.listClients(),
      harvest.listTasks(),
      harvest.listUsers(),
    ]);
    expect(projects.length).toBeGreaterThan(0);
    expect(clients.length).toBeGreaterThan(0);
    expect(tasks.length).toBeGreaterThan(0);
    expect(users.length).toBeGreaterThan(0);
    const [project] = projects;
    const [someClient] = clients;
    const [task] = tasks;
    const [user] = users;
    if (!project || !someClient || !task || !user) throw new Error('empty list');
    expect((await harvest.getProject(project.id)).name).toBe(project.name);
    expect((await harvest.getClient(someClient.id)).name).toBe(someClient.name);
    expect((await harvest.getTask(task.id)).name).toBe(task.name);
    expect((await harvest.getUser(user.id)).email).toBe(user.email);
    const ofClient = await harvest.listProjects({ clientId: project.client.id });
    expect(ofClient.every((p) => p.client.id === project.client.id)).toBe(true);
  });

  it("gives 'forbidden' where the user is a Member", async () => {
    const harvest = duration();
    for (const attempt of [harvest.listProjects(), harvest.listClients(), harvest.listTasks(), harvest.listUsers()]) {
      const failure = await failureOf(attempt);
      expect(failure.kind).toBe('forbidden');
      expect(failure.message).toMatch(/^Your Harvest role cannot see this: /);
    }
  });
});

describe('pagination', () => {
  it('reads every page of a page-based list', async () => {
    const all = await duration().listMyProjectAssignments();
    expect(all.length).toBeGreaterThan(2);
    sim.knobs.setPageSize(2);
    const before = sim.knobs.requestCount();
    const paged = await duration().listMyProjectAssignments();
    expect(paged.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(sim.knobs.requestCount() - before).toBe(Math.ceil(all.length / 2));
  });

  it('reads every page of a cursor-based list', async () => {
    const all = await timestamp().listProjects();
    expect(all.length).toBeGreaterThan(2);
    sim.knobs.setPageSize(1);
    const paged = await timestamp().listProjects();
    expect(paged.map((p) => p.id)).toEqual(all.map((p) => p.id));
  });

  it('reads every page of time entries', async () => {
    const harvest = duration();
    const me = await harvest.getMe();
    const filter = { userId: me.id, from: '2000-01-01', to: '2100-01-01' };
    const all = await harvest.listTimeEntries(filter);
    sim.knobs.setPageSize(3);
    const paged = await harvest.listTimeEntries(filter);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });
});

describe('rate limits', () => {
  it('answers every request of a burst that runs into 429s, losing none', async () => {
    sim.knobs.setRateLimit(5, 1_000);
    // A client-side limiter far above the server's, so the server's 429s are what pace the burst.
    const harvest = client({ rateLimiter: new SlidingWindowLimiter({ max: 1_000, windowMs: 1_000, now: Date.now, sleep: realSleep }) });
    const replies = await Promise.all(Array.from({ length: 20 }, () => harvest.getMe()));
    expect(replies).toHaveLength(20);
    expect(sim.knobs.requestCount()).toBeGreaterThan(20);
  });

  it('keeps under the limit on its own side, so Harvest never has to say 429', async () => {
    sim.knobs.setRateLimit(5, 1_000);
    // The client's window is a little wider than Harvest's: a request granted here reaches the
    // server some milliseconds later, more on a loaded machine, and must still land in a new window.
    const harvest = client({ rateLimiter: new SlidingWindowLimiter({ max: 5, windowMs: 1_400, now: Date.now, sleep: realSleep }) });
    const replies = await Promise.all(Array.from({ length: 12 }, () => harvest.getMe()));
    expect(replies).toHaveLength(12);
    expect(sim.knobs.requestCount()).toBe(12);
  });

  it("gives 'rate-limited' with the wait when Harvest asks for a long pause", async () => {
    sim.knobs.failNext({ status: 429, headers: { 'Retry-After': '120' } });
    const failure = await failureOf(duration().getMe());
    expect(failure.kind).toBe('rate-limited');
    expect(failure.retryAfterSeconds).toBe(120);
  });
});

describe('failures', () => {
  it('retries a GET after 5xx replies', async () => {
    sim.knobs.failNext({ status: 503, count: 2, pathPrefix: '/v2/users/me' });
    await duration().getMe();
    expect(sim.knobs.requestCount()).toBe(3);
  });

  it("gives 'server' when 5xx replies outlast the retries", async () => {
    sim.knobs.failNext({ status: 500, count: 10 });
    expect((await failureOf(duration().getCompany())).kind).toBe('server');
    expect(sim.knobs.requestCount()).toBe(4);
  });

  it('never re-sends a create whose connection dropped, and flags the outcome as unknown', async () => {
    const harvest = duration();
    const where = await somewhereToLogTime(harvest);
    const before = sim.knobs.requestCount();
    sim.knobs.failNext({ drop: true, pathPrefix: '/v2/time_entries' });
    const failure = await failureOf(harvest.createTimeEntry({ mode: 'duration', ...where, spentDate: localToday(), hours: 1 }));
    expect(failure.kind).toBe('offline');
    expect(failure.outcomeUnknown).toBe(true);
    expect(sim.knobs.requestCount() - before).toBe(1);
  });

  it('never re-sends a restart that got a 5xx', async () => {
    const harvest = duration();
    const where = await somewhereToLogTime(harvest);
    const entry = await harvest.createTimeEntry({ mode: 'duration', ...where, spentDate: localToday(), hours: 1 });
    const before = sim.knobs.requestCount();
    sim.knobs.failNext({ status: 502, pathPrefix: `/v2/time_entries/${entry.id}/restart` });
    const failure = await failureOf(harvest.restartTimeEntry(entry.id));
    expect(failure.kind).toBe('server');
    expect(failure.outcomeUnknown).toBe(true);
    expect(sim.knobs.requestCount() - before).toBe(1);
  });

  it('retries a GET whose connection dropped', async () => {
    sim.knobs.failNext({ drop: true, pathPrefix: '/v2/company' });
    expect((await duration().getCompany()).name).toBeTruthy();
    expect(sim.knobs.requestCount()).toBe(2);
  });

  it("gives 'offline' when every connection drops", async () => {
    sim.knobs.setOffline(true);
    const failure = await failureOf(duration().getMe());
    expect(failure.kind).toBe('offline');
    expect(failure.outcomeUnknown).toBe(false);
  });

  it("re-sends a create after 'connection refused' and then gives 'offline' with a known outcome", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const harvest = client({ apiUrl: `http://127.0.0.1:${closedPort}/v2` });
    const failure = await failureOf(harvest.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: localToday() }));
    expect(failure.kind).toBe('offline');
    expect(failure.outcomeUnknown).toBe(false);
  });

  it("gives 'timeout' when Harvest is slower than the timeout", async () => {
    sim.knobs.setLatency(600);
    const failure = await failureOf(client({ timeoutMs: 150 }).getMe());
    expect(failure.kind).toBe('timeout');
  });

  it("gives 'cancelled' when the caller gives up", async () => {
    sim.knobs.setLatency(600);
    const controller = new AbortController();
    const pending = duration().getMe({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).kind).toBe('cancelled');
  });

  it("gives 'signed-out' for a token Harvest does not know, without repeating the token", async () => {
    const token = 'not-a-real-token-0123456789';
    const failure = await failureOf(client({ accessToken: token }).getMe());
    expect(failure.kind).toBe('signed-out');
    expect(failure.message).toMatch(/^Harvest did not accept the sign-in: /);
    expect(`${failure.message}${JSON.stringify(failure)}${failure.stack ?? ''}`).not.toContain(token);
  });

  it("gives 'signed-out' for an account the token does not reach", async () => {
    const failure = await failureOf(client({ accessToken: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.timestamp }).getMe());
    expect(failure.kind).toBe('signed-out');
  });

  it("gives 'rejected' with Harvest's own message for an invalid entry", async () => {
    const failure = await failureOf(
      duration().createTimeEntry({ mode: 'duration', projectId: 999_999_999, taskId: 999_999_998, spentDate: localToday(), hours: 1 }),
    );
    expect(failure.kind).toBe('rejected');
    expect(failure.message).toMatch(/project/i);
    expect(failure.outcomeUnknown).toBe(false);
  });

  it("gives 'not-found' for an entry that does not exist", async () => {
    expect((await failureOf(duration().getTimeEntry(999_999_999))).kind).toBe('not-found');
  });

  it('keeps the token out of every failure from a real server', async () => {
    const failures: HarvestFailure[] = [];
    const harvest = duration();
    sim.knobs.failNext({ status: 500, count: 10 });
    failures.push(await failureOf(harvest.getMe()));
    sim.knobs.reset();
    failures.push(await failureOf(harvest.listProjects()));
    failures.push(await failureOf(harvest.getTimeEntry(999_999_999)));
    sim.knobs.failNext({ drop: true });
    failures.push(await failureOf(harvest.restartTimeEntry(1)));
    for (const failure of failures) {
      expect(`${failure.message}${JSON.stringify(failure)}${failure.stack ?? ''}`).not.toContain(SIMULATOR_TOKENS.multi);
    }
  });
});
