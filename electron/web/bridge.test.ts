import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { startBridge, type Bridge } from './bridge';
import { createEventStream, type EventStream } from './eventStream';
import { createFakeHandlers, type FakeHandlers } from './testing/fakeHandlers';
import { openEvents, send } from './testing/httpClient';

const INDEX_HTML =
  '<!doctype html><html><head><meta charset="UTF-8" /><script type="module" src="./assets/app.js"></script></head><body></body></html>';

let workDir: string;
let fake: FakeHandlers;
let events: EventStream;
let bridge: Bridge;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'harvest-tray-bridge-'));
  const rendererDir = join(workDir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(workDir, 'secret.txt'), 'outside the renderer');
  fake = createFakeHandlers();
  events = createEventStream({ keepAliveMs: 50 });
  bridge = await startBridge({
    handlers: fake.handlers,
    events,
    rendererDir,
    pageScript: 'window.pageScriptRan = true;',
    bodyLimitBytes: 1024,
  });
});

afterEach(async () => {
  await bridge.close();
  await rm(workDir, { recursive: true, force: true });
});

function keyOf(b: Bridge): string {
  return new URL(b.url).searchParams.get('key') ?? '';
}

async function sessionCookie(): Promise<string> {
  const traded = await send(bridge.url);
  const setCookie = traded.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

async function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await send(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: await sessionCookie(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, reply: JSON.parse(response.body) as unknown, headers: response.headers };
}

describe('where it listens', () => {
  it('binds to 127.0.0.1 only and prints a URL with a fresh key each start', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[A-Za-z0-9_-]{40,}$/);
    const other = await startBridge({ handlers: fake.handlers, events: createEventStream(), rendererDir: workDir, pageScript: '' });
    expect(keyOf(other)).not.toBe(keyOf(bridge));
    await other.close();

    const outward = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal);
    if (outward) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect(bridge.port, outward.address);
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    }
  });

  it('refuses a Host header that is not its own address (DNS rebinding)', async () => {
    const response = await send(`${bridge.url}`, { headers: { Host: `evil.example:${bridge.port}` } });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('the session key', () => {
  it('answers 401 to API requests and pages without the cookie', async () => {
    const api = await send(`${bridge.origin}/api/session.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await send(`${bridge.origin}/`)).status).toBe(401);
    expect((await send(`${bridge.origin}/assets/app.js`)).status).toBe(401);
    expect(fake.calls).toHaveLength(0);
  });

  it('trades the key for an HttpOnly SameSite=Strict cookie and drops the key from the address', async () => {
    const traded = await send(bridge.url);
    expect(traded.status).toBe(303);
    expect(traded.headers.location).toBe('/');
    const cookie = traded.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`harvest_tray_${bridge.port}=${keyOf(bridge)}`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);

    const page = await send(`${bridge.origin}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
  });

  it('refuses a wrong key and a cookie holding a wrong key', async () => {
    const wrongKey = await send(`${bridge.origin}/?key=${keyOf(bridge).slice(0, -1)}x`);
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers['set-cookie']).toBeUndefined();
    const wrongCookie = await send(`${bridge.origin}/api/session.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `harvest_tray_${bridge.port}=guess` },
      body: '{}',
    });
    expect(wrongCookie.status).toBe(401);
  });
});

describe('requests', () => {
  it('refuses another Origin with 403 even with a valid cookie', async () => {
    const foreign = await call('session.get', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const otherPort = await call('session.get', {}, { Origin: `http://127.0.0.1:${bridge.port + 1}` });
    expect(otherPort.status).toBe(403);
    expect(fake.calls).toHaveLength(0);

    const own = await call('session.get', {}, { Origin: bridge.origin });
    expect(own.status).toBe(200);
  });

  it('passes a valid request to its handler and returns the reply envelope', async () => {
    fake.answer('entries.delete', async (request) => request);
    const { status, reply } = await call('entries.delete', { id: 42 });
    expect(status).toBe(200);
    expect(reply).toEqual({ ok: true, value: { id: 42 } });
    expect(fake.calls).toEqual([{ channel: 'entries.delete', request: { id: 42 } }]);
  });

  it('answers a request that fails its schema with a validation error, without calling the handler', async () => {
    const { reply } = await call('entries.list', { from: 'yesterday', to: '2026-11-21' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation', field: 'from' } });
    const extra = await call('session.get', { token: 'x' });
    expect(extra.reply).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('answers an unknown channel with a validation error', async () => {
    const { reply } = await call('session.dropTables', {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers a body that is not JSON, or too large, or not sent as JSON, with a validation error', async () => {
    const badJson = await call('session.get', '{"oops"');
    expect(badJson.status).toBe(400);
    expect(badJson.reply).toMatchObject({ ok: false, error: { kind: 'validation' } });

    const tooLarge = await call('queryCache.save', { snapshot: 'x'.repeat(2048) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.reply).toMatchObject({ ok: false, error: { kind: 'validation' } });

    const form = await call('session.get', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(fake.calls).toHaveLength(0);
  });

  it('words what a handler throws, keeping details of unexpected failures inside', async () => {
    fake.answer('timer.stop', async () => {
      throw new AppFailure({ kind: 'locked', message: 'This entry is approved.' });
    });
    fake.answer('timer.restart', async () => {
      throw new Error('secret-token-123 at HarvestClient.ts:42');
    });
    expect((await call('timer.stop', { id: 1 })).reply).toEqual({
      ok: false,
      error: { kind: 'locked', message: 'This entry is approved.' },
    });
    const unexpected = await call('timer.restart', { id: 1 });
    expect(unexpected.reply).toMatchObject({ ok: false, error: { kind: 'unexpected' } });
    expect(JSON.stringify(unexpected.reply)).not.toContain('secret-token-123');
  });

  it('accepts only POST for channels', async () => {
    const response = await send(`${bridge.origin}/api/session.get`, { headers: { Cookie: await sessionCookie() } });
    expect(response.status).toBe(405);
  });
});

describe('events', () => {
  it('sends every emitted event to every open page and forgets pages that leave', async () => {
    const cookie = await sessionCookie();
    const first = await openEvents(`${bridge.origin}/api/events`, { Cookie: cookie });
    const second = await openEvents(`${bridge.origin}/api/events`, { Cookie: cookie });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events.clientCount()).toBe(2);

    events.emit('entries.changed', { dates: ['2026-11-21'] });
    const expected = { event: 'entries.changed', payload: { dates: ['2026-11-21'] } };
    expect(JSON.parse(await first.next())).toEqual(expected);
    expect(JSON.parse(await second.next())).toEqual(expected);

    second.close();
    await expect.poll(() => events.clientCount()).toBe(1);
    first.close();
    await expect.poll(() => events.clientCount()).toBe(0);
  });

  it('refuses the event stream without the cookie', async () => {
    const denied = await openEvents(`${bridge.origin}/api/events`, {});
    expect(denied.status).toBe(401);
    denied.close();
    expect(events.clientCount()).toBe(0);
  });
});

describe('static files', () => {
  it('serves the renderer with a strict CSP, the right types and the bridge script first', async () => {
    const cookie = await sessionCookie();
    const page = await send(`${bridge.origin}/`, { headers: { Cookie: cookie } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body.indexOf('<script src="/web-bridge.js"></script>')).toBeGreaterThan(-1);
    expect(page.body.indexOf('/web-bridge.js')).toBeLessThan(page.body.indexOf('./assets/app.js'));

    const script = await send(`${bridge.origin}/assets/app.js`, { headers: { Cookie: cookie } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const style = await send(`${bridge.origin}/assets/app.css`, { headers: { Cookie: cookie } });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const bridgeScript = await send(`${bridge.origin}/web-bridge.js`, { headers: { Cookie: cookie } });
    expect(bridgeScript.body).toBe('window.pageScriptRan = true;');
    expect(bridgeScript.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses to leave the renderer folder', async () => {
    const cookie = await sessionCookie();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const response = await send(`${bridge.origin}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside the renderer');
    }
    expect((await send(`${bridge.origin}/assets`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await send(`${bridge.origin}/missing.js`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await send(`${bridge.origin}/favicon.ico`, { headers: { Cookie: cookie } })).status).toBe(204);
  });
});
