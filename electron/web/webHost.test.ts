import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from '../core/app/Core';
import { createMemoryStore } from '../core/app/memory';
import type { AppConfig } from '../core/ports';
import { createFakeHandlers } from './testing/fakeHandlers';
import { openEvents, send, keyHeaderFor } from './testing/httpClient';
import { startWebHost, type WebHost } from './webHost';

let rendererDir: string;
let given: CoreOptions | undefined;
let disposed: number;
let host: WebHost;

const config: AppConfig = {
  apiUrl: 'http://127.0.0.1:1/v2',
  idUrl: 'http://127.0.0.1:1',
  envCredentials: null,
  dataDir: '/nonexistent',
  demo: false,
};

async function fakeCreateCore(options: CoreOptions): Promise<Core> {
  given = options;
  const fake = createFakeHandlers();
  fake.answer('session.get', async () => ({ state: 'signed-out', reason: null }));
  return {
    handlers: fake.handlers,
    quickRestart: async () => ({ action: 'nothing-to-restart', entry: null }),
    runningEntry: () => null,
    lastEntry: () => null,
  currentAccountName: () => null,
    refresh: async () => {},
    reportIdle: async () => {},
    checkReminders: async () => {},
    stopForShutdown: async () => {},
    dispose: async () => void (disposed += 1),
  };
}

beforeEach(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'harvest-tray-host-'));
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  given = undefined;
  disposed = 0;
  host = await startWebHost({ createCore: fakeCreateCore, config, store: createMemoryStore(), rendererDir });
});

afterEach(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});


describe('startWebHost', () => {
  it('gives the core a memory vault and host hooks that do nothing and never fail', async () => {
    expect(await given?.vault.backend()).toBe('memory');
    expect(given?.config).toBe(config);
    expect(given?.host.shortcutsStatus()).toEqual([]);
    await expect(given?.host.openExternal('https://id.getharvest.com/')).resolves.toBeUndefined();
    expect(() => given?.host.hidePopover()).not.toThrow();
  });

  it('serves the core’s handlers and sends the core’s events to the page', async () => {
    const session = await send(`${host.origin}/api/session.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...keyHeaderFor(host.url) },
      body: '{}',
    });
    expect(JSON.parse(session.body)).toEqual({ ok: true, value: { state: 'signed-out', reason: null } });

    const stream = await openEvents(`${host.origin}/api/events`, keyHeaderFor(host.url));
    given?.emit('sync.changed', { online: false, pending: 2, refused: 0, lastSyncedAt: null });
    expect(JSON.parse(await stream.next())).toEqual({
      event: 'sync.changed',
      payload: { online: false, pending: 2, refused: 0, lastSyncedAt: null },
    });
    stream.close();
  });

  it('serves the page with the bridge script', async () => {
    const page = await send(`${host.origin}/`);
    expect(page.body).toContain('<script src="/web-bridge.js"></script>');
    const script = await send(`${host.origin}/web-bridge.js`);
    expect(script.body).toContain('session.get');
  });

  it('closes the bridge and disposes the core once, however often it is closed', async () => {
    await Promise.all([host.close(), host.close()]);
    expect(disposed).toBe(1);
    await expect(send(`${host.origin}/`)).rejects.toThrow();
  });
});
