import { describe, expect, it, vi } from 'vitest';
import { OWN_SIDE_RATE_LIMIT } from './rateLimiter';
import { createHarvestClient } from './createHarvestClient';
import { HarvestFailure, isOutcomeUnknown } from './errors';
import type { HarvestClientConfig } from './HarvestClient';
import { USER_AGENT } from './http';
import { FakeClock } from './testing/fakeClock';
import { hang, json, networkError, scriptedFetch, type Answer, type SentRequest } from './testing/scriptedFetch';
import { listPage, sampleCompany, sampleProjectAssignment, sampleTimeEntry, sampleUser } from './testing/wireSamples';

const TOKEN = 'pat-1234567.secret-token-value';
const API = 'https://api.harvestapp.com/v2';
const ID = 'https://id.getharvest.com';

function clientWith(answer: (request: SentRequest, index: number) => Answer, overrides: Partial<HarvestClientConfig> = {}) {
  const clock = new FakeClock();
  const { fetch, sent } = scriptedFetch(answer);
  const client = createHarvestClient({
    apiUrl: API,
    idUrl: ID,
    accessToken: TOKEN,
    accountId: 100001,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    timeoutMs: 50,
    ...overrides,
  });
  return { client, sent, clock };
}

async function failureOf(promise: Promise<unknown>): Promise<HarvestFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarvestFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('headers', () => {
  it('sends the bearer token, account, User-Agent and Accept on every API call', async () => {
    const { client, sent } = clientWith(() => json(200, sampleUser()));
    await client.getMe();
    const headers = sent[0]?.headers;
    expect(sent[0]?.url.href).toBe(`${API}/users/me`);
    expect(headers?.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers?.get('harvest-account-id')).toBe('100001');
    expect(headers?.get('user-agent')).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^[\w ]+ \(https?:\/\/[^)]+\)$/);
    expect(headers?.get('accept')).toBe('application/json');
  });

  it('sends JSON with a Content-Type on writes', async () => {
    const { client, sent } = clientWith(() => json(201, sampleTimeEntry()));
    await client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21', hours: 1.5 });
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('asks the identity host for accounts without an account header and keeps only Harvest accounts', async () => {
    const { client, sent } = clientWith(() =>
      json(200, {
        user: { id: 1, first_name: 'Kim', last_name: 'Allen', email: 'kim@example.com' },
        accounts: [
          { id: 100001, name: 'Northwind Studio', product: 'harvest' },
          { id: 300001, name: 'Northwind Forecast', product: 'forecast' },
        ],
      }),
      { accountId: undefined },
    );
    const accounts = await client.listAccounts();
    expect(sent[0]?.url.href).toBe(`${ID}/api/v2/accounts`);
    expect(sent[0]?.headers.has('harvest-account-id')).toBe(false);
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(accounts).toEqual([{ id: 100001, name: 'Northwind Studio', product: 'harvest' }]);
  });

  it('refuses an API call when no account has been chosen, without sending it', async () => {
    const { client, sent } = clientWith(() => json(200, sampleUser()), { accountId: undefined });
    expect((await failureOf(client.getMe())).kind).toBe('unexpected');
    expect(sent).toHaveLength(0);
  });
});

