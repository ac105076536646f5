import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronJsonStore } from './store';

// electron-store runs for real here: vitest.config.ts inlines it so its own import of 'electron'
// reaches the fake (for app.getPath and ipcMain), as it would reach Electron in the app.
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
