import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { scopeKey } from './accountScope';
import { SeenEntriesFile } from './seenEntriesFile';

const SCOPE = { apiUrl: 'https://api.harvestapp.com/v2', accountId: 7 };
const NOW = new Date('2026-11-21T12:00:00');

let dataDir: string;
let file: SeenEntriesFile;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seen-entries-'));
  file = new SeenEntriesFile(dataDir, () => NOW);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const path = () => join(dataDir, `seen-entries-${scopeKey(SCOPE)}.json`);

describe('SeenEntriesFile', () => {
  it('keeps each entry as Harvest last changed it, across processes writing one after another', async () => {
    await file.remember(SCOPE, [timeEntry({ id: 1, notes: 'old', updatedAt: '2026-11-21T09:00:00Z' }), timeEntry({ id: 2 })]);
    await new SeenEntriesFile(dataDir, () => NOW).remember(SCOPE, [timeEntry({ id: 1, notes: 'new', updatedAt: '2026-11-21T10:00:00Z' })]);
    await file.remember(SCOPE, [timeEntry({ id: 1, notes: 'a stale reading', updatedAt: '2026-11-21T08:00:00Z' })]);
    const seen = await file.read(SCOPE);
    expect(seen.map((entry) => [entry.id, entry.notes]).sort()).toEqual([
      [1, 'new'],
      [2, null],
    ]);
  });

  it('forgets deleted entries and those older than a month, and runs one timer: the one started last', async () => {
    await file.remember(SCOPE, [
      timeEntry({ id: 1, isRunning: true, timerStartedAt: '2026-11-21T08:00:00Z', updatedAt: '2026-11-21T08:00:00Z' }),
      timeEntry({ id: 2, isRunning: true, timerStartedAt: '2026-11-21T09:00:00Z', updatedAt: '2026-11-21T09:00:00Z' }),
      timeEntry({ id: 3, spentDate: '2026-10-01' }),
      timeEntry({ id: 4 }),
    ]);
    await file.remember(SCOPE, [], [4]);
    const seen = await file.read(SCOPE);
    expect(seen.map((entry) => [entry.id, entry.isRunning]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('reads a file cut short, hand-edited or of another shape as nothing seen, and writes a whole one after it', async () => {
    for (const text of ['{"version":1,"entries":[{"id":', '[]', '{"version":2,"entries":[]}', '']) {
      await writeFile(path(), text);
      expect(await file.read(SCOPE)).toEqual([]);
    }
    await writeFile(path(), JSON.stringify({ version: 1, entries: [{ id: 9, notes: 'no other fields' }, timeEntry({ id: 5 })] }));
    expect((await file.read(SCOPE)).map((entry) => entry.id)).toEqual([5]);
    await file.remember(SCOPE, [timeEntry({ id: 6 })]);
    const written = JSON.parse(await readFile(path(), 'utf8')) as { version: number; entries: Array<{ id: number }> };
    expect(written.version).toBe(1);
    expect(written.entries.map((entry) => entry.id).sort()).toEqual([5, 6]);
  });

  it('is gone with the account', async () => {
    await file.remember(SCOPE, [timeEntry({ id: 1 })]);
    await file.wipe(SCOPE);
    expect(await file.read(SCOPE)).toEqual([]);
  });
});