describe('operations', () => {
  it('lists time entries with the caller’s filters, user_id included, across every page', async () => {
    const { client, sent } = clientWith((request) =>
      request.url.searchParams.get('page') === '2'
        ? json(200, listPage('time_entries', [sampleTimeEntry({ id: 2 })], null, 2))
        : json(200, listPage('time_entries', [sampleTimeEntry({ id: 1 })], `${API}/time_entries?page=2&per_page=2000&user_id=7`)),
    );
    const entries = await client.listTimeEntries({ userId: 7, isRunning: true, from: '2026-11-16', to: '2026-11-22' });
    expect(entries.map((entry) => entry.id)).toEqual([1, 2]);
    const query = sent[0]?.url.searchParams;
    expect(query?.get('user_id')).toBe('7');
    expect(query?.get('is_running')).toBe('true');
    expect(query?.get('from')).toBe('2026-11-16');
    expect(query?.get('to')).toBe('2026-11-22');
    expect(query?.get('per_page')).toBe('2000');
    expect(sent[1]?.url.href).toBe(`${API}/time_entries?page=2&per_page=2000&user_id=7`);
  });

  it('creates a duration entry with hours, or starts a timer when hours are left out', async () => {
    const { client, sent } = clientWith(() => json(201, sampleTimeEntry()));
    await client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21', hours: 1.5, notes: 'x', userId: 7 });
    await client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21' });
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.url.href).toBe(`${API}/time_entries`);
    expect(sent[0]?.body).toEqual({ project_id: 1, task_id: 2, spent_date: '2026-11-21', hours: 1.5, notes: 'x', user_id: 7 });
    expect(sent[1]?.body).toEqual({ project_id: 1, task_id: 2, spent_date: '2026-11-21' });
  });

  it('creates a start/end-time entry with clock times and never hours', async () => {
    const { client, sent } = clientWith(() => json(201, sampleTimeEntry()));
    await client.createTimeEntry({ mode: 'timestamp', projectId: 1, taskId: 2, spentDate: '2026-11-21', startedTime: '8:00am', endedTime: '9:30am' });
    expect(sent[0]?.body).toEqual({ project_id: 1, task_id: 2, spent_date: '2026-11-21', started_time: '8:00am', ended_time: '9:30am' });
  });

  it('updates only the fields given', async () => {
    const { client, sent } = clientWith(() => json(200, sampleTimeEntry()));
    await client.updateTimeEntry(42, { notes: 'Rewrote the header' });
    expect(sent[0]?.method).toBe('PATCH');
    expect(sent[0]?.url.pathname).toBe('/v2/time_entries/42');
    expect(sent[0]?.body).toEqual({ notes: 'Rewrote the header' });
  });

  it('deletes without needing a reply body', async () => {
    const { client, sent } = clientWith(() => new Response(null, { status: 200 }));
    await expect(client.deleteTimeEntry(42)).resolves.toBeUndefined();
    expect(sent[0]?.method).toBe('DELETE');
  });

  it('returns the entry Harvest answers a restart with, even when it is a new one', async () => {
    const { client, sent } = clientWith(() => json(200, sampleTimeEntry({ id: 662204379, is_running: true })));
    const entry = await client.restartTimeEntry(662202797);
    expect(sent[0]?.url.pathname).toBe('/v2/time_entries/662202797/restart');
    expect(entry.id).toBe(662204379);
  });

  it('stops with PATCH …/stop', async () => {
    const { client, sent } = clientWith(() => json(200, sampleTimeEntry()));
    await client.stopTimeEntry(42);
    expect(sent[0]?.method).toBe('PATCH');
    expect(sent[0]?.url.pathname).toBe('/v2/time_entries/42/stop');
  });

  it('reads the company settings and project assignments whose task assignments have no project', async () => {
    const { client } = clientWith((request) =>
      request.url.pathname === '/v2/company'
        ? json(200, sampleCompany({ wants_timestamp_timers: true }))
        : json(200, listPage('project_assignments', [sampleProjectAssignment()], null)),
    );
    expect((await client.getCompany()).wants_timestamp_timers).toBe(true);
    const [assignment] = await client.listMyProjectAssignments();
    expect(assignment?.task_assignments[0]?.task.name).toBe('Graphic Design');
  });

  it('passes the admin list filters', async () => {
    const { client, sent } = clientWith(() => json(200, listPage('projects', [], null)));
    await client.listProjects({ isActive: true, clientId: 9, updatedSince: '2026-11-01T00:00:00Z' });
    const query = sent[0]?.url.searchParams;
    expect(sent[0]?.url.pathname).toBe('/v2/projects');
    expect(query?.get('is_active')).toBe('true');
    expect(query?.get('client_id')).toBe('9');
    expect(query?.get('updated_since')).toBe('2026-11-01T00:00:00Z');
  });

  it('keeps int64 ids that are beyond 32 bits', async () => {
    const { client } = clientWith(() => json(200, sampleTimeEntry({ id: 9_007_199_254_740_991 })));
    expect((await client.getTimeEntry(1)).id).toBe(9_007_199_254_740_991);
  });
});

