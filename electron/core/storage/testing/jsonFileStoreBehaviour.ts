// What every host's JsonStore on disk must do, run against each adapter (conf in the web host,
// electron-store on the desktop) so the two cannot drift apart again.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonStore } from '../../ports';
import type { SetAsideFile } from '../setAside';

export interface StoreUnderTest {
  /** Opens the store the host's way over `dataDir`. */
  open(dataDir: string): JsonStore;
  /** The file's name in `dataDir`. */
  fileName: string;
}

function heard(store: JsonStore): SetAsideFile[] {
  const files: SetAsideFile[] = [];
  store.onSetAside?.((file) => files.push(file));
  return files;
}

const CORRUPTIONS: Array<[string, (valid: string) => Buffer]> = [
  ['emptied', () => Buffer.alloc(0)],
  ['truncated', (valid) => Buffer.from(valid.slice(0, Math.floor(valid.length / 2)))],
  ['random bytes', () => randomBytes(512)],
  ['a JSON array instead of an object', () => Buffer.from('[1, 2, 3]')],
  ['a bare JSON string', () => Buffer.from('"settings"')],
];

export function describeJsonFileStore(title: string, subject: StoreUnderTest): void {
  describe(title, () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-json-store-'));
    });
    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });
    const filePath = () => join(dataDir, subject.fileName);

    it('keeps values across restarts, with dotted keys as plain names', async () => {
      const first = subject.open(dataDir);
      first.set('queue.v1', [{ id: 1, notes: 'Design review' }]);
      first.set('settings', { hoursDisplay: 'decimal' });
      first.set('gone', 1);
      first.delete('gone');
      first.set('draft', 'x');
      first.set('draft', undefined);
      const second = subject.open(dataDir);
      expect(second.get('queue.v1')).toEqual([{ id: 1, notes: 'Design review' }]);
      expect(second.get('queue')).toBeUndefined();
      expect(JSON.parse(await readFile(filePath(), 'utf8'))).toEqual({
        'queue.v1': [{ id: 1, notes: 'Design review' }],
        settings: { hoursDisplay: 'decimal' },
      });
    });

    it('writes the file for this user only (0600), also one an older version left readable to all', async () => {
      subject.open(dataDir).set('settings', { launchAtLogin: true });
      expect((await stat(filePath())).mode & 0o777).toBe(0o600);
      await chmod(filePath(), 0o644);
      const reopened = subject.open(dataDir);
      expect((await stat(filePath())).mode & 0o777).toBe(0o600);
      reopened.set('settings', { launchAtLogin: false });
      expect((await stat(filePath())).mode & 0o777).toBe(0o600);
    });

    it('leaves no temporary file behind its writes', async () => {
      const store = subject.open(dataDir);
      for (let index = 0; index < 20; index += 1) store.set('count', index);
      expect(await readdir(dataDir)).toEqual([subject.fileName]);
    });

    it.each(CORRUPTIONS)('opens over a file %s: starts empty, keeps the old file aside and says so once', async (_what, corrupt) => {
      subject.open(dataDir).set('settings', { hoursDisplay: 'decimal', note: 'x'.repeat(200) });
      const bytes = corrupt(await readFile(filePath(), 'utf8'));
      await writeFile(filePath(), bytes);
      // As an older version left it: readable to everyone.
      await chmod(filePath(), 0o644);

      const store = subject.open(dataDir);
      const files = heard(store);
      expect(store.get('settings')).toBeUndefined();
      store.set('settings', { hoursDisplay: 'hours_minutes' });
      expect(subject.open(dataDir).get('settings')).toEqual({ hoursDisplay: 'hours_minutes' });

      expect(files).toHaveLength(1);
      expect(files[0]?.path).toBe(filePath());
      expect(files[0]?.keptAs).toMatch(/\.unreadable-\d{4}-\d{2}-\d{2}T[\d-]+Z\.json$/);
      expect(await readFile(files[0]?.keptAs ?? '')).toEqual(bytes);
      expect((await stat(files[0]?.keptAs ?? '')).mode & 0o777).toBe(0o600);
      expect(files[0]?.consequence.length).toBeGreaterThan(0);
    });

    it('sets aside a file that turns unreadable while the app runs, and carries on', async () => {
      const store = subject.open(dataDir);
      const files = heard(store);
      store.set('settings', { hoursDisplay: 'decimal' });
      await writeFile(filePath(), '{"settings": {"hoursD');
      expect(store.get('settings')).toBeUndefined();
      store.set('settings', { hoursDisplay: 'decimal' });
      expect(store.get('settings')).toEqual({ hoursDisplay: 'decimal' });
      expect(files).toHaveLength(1);
      expect(await readFile(files[0]?.keptAs ?? '', 'utf8')).toBe('{"settings": {"hoursD');
    });
  });
}
