import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronJsonStore } from './store';

// vitest loads node_modules packages with Node itself, so electron-store's own `import 'electron'`
// would reach the real package (which tries to download its binary) instead of the fake. The
// stand-in does what electron-store does with these options: `name` becomes conf's file name.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: { name?: string; cwd: string; clearInvalidConfig?: boolean }) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name ?? 'config' });
    }
  }
  return { default: ElectronStoreStandIn };
});

describe('electronJsonStore', () => {
  it('persists values in the data folder across instances', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'harvest-tray-store-'));
    const store = electronJsonStore({ dataDir, name: 'settings' });
    store.set('settings', { launchAtLogin: true });
    store.set('dotted.key', 1);
    const reopened = electronJsonStore({ dataDir, name: 'settings' });
    expect(reopened.get('settings')).toEqual({ launchAtLogin: true });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      settings: { launchAtLogin: true },
    });
  });

  it('deletes values, and treats undefined as deletion', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'harvest-tray-store-'));
    const store = electronJsonStore({ dataDir, name: 'cache' });
    store.set('a', 1);
    store.set('b', 2);
    store.delete('a');
    store.set('b', undefined);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
  });
});
