import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_GLOBAL, channelNames, type HarvestTrayApi } from '../../../shared/contract';
import { startBridge, type Bridge } from '../bridge';
import { createEventStream, type EventStream } from '../eventStream';
import { createFakeHandlers, type FakeHandlers } from '../testing/fakeHandlers';
import { openEvents, send } from '../testing/httpClient';
import { createWebBridgeApi, installWebBridge, type OpenEvents } from './installWebBridge';

let workDir: string;
let fake: FakeHandlers;
let events: EventStream;
let bridge: Bridge;
let cookie: string;
let opened: number;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'harvest-tray-page-'));
  fake = createFakeHandlers();
  events = createEventStream();
  bridge = await startBridge({ handlers: fake.handlers, events, rendererDir: workDir, pageScript: '' });
  cookie = (await send(bridge.url)).headers['set-cookie']?.[0]?.split(';')[0] ?? '';
  opened = 0;
});

afterEach(async () => {
  await bridge.close();
  await rm(workDir, { recursive: true, force: true });
});

/** What the browser does for the page: same-origin requests carry the session cookie. */
function pageApi(options: { withCookie?: boolean; baseUrl?: string } = {}): HarvestTrayApi {
  const headers: Record<string, string> = options.withCookie === false ? {} : { Cookie: cookie };
  const openStream: OpenEvents = (url, onData) => {
    opened += 1;
    let closed = false;
    let reader: { close(): void } | undefined;
    void openEvents(url, headers).then(async (stream) => {
      reader = stream;
      if (closed) return stream.close();
      for (;;) onData(await stream.next());
    });
    return { close: () => ((closed = true), reader?.close()) };
  };
  return createWebBridgeApi({
    channelNames,
    baseUrl: options.baseUrl ?? bridge.origin,
    fetch: (url, init) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } }),
    openEvents: openStream,
  });
}

describe('window.harvestTray in the web host', () => {
  it('has one function per contract channel and an `on`', () => {
    const api = pageApi();
    for (const channel of channelNames) expect(typeof api[channel], channel).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('sends a call to its handler and returns the reply envelope', async () => {
    fake.answer('entries.list', async () => []);
    const reply = await pageApi()['entries.list']({ from: '2026-11-16', to: '2026-11-22' });
    expect(reply).toEqual({ ok: true, value: [] });
    expect(fake.calls).toEqual([{ channel: 'entries.list', request: { from: '2026-11-16', to: '2026-11-22' } }]);
  });

  it('returns the host’s own error envelope for invalid input and for a missing session', async () => {
    const invalid = await pageApi()['timer.stop']({ id: -1 });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const refused = await pageApi({ withCookie: false })['session.get']({});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(refused.ok || refused.error.message).toMatch(/Open the link/);
  });

  it('says in words when the host is not answering', async () => {
    const api = pageApi();
    await bridge.close();
    const reply = await api['session.get']({});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unexpected', message: expect.stringMatching(/not answering/) } });
  });

  it('delivers events to listeners of that event over one stream, and stops after unsubscribe', async () => {
    const api = pageApi();
    const changed: unknown[] = [];
    const timers: unknown[] = [];
    const unsubscribe = api.on('entries.changed', (payload) => changed.push(payload));
    api.on('timer.changed', (payload) => timers.push(payload));
    expect(opened).toBe(1);
    await expect.poll(() => events.clientCount()).toBe(1);

    events.emit('entries.changed', { dates: ['2026-11-21'] });
    await expect.poll(() => changed).toEqual([{ dates: ['2026-11-21'] }]);
    expect(timers).toEqual([]);

    unsubscribe();
    events.emit('entries.changed', { dates: ['2026-11-22'] });
    events.emit('timer.changed', { running: null });
    await expect.poll(() => timers).toEqual([{ running: null }]);
    expect(changed).toEqual([{ dates: ['2026-11-21'] }]);
  });

  it('installs the global read-only, as contextBridge does', () => {
    const target: Record<string, unknown> = {};
    const api = pageApi();
    installWebBridge(target, API_GLOBAL, api);
    expect(target[API_GLOBAL]).toBe(api);
    expect(() => {
      target[API_GLOBAL] = {};
    }).toThrow(TypeError);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
