import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore, WEB_STORE_NAME } from './fileStore';
import { defaultDataDir } from './userDataDir';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the web host’s store on disk', () => {
  it('keeps values across restarts, with dotted keys as plain names', async () => {
    const first = createFileStore(dataDir);
    first.set('queue.v1', [{ id: 1, notes: 'Design review' }]);
    first.set('settings', { hoursDisplay: 'decimal' });
    first.delete('settings');

    const second = createFileStore(dataDir);
    expect(second.get('queue.v1')).toEqual([{ id: 1, notes: 'Design review' }]);
    expect(second.get('settings')).toBeUndefined();
    const onDisk = JSON.parse(await readFile(join(dataDir, `${WEB_STORE_NAME}.json`), 'utf8')) as unknown;
    expect(onDisk).toEqual({ 'queue.v1': [{ id: 1, notes: 'Design review' }] });
  });

  it('treats storing undefined as removing the value', () => {
    const store = createFileStore(dataDir);
    store.set('draft', 'x');
    store.set('draft', undefined);
    expect(store.get('draft')).toBeUndefined();
  });
});

describe('defaultDataDir', () => {
  it('matches where Electron keeps the desktop app’s user data on each system', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Harvest Tray');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Harvest Tray');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Harvest Tray');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toContain('Harvest Tray');
  });
});
