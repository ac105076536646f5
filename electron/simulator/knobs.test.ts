import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATOR_TOKENS, startSimulator, type Simulator } from './index';
import { harvestRequester, manualClock, type HarvestRequester } from './testing/harvestRequest';

let sim: Simulator;
let studio: HarvestRequester;
const clock = manualClock();
beforeAll(async () => {
  sim = await startSimulator({ now: clock.now });
  studio = harvestRequester(sim);
});
beforeEach(() => sim.knobs.reset());
afterAll(() => sim.close());

const knob = (path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('fail-next', () => {
  it('fails the next requests with the scripted status, then answers normally', async () => {
    sim.knobs.failNext({ status: 503, count: 2 });
    expect((await studio.get('/users/me')).status).toBe(503);
    expect((await studio.get('/company')).status).toBe(503);
    expect((await studio.get('/users/me')).status).toBe(200);
  });

  it('only catches paths with the given prefix', async () => {
    sim.knobs.failNext({ status: 500, pathPrefix: '/v2/time_entries' });
    expect((await studio.get('/users/me')).status).toBe(200);
    expect(await studio.get('/time_entries')).toMatchObject({ status: 500, body: { message: expect.any(String) } });
    expect((await studio.get('/time_entries')).status).toBe(200);
  });

  it('scripts Harvest-shaped 429s with Retry-After, and custom bodies and headers', async () => {
    sim.knobs.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const limited = await studio.get('/users/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toMatchObject({ retry_after: 7 });
    sim.knobs.failNext({ status: 422, body: { message: 'Spent date is locked' }, headers: { 'X-Why': 'test' } });
    const invalid = await studio.get('/users/me');
    expect(invalid).toMatchObject({ status: 422, body: { message: 'Spent date is locked' } });
    expect(invalid.headers.get('x-why')).toBe('test');
    sim.knobs.failNext({ status: 401 });
    expect((await studio.get('/users/me')).body).toMatchObject({ error: 'invalid_token' });
  });

  it('drops the connection without a reply', async () => {
    sim.knobs.failNext({ drop: true });
    await expect(studio.get('/users/me')).rejects.toThrow();
    expect((await studio.get('/users/me')).status).toBe(200);
  });
});

describe('revoke-token', () => {
  it('refuses a revoked token everywhere with Harvest’s 401, keeps others working, and reset brings it back', async () => {
    sim.knobs.revokeToken(SIMULATOR_TOKENS.multi);
    expect(await studio.get('/users/me')).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const accounts = await fetch(`${sim.url}/api/v2/accounts`, {
      headers: { Authorization: `Bearer ${SIMULATOR_TOKENS.multi}`, 'User-Agent': 'tests (tests@example.com)' },
    });
    expect(accounts.status).toBe(401);
    expect((await harvestRequester(sim, { token: SIMULATOR_TOKENS.single }).get('/users/me')).status).toBe(200);
    sim.knobs.reset();
    expect((await studio.get('/users/me')).status).toBe(200);
  });

  it('is a knob over HTTP too', async () => {
    expect((await knob('revoke-token', { token: SIMULATOR_TOKENS.multi })).status).toBe(200);
    expect((await studio.get('/users/me')).status).toBe(401);
    expect((await knob('revoke-token', {})).status).toBe(400);
  });
});

describe('offline, latency and the request counter', () => {
  it('drops every connection while offline', async () => {
    sim.knobs.setOffline(true);
    await expect(studio.get('/users/me')).rejects.toThrow();
    await expect(fetch(`${sim.url}/api/v2/accounts`)).rejects.toThrow();
    sim.knobs.setOffline(false);
    expect((await studio.get('/users/me')).status).toBe(200);
  });

  it('delays replies by the latency', async () => {
    sim.knobs.setLatency(150);
    const started = performance.now();
    await studio.get('/users/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts answered and dropped requests but not knob calls, and reset zeroes the count', async () => {
    await studio.get('/users/me');
    sim.knobs.failNext({ drop: true });
    await studio.get('/users/me').catch(() => undefined);
    await knob('requests');
    expect(sim.knobs.requestCount()).toBe(2);
    sim.knobs.reset();
    expect(sim.knobs.requestCount()).toBe(0);
  });

  it('reset brings back the sample data', async () => {
    const list = (await studio.get('/time_entries')).body as { time_entries: { id: number; is_locked: boolean }[] };
    const victim = list.time_entries.find((entry) => !entry.is_locked);
    await studio.delete(`/time_entries/${victim?.id}`);
    expect((await studio.get(`/time_entries/${victim?.id}`)).status).toBe(404);
    sim.knobs.reset();
    expect((await studio.get(`/time_entries/${victim?.id}`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After in whole seconds past max requests per window, per token', async () => {
    sim.knobs.setRateLimit(3, 10_000);
    for (let i = 0; i < 3; i += 1) expect((await studio.get('/users/me')).status).toBe(200);
    const limited = await studio.get('/users/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.body).toEqual({ message: expect.any(String), retry_after: 10 });
    // Another token has its own allowance.
    expect((await harvestRequester(sim, { token: SIMULATOR_TOKENS.single }).get('/users/me')).status).toBe(200);
    clock.advanceMinutes(4 / 60); // 4 s later the wait is shorter
    expect((await studio.get('/users/me')).headers.get('retry-after')).toBe('6');
    clock.advanceMinutes(6 / 60);
    expect((await studio.get('/users/me')).status).toBe(200);
  });

  it('defaults to Harvest’s 100 requests per 15 seconds', async () => {
    const replies = await Promise.all(Array.from({ length: 101 }, () => studio.get('/company')));
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(1);
  });
});

describe('the same knobs over HTTP', () => {
  it('drives fail-next, offline, latency, rate-limit, page-size, requests and reset', async () => {
    expect((await knob('fail-next', { status: 502, pathPrefix: '/v2/company' })).status).toBe(200);
    expect((await studio.get('/company')).status).toBe(502);

    await knob('offline', { offline: true });
    await expect(studio.get('/company')).rejects.toThrow();
    await knob('offline', { offline: false });

    await knob('latency', { ms: 120 });
    const started = performance.now();
    await studio.get('/company');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    await knob('latency', { ms: 0 });

    await knob('page-size', { size: 2 });
    expect(((await studio.get('/time_entries')).body as { per_page: number }).per_page).toBe(2);

    await knob('rate-limit', { max: 1, windowMs: 15_000 });
    await studio.get('/company');
    expect((await studio.get('/company')).status).toBe(429);

    expect(await (await knob('requests')).json()).toEqual({ count: sim.knobs.requestCount() });
    expect(sim.knobs.requestCount()).toBe(6);
    await knob('reset', {});
    expect(await (await knob('requests')).json()).toEqual({ count: 0 });
    expect((await studio.get('/company')).status).toBe(200);
  });

  it('refuses malformed knob bodies with 400 and unknown knobs with 404', async () => {
    expect((await knob('latency', { ms: 'slow' })).status).toBe(400);
    expect((await knob('fail-next', { count: 2 })).status).toBe(400);
    expect((await knob('nothing', {})).status).toBe(404);
  });
});
