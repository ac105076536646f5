// The command line's store shares the desktop app's file: what conf (electron-store's base) wrote
// is read here, and the reverse, even while both are open.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeJsonFileStore } from '../core/storage/testing/jsonFileStoreBehaviour';
import { jsonFileStore } from './jsonFile';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-json-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const trayStore = () =>
  new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'harvest-tray', projectName: 'harvest-tray', accessPropertiesByDotNotation: false });

describe('the command line’s store', () => {
  it('reads what the tray’s store wrote, and the tray reads what it wrote, both open at once', () => {
    const tray = trayStore();
    const cli = jsonFileStore({ dataDir, name: 'harvest-tray' });
    tray.set('settings', { hoursDisplay: 'decimal' });
    expect(cli.get('settings')).toEqual({ hoursDisplay: 'decimal' });
    cli.set('cache-100001-me', { value: { id: 7 }, fetchedAt: 1 });
    expect(tray.get('cache-100001-me')).toEqual({ value: { id: 7 }, fetchedAt: 1 });
    expect(tray.get('settings')).toEqual({ hoursDisplay: 'decimal' });
    cli.delete('settings');
    expect(tray.has('settings')).toBe(false);
  });

  it('reads a truncated file as empty without failing, sets it aside and starts a new one', async () => {
    const file = join(dataDir, 'harvest-tray.json');
    await writeFile(file, '{"settings": {"hoursDis');
    const cli = jsonFileStore({ dataDir, name: 'harvest-tray' });
    expect(cli.get('settings')).toBeUndefined();
    cli.set('settings', { hoursDisplay: 'account' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ settings: { hoursDisplay: 'account' } });
    const [kept] = (await readdir(dataDir)).filter((name) => name.startsWith('harvest-tray.unreadable-'));
    expect(await readFile(join(dataDir, kept ?? ''), 'utf8')).toBe('{"settings": {"hoursDis');
  });

  it('creates the data folder on the first write, and treats undefined as removal', () => {
    const cli = jsonFileStore({ dataDir: join(dataDir, 'new', 'folder'), name: 'harvest-tray' });
    cli.set('a', 1);
    cli.set('a', undefined);
    expect(cli.get('a')).toBeUndefined();
  });
});

describeJsonFileStore('the command line’s store, as every host’s store behaves', {
  open: (dir) => jsonFileStore({ dataDir: dir, name: 'harvest-tray' }),
  fileName: 'harvest-tray.json',
});