describe('replies as Harvest sent them', () => {
  // The command line's --json prints Harvest's own JSON, so the client must not drop the fields
  // the app itself does not read (rates, assignments, external references, a client's currency).
  it('keeps every field of a reply, also those the app does not read', async () => {
    const sent = sampleTimeEntry({ client: { id: 5735774, name: 'ABC Corp', currency: 'EUR' }, approval_note: 'x' });
    const { client } = clientWith(() => json(200, sent));
    expect(await client.getTimeEntry(636709355)).toEqual(sent);
  });

  it('keeps every field of the items of a list', async () => {
    const item = sampleTimeEntry({ external_reference: { id: 'PR-1', permalink: 'https://example.com/1' } });
    const { client } = clientWith(() => json(200, listPage('time_entries', [item], null)));
    expect(await client.listTimeEntries({ userId: 7 })).toEqual([item]);
  });

  it('still refuses a reply whose fields the app reads do not fit', async () => {
    const { client } = clientWith(() => json(200, sampleTimeEntry({ hours: 'two' })));
    expect((await failureOf(client.getTimeEntry(1))).message).toContain('hours');
  });
});

describe('paging', () => {
  it('asks for one page only when a page is given, whatever links.next says', async () => {
    const { client, sent } = clientWith(() =>
      json(200, listPage('time_entries', [sampleTimeEntry({ id: 3 })], `${API}/time_entries?page=3&per_page=5`, 2)),
    );
    const entries = await client.listTimeEntries({ userId: 7, page: 2, perPage: 5 });
    expect(entries.map((entry) => entry.id)).toEqual([3]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url.searchParams.get('page')).toBe('2');
    expect(sent[0]?.url.searchParams.get('per_page')).toBe('5');
  });

  it('follows every page at the page size asked for when no page is given', async () => {
    const { client, sent } = clientWith((request) =>
      request.url.searchParams.get('cursor') === 'b'
        ? json(200, listPage('users', [sampleUser({ id: 2 })], null, null))
        : json(200, listPage('users', [sampleUser({ id: 1 })], `${API}/users?cursor=b&per_page=1`)),
    );
    const users = await client.listUsers({ isActive: true, perPage: 1 });
    expect(users.map((user) => user.id)).toEqual([1, 2]);
    expect(sent[0]?.url.searchParams.get('per_page')).toBe('1');
    expect(sent[0]?.url.searchParams.has('page')).toBe(false);
  });

  it('sends a page number to the cursor-paged lists too (Harvest still takes it there)', async () => {
    const { client, sent } = clientWith(() => json(200, listPage('projects', [], null)));
    await client.listProjects({ clientId: 9, page: 3 });
    expect(sent[0]?.url.searchParams.get('page')).toBe('3');
    expect(sent[0]?.url.searchParams.get('client_id')).toBe('9');
  });
});

describe('error mapping', () => {
  const cases: [number, unknown, string, RegExp][] = [
    [401, { error: 'invalid_token', error_description: 'The access token provided is expired.' }, 'signed-out', /^Harvest did not accept the sign-in: The access token provided is expired\.$/],
    [403, { message: 'Forbidden' }, 'forbidden', /^Your Harvest role cannot see this: /],
    [404, { message: 'Not found' }, 'not-found', /time entry 42/],
    [422, { message: 'Spent date can’t be blank' }, 'rejected', /^Spent date can’t be blank$/],
    [400, { message: 'User-Agent missing' }, 'unexpected', /HTTP 400/],
  ];
  for (const [status, body, kind, message] of cases) {
    it(`maps HTTP ${status} to '${kind}'`, async () => {
      const { client } = clientWith(() => json(status, body));
      const failure = await failureOf(client.getTimeEntry(42));
      expect(failure.kind).toBe(kind);
      expect(failure.message).toMatch(message);
      expect(failure.status).toBe(status);
    });
  }

  it('maps a 5xx that keeps failing to \'server\' after retrying', async () => {
    const { client, sent } = clientWith(() => json(503, {}));
    expect((await failureOf(client.getMe())).kind).toBe('server');
    expect(sent).toHaveLength(4);
  });

  it('turns a reply that fails its schema into \'unexpected\', naming fields but never quoting the body', async () => {
    const { client } = clientWith(() => json(200, sampleTimeEntry({ spent_date: 'private-notes-value', hours: 'lots' })));
    const failure = await failureOf(client.getTimeEntry(1));
    expect(failure.kind).toBe('unexpected');
    expect(failure.message).toContain('spent_date');
    expect(failure.message).toContain('hours');
    expect(failure.message).not.toContain('private-notes-value');
  });

  it('turns a reply that is not JSON into \'unexpected\'', async () => {
    const { client } = clientWith(() => new Response('<html>maintenance</html>', { status: 200 }));
    expect((await failureOf(client.getMe())).kind).toBe('unexpected');
  });
});

