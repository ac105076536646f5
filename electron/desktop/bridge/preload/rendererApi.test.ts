import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../../shared/contract';
import type * as fakeModule from '../../testing/fakeElectron';
import { EVENT_CHANNEL } from '../names';

// preload.ts acts when imported, so each test loads it afresh, with a fresh fake beside it.
let fake: typeof fakeModule.fake;

beforeEach(async () => {
  vi.resetModules();
  fake = (await import('../../testing/fakeElectron')).fake;
});

async function loadPreload() {
  await import('../../../preload');
  const api = fake.contextBridge.exposed.get('harvestTray') as Record<string, unknown>;
  expect(api).toBeDefined();
  return api;
}

describe('preload', () => {
  it('exposes one function per contract channel plus on(), and nothing raw', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(fake.contextBridge.exposed.size).toBe(1);
  });

  it('sends each request on its prefixed channel and returns the reply', async () => {
    fake.ipcMain.handle('harvestTray:timer.stop', async () => ({ ok: true, value: 'harvestTray:timer.stop' }));
    const api = await loadPreload();
    const stop = api['timer.stop'] as (request: unknown) => Promise<unknown>;
    await expect(stop({ id: 7 })).resolves.toEqual({ ok: true, value: 'harvestTray:timer.stop' });
    expect(fake.ipcRenderer.invoked).toEqual([{ channel: 'harvestTray:timer.stop', args: [{ id: 7 }] }]);
  });

  it('delivers only the subscribed event, and stops after unsubscribe', async () => {
    const api = await loadPreload();
    const on = api.on as (event: string, listener: (payload: unknown) => void) => () => void;
    const seen: unknown[] = [];
    const unsubscribe = on('timer.changed', (payload) => seen.push(payload));
    fake.ipcRenderer.deliver(EVENT_CHANNEL, { event: 'ui.shown', payload: {} });
    fake.ipcRenderer.deliver(EVENT_CHANNEL, { event: 'timer.changed', payload: { running: null } });
    unsubscribe();
    fake.ipcRenderer.deliver(EVENT_CHANNEL, { event: 'timer.changed', payload: { running: null } });
    expect(seen).toEqual([{ running: null }]);
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses to subscribe to an event the contract does not have', async () => {
    const api = await loadPreload();
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('secret.token', () => {})).toThrow(/Unknown event/);
  });
});
