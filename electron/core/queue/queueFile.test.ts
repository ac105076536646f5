import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SetAsideFile } from '../storage/setAside';
import { EMPTY_QUEUE, type Intent } from './intent';
import { QueueFileStore } from './queueFile';

const scope = { apiUrl: 'https://api.harvestapp.com/v2', accountId: 100001 };
const change: Intent = {
  id: 'chg-1',
  kind: 'delete',
  entryId: 42,
  createdAt: '2026-11-21T10:00:00.000Z',
  attempts: 0,
  refusal: null,
  shown: null,
};

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'queue-file-'));
  const setAside: SetAsideFile[] = [];
  const files = new QueueFileStore(dir, scope, (file) => setAside.push(file), () => new Date('2026-11-21T12:00:00Z'));
  return { dir, files, setAside };
}

describe('the queue file', () => {
  it('starts empty where there is none', async () => {
    const { files } = await store();
    expect(await files.load()).toEqual(EMPTY_QUEUE);
  });

  it('reads back what it wrote, kept for this user alone, one file per account and server', async () => {
    const { dir, files } = await store();
    await files.save({ ...EMPTY_QUEUE, intents: [change] });
    expect((await files.load()).intents).toEqual([change]);
    expect(files.path.startsWith(join(dir, 'pending-changes-100001-'))).toBe(true);
    expect((await stat(files.path)).mode & 0o777).toBe(0o600);
    const other = new QueueFileStore(dir, { ...scope, apiUrl: 'http://127.0.0.1:9/v2' });
    expect(other.path).not.toBe(files.path);
  });

  it('sets a damaged file aside, says so, and keeps every change that can still be read', async () => {
    const { dir, files, setAside } = await store();
    const text = JSON.stringify({ ...EMPTY_QUEUE, nextProvisional: 4, intents: [change, { id: 'chg-2', kind: 'teleport' }] });
    await writeFile(files.path, text);
    const loaded = await files.load();
    expect(loaded.intents).toEqual([change]);
    expect(loaded.nextProvisional).toBe(4);
    expect(setAside).toHaveLength(1);
    expect(setAside[0]?.consequence).toMatch(/1 change/);
    expect((await readdir(dir)).some((name) => name.includes('.unreadable-'))).toBe(true);
    // What was kept is on disk again, whole.
    expect(JSON.parse(await readFile(files.path, 'utf8')).intents).toHaveLength(1);
  });

  it('sets aside a file that is not JSON at all and starts empty', async () => {
    const { files, setAside } = await store();
    await writeFile(files.path, '{"version":1,"intents":[{"id"');
    expect(await files.load()).toEqual(EMPTY_QUEUE);
    expect(setAside).toHaveLength(1);
  });

  it('writes in the order asked, the last write winning', async () => {
    const { files } = await store();
    await Promise.all([1, 2, 3].map((n) => files.save({ ...EMPTY_QUEUE, nextProvisional: n })));
    expect((await files.load()).nextProvisional).toBe(3);
  });

  it('takes over the lock of a process killed while it held it, once that lock is stale', async () => {
    const { files } = await store();
    await files.save({ ...EMPTY_QUEUE, intents: [change] });
    // What a holder killed mid-change leaves behind: its lock, touched a moment ago.
    await mkdir(`${files.path}.lock`);
    expect((await files.load()).intents).toEqual([change]);
  }, 15_000);
});
