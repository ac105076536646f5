import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_GLOBAL, channelNames, type HarvestTrayApi } from '../../../shared/contract';
import { startBridge, type Bridge } from '../bridge';
import { createEventStream, type EventStream } from '../eventStream';
import { createFakeHandlers, type FakeHandlers } from '../testing/fakeHandlers';
import { openEvents } from '../testing/httpClient';
import { createWebBridgeApi, installWebBridge, type OpenEvents } from './installWebBridge';
import { SESSION_KEY_STORAGE_NAME, takeSessionKey, type PageLocation } from './sessionKeyStore';

let workDir: string;
let fake: FakeHandlers;
let events: EventStream;
let bridge: Bridge;
let key: string;
let opened: number;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'harvest-tray-page-'));
  fake = createFakeHandlers();
  events = createEventStream();
  bridge = await startBridge({ handlers: fake.handlers, events, rendererDir: workDir, pageScript: '' });
  key = new URLSearchParams(new URL(bridge.url).hash.slice(1)).get('key') ?? '';
  opened = 0;
});

afterEach(async () => {
  await bridge.close();
  await rm(workDir, { recursive: true, force: true });
});

/** The page's api, holding the key it read from the printed URL (or none). */
function pageApi(options: { withKey?: boolean; baseUrl?: string } = {}): HarvestTrayApi {
  const openStream: OpenEvents = (url, headers, onData) => {
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
    fetch: (url, init) => fetch(url, init),
    openEvents: openStream,
    sessionKey: options.withKey === false ? null : key,
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
    const invalid = await pageApi()['timer.stop']({ id: 0 });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const refused = await pageApi({ withKey: false })['session.get']({});
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

describe('the session key in the page', () => {
  function tab(href: string, stored: Record<string, string> = {}) {
    const url = new URL(href);
    const storage = new Map(Object.entries(stored));
    const replaced: string[] = [];
    const page: PageLocation = {
      location: { hash: url.hash, pathname: url.pathname, search: url.search },
      history: { replaceState: (_data, _unused, next) => void replaced.push(next) },
      sessionStorage: { getItem: (name) => storage.get(name) ?? null, setItem: (name, value) => void storage.set(name, value) },
    };
    return { page, storage, replaced };
  }

  it('takes the key from the fragment, keeps it for the tab and drops it from the address', () => {
    const { page, storage, replaced } = tab('http://127.0.0.1:5173/#key=abc123');
    expect(takeSessionKey(page)).toBe('abc123');
    expect(storage.get(SESSION_KEY_STORAGE_NAME)).toBe('abc123');
    expect(replaced).toEqual(['/']);
  });

  it('finds it again after a reload of the same tab, and prefers a fresh one from a new link', () => {
    expect(takeSessionKey(tab('http://127.0.0.1:5173/', { [SESSION_KEY_STORAGE_NAME]: 'abc123' }).page)).toBe('abc123');
    expect(takeSessionKey(tab('http://127.0.0.1:5173/#key=new', { [SESSION_KEY_STORAGE_NAME]: 'old' }).page)).toBe('new');
    expect(takeSessionKey(tab('http://127.0.0.1:5173/').page)).toBeNull();
  });

  it('sends it with every call and on the event stream, and never a cookie', async () => {
    const seen: Array<{ headers: Record<string, string>; credentials: RequestCredentials | undefined }> = [];
    const streams: Array<Record<string, string>> = [];
    const api = createWebBridgeApi({
      channelNames,
      baseUrl: bridge.origin,
      sessionKey: key,
      fetch: (url, init) => {
        seen.push({ headers: init.headers as Record<string, string>, credentials: init.credentials });
        return fetch(url, init);
      },
      openEvents: (_url, headers) => {
        streams.push(headers);
        return { close: () => undefined };
      },
    });
    expect(await api['session.get']({})).toMatchObject({ ok: true });
    api.on('timer.changed', () => undefined);
    expect(seen).toEqual([{ headers: { 'Content-Type': 'application/json', 'X-Harvest-Tray-Key': key }, credentials: 'omit' }]);
    expect(streams).toEqual([{ 'X-Harvest-Tray-Key': key }]);
  });
});