describe('rate limiting', () => {
  it('waits out Retry-After on a 429 and then succeeds', async () => {
    const { client, sent, clock } = clientWith((_, index) =>
      index === 0 ? json(429, { message: 'slow down' }, { 'Retry-After': '7' }) : json(200, sampleUser()),
    );
    const started = clock.now();
    await client.getMe();
    expect(sent).toHaveLength(2);
    expect(clock.now() - started).toBeGreaterThanOrEqual(7_000);
  });

  it('falls back to retry_after in the body', async () => {
    const { client, clock } = clientWith((_, index) =>
      index === 0 ? json(429, { retry_after: 3 }) : json(200, sampleUser()),
    );
    const started = clock.now();
    await client.getMe();
    expect(clock.now() - started).toBe(3_000);
  });

  it('re-sends a throttled create, which Harvest did not process', async () => {
    const { client, sent } = clientWith((_, index) =>
      index === 0 ? json(429, {}, { 'Retry-After': '1' }) : json(201, sampleTimeEntry()),
    );
    await client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21' });
    expect(sent).toHaveLength(2);
  });

  it("gives 'rate-limited' with retryAfterSeconds once retries run out", async () => {
    const { client, sent } = clientWith(() => json(429, {}, { 'Retry-After': '2' }), { retry: { maxRateLimitRetries: 2 } });
    const failure = await failureOf(client.getMe());
    expect(failure.kind).toBe('rate-limited');
    expect(failure.retryAfterSeconds).toBe(2);
    expect(sent).toHaveLength(3);
  });

  it('does not silently wait out a very long Retry-After', async () => {
    const { client, sent } = clientWith(() => json(429, {}, { 'Retry-After': '900' }));
    const failure = await failureOf(client.getMe());
    expect(failure.kind).toBe('rate-limited');
    expect(failure.retryAfterSeconds).toBe(900);
    expect(sent).toHaveLength(1);
  });

  it('lets other requests go ahead after a Retry-After too long to wait out', async () => {
    const { client, clock } = clientWith((_, index) =>
      index === 0 ? json(429, {}, { 'Retry-After': '900' }) : json(200, sampleUser()),
    );
    await failureOf(client.getMe());
    const started = clock.now();
    await client.getMe();
    expect(clock.now()).toBe(started);
  });

  it('holds back other requests while a short Retry-After runs', async () => {
    const clock = new FakeClock(0, false);
    const { client, sent } = clientWith(
      (request, index) =>
        index === 0 ? json(429, {}, { 'Retry-After': '5' }) : json(200, request.url.pathname === '/v2/company' ? sampleCompany() : sampleUser()),
      { now: clock.now, sleep: clock.sleep },
    );
    const first = client.getMe();
    await vi.waitFor(() => expect(clock.sleeps).toHaveLength(1));
    const second = client.getCompany();
    await clock.advance(4_999);
    expect(sent).toHaveLength(1);
    await clock.advance(1);
    await Promise.all([first, second]);
    expect(sent).toHaveLength(3);
  });

  it('stays under the limit on its own side: the 101st request waits out the window and its margin', async () => {
    const { client, sent, clock } = clientWith(() => json(200, sampleUser()));
    const started = clock.now();
    await Promise.all(Array.from({ length: 101 }, () => client.getMe()));
    expect(sent).toHaveLength(101);
    expect(clock.now() - started).toBe(OWN_SIDE_RATE_LIMIT.windowMs);
    expect(OWN_SIDE_RATE_LIMIT.windowMs).toBeGreaterThan(15_000);
  });
});

