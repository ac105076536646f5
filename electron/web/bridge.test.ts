import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
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
  return new URLSearchParams(new URL(b.url).hash.slice(1)).get('key') ?? '';
}

/** The header the page sends with every request, holding the key it read from the printed URL. */
function keyHeader(): Record<string, string> {
  return { 'X-Harvest-Tray-Key': keyOf(bridge) };
}

/** Every cookie a browser would keep from opening the printed URL and the page behind it. */
async function cookiesFromVisit(): Promise<string> {
  const cookies: string[] = [];
  const collect = (headers: Record<string, unknown>) => {
    const setCookie = headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : []) cookies.push(String(line).split(';')[0] ?? '');
  };
  const first = await send(bridge.url);
  collect(first.headers);
  const location = first.headers.location;
  const cookieHeader = () => ({ Cookie: cookies.join('; ') });
  if (location) collect((await send(new URL(location, bridge.origin).href, { headers: cookieHeader() })).headers);
  collect((await send(`${bridge.origin}/`, { headers: cookieHeader() })).headers);
  return cookies.join('; ');
}

async function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await send(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...keyHeader(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, reply: JSON.parse(response.body) as unknown, headers: response.headers };
}

describe('where it listens', () => {
  it('binds to 127.0.0.1 only and prints a URL with a fresh key each start', async () => {
    // In the fragment: a browser never sends it to any server, this one included.
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{40,}$/);
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
  it('answers 401 to API requests and the event stream without the key header', async () => {
    const api = await send(`${bridge.origin}/api/session.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(JSON.parse(api.body).error.message).toMatch(/Open the link/);
    const stream = await openEvents(`${bridge.origin}/api/events`, {});
    expect(stream.status).toBe(401);
    stream.close();
    expect(fake.calls).toHaveLength(0);
    expect(events.clientCount()).toBe(0);
  });

  it('serves the page itself without a key: it holds no secret, and sets no cookie', async () => {
    const page = await send(`${bridge.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).not.toContain(keyOf(bridge));
    expect(await cookiesFromVisit()).toBe('');
  });

  it('refuses a wrong key, in the header or anywhere else', async () => {
    const wrongKey = await call('session.get', {}, { 'X-Harvest-Tray-Key': `${keyOf(bridge).slice(0, -1)}x` });
    expect(wrongKey.status).toBe(401);
    const inQuery = await send(`${bridge.origin}/api/session.get?key=${keyOf(bridge)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `harvest_tray_${bridge.port}=${keyOf(bridge)}` },
      body: '{}',
    });
    expect(inQuery.status).toBe(401);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses the page’s cookies replayed from another process with forged same-origin headers, on every channel and the event stream', async () => {
    // Another local web service the browser visits gets every cookie of 127.0.0.1, whatever its
    // port; from there it can send them back with any headers it likes.
    const cookie = await cookiesFromVisit();
    const forged = { Cookie: cookie, Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' };
    for (const channel of channelNames) {
      const response = await send(`${bridge.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...forged },
        body: '{}',
      });
      expect(response.status, channel).toBe(401);
    }
    const stream = await openEvents(`${bridge.origin}/api/events`, forged);
    expect(stream.status).toBe(401);
    stream.close();
    expect(fake.calls).toHaveLength(0);
    expect(events.clientCount()).toBe(0);
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

  it('answers an unknown channel with 404 and a validation error, like any path it does not serve', async () => {
    for (const name of ['session.dropTables', 'constructor', '__proto__', '%E2%80%AE']) {
      const { status, reply } = await call(name, {});
      expect(status, name).toBe(404);
      expect(reply, name).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/Unknown request/) } });
    }
    expect(fake.calls).toHaveLength(0);
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
    const response = await send(`${bridge.origin}/api/session.get`, { headers: keyHeader() });
    expect(response.status).toBe(405);
  });
});

describe('events', () => {
  it('sends every emitted event to every open page and forgets pages that leave', async () => {
    const first = await openEvents(`${bridge.origin}/api/events`, keyHeader());
    const second = await openEvents(`${bridge.origin}/api/events`, keyHeader());
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

});

describe('static files', () => {
  it('serves the renderer with a strict CSP, the right types and the bridge script first', async () => {
    const page = await send(`${bridge.origin}/`);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body.indexOf('<script src="/web-bridge.js"></script>')).toBeGreaterThan(-1);
    expect(page.body.indexOf('/web-bridge.js')).toBeLessThan(page.body.indexOf('./assets/app.js'));

    const script = await send(`${bridge.origin}/assets/app.js`);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const style = await send(`${bridge.origin}/assets/app.css`);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const bridgeScript = await send(`${bridge.origin}/web-bridge.js`);
    expect(bridgeScript.body).toBe('window.pageScriptRan = true;');
    expect(bridgeScript.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses to leave the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const response = await send(`${bridge.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside the renderer');
    }
    expect((await send(`${bridge.origin}/assets`)).status).toBe(404);
    expect((await send(`${bridge.origin}/missing.js`)).status).toBe(404);
    expect((await send(`${bridge.origin}/favicon.ico`)).status).toBe(204);
  });
});