describe('retries and the outcome of writes', () => {
  it('retries a GET after a 5xx with growing backoff', async () => {
    const { client, sent, clock } = clientWith((_, index) => (index < 2 ? json(502, {}) : json(200, sampleUser())));
    await client.getMe();
    expect(sent).toHaveLength(3);
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it('retries a GET after a dropped connection', async () => {
    const { client, sent } = clientWith((_, index) => (index === 0 ? networkError('UND_ERR_SOCKET') : json(200, sampleUser())));
    await client.getMe();
    expect(sent).toHaveLength(2);
  });

  it('retries PATCH updates, stop and DELETE after a 5xx', async () => {
    const { client, sent } = clientWith((_, index) => (index % 2 === 0 ? json(500, {}) : json(200, sampleTimeEntry())));
    await client.updateTimeEntry(1, { notes: 'n' });
    await client.stopTimeEntry(1);
    await client.deleteTimeEntry(1);
    expect(sent.map((request) => request.method)).toEqual(['PATCH', 'PATCH', 'PATCH', 'PATCH', 'DELETE', 'DELETE']);
  });

  it('never re-sends a create whose connection dropped, and says the outcome is unknown', async () => {
    const { client, sent } = clientWith(() => networkError('ECONNRESET'));
    const failure = await failureOf(client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21' }));
    expect(sent).toHaveLength(1);
    expect(failure.kind).toBe('offline');
    expect(failure.outcomeUnknown).toBe(true);
    expect(isOutcomeUnknown(failure)).toBe(true);
  });

  it('never re-sends a restart that got a 5xx', async () => {
    const { client, sent } = clientWith(() => json(500, {}));
    const failure = await failureOf(client.restartTimeEntry(1));
    expect(sent).toHaveLength(1);
    expect(failure.kind).toBe('server');
    expect(failure.outcomeUnknown).toBe(true);
  });

  it('re-sends a create when the connection was refused, since nothing reached Harvest', async () => {
    const { client, sent } = clientWith((_, index) => (index === 0 ? networkError('ECONNREFUSED') : json(201, sampleTimeEntry())));
    await client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21' });
    expect(sent).toHaveLength(2);
  });

  it("reports 'offline' with a known outcome when Harvest stays unreachable", async () => {
    const { client, sent } = clientWith(() => networkError('ENOTFOUND'));
    const failure = await failureOf(client.createTimeEntry({ mode: 'duration', projectId: 1, taskId: 2, spentDate: '2026-11-21' }));
    expect(failure.kind).toBe('offline');
    expect(failure.outcomeUnknown).toBe(false);
    expect(sent).toHaveLength(4);
  });
});

describe('timeouts and cancellation', () => {
  it("gives 'timeout' when Harvest does not answer in time", async () => {
    const { client, sent } = clientWith(() => hang(), { timeoutMs: 30 });
    const failure = await failureOf(client.getMe());
    expect(failure.kind).toBe('timeout');
    expect(sent).toHaveLength(1);
  });

  it("gives 'cancelled' when the caller aborts mid-request", async () => {
    const { client } = clientWith(() => hang(), { timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.getMe({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect((await failureOf(pending)).kind).toBe('cancelled');
  });

  it("gives 'cancelled' without sending when the caller aborted first", async () => {
    const { client, sent } = clientWith(() => json(200, sampleUser()));
    expect((await failureOf(client.getMe({ signal: AbortSignal.abort() }))).kind).toBe('cancelled');
    expect(sent).toHaveLength(0);
  });
});

describe('the token never leaks', () => {
  // Harvest would not echo the token, but a proxy or a bug might: every path must scrub it.
  const echo = { message: `bad ${TOKEN}`, error_description: `bad ${TOKEN}`, error: TOKEN };
  const provocations: [string, (request: SentRequest, index: number) => Answer][] = [
    ['signed-out', () => json(401, echo)],
    ['forbidden', () => json(403, echo)],
    ['not-found', () => json(404, echo)],
    ['rejected', () => json(422, echo)],
    ['rate-limited', () => json(429, echo, { 'Retry-After': '900' })],
    ['server', () => json(500, echo)],
    ['unexpected', () => json(200, { [TOKEN]: TOKEN })],
    ['offline', () => networkError('ECONNRESET')],
    ['timeout', () => hang()],
  ];
  for (const [kind, answer] of provocations) {
    it(`keeps it out of a '${kind}' failure`, async () => {
      const { client } = clientWith(answer, { timeoutMs: 30 });
      const failure = await failureOf(client.restartTimeEntry(1));
      expect(failure.kind).toBe(kind);
      expect(failure.message).not.toContain(TOKEN);
      expect(JSON.stringify(failure)).not.toContain(TOKEN);
      expect(JSON.stringify(failure.toValue())).not.toContain(TOKEN);
      expect(failure.stack ?? '').not.toContain(TOKEN);
    });
  }

  it("keeps it out of a 'cancelled' failure", async () => {
    const { client } = clientWith(() => hang(), { timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.getMe({ signal: controller.signal });
    controller.abort();
    const failure = await failureOf(pending);
    expect(failure.kind).toBe('cancelled');
    expect(`${failure.message}${JSON.stringify(failure)}${failure.stack ?? ''}`).not.toContain(TOKEN);
  });
});
