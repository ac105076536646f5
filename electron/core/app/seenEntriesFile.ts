// The entries the command line and the MCP server last saw for an account (read, made or changed
// by a command), kept on disk between runs: a command run later while Harvest cannot be reached
// keeps its change against them, as the tray keeps one against what the popover last showed
// (./queryCacheFile.ts). A cache, and outside input when read back: each entry is checked, a file
// that cannot be read counts as empty, and processes writing at once lose only each other's view.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { timeEntrySchema, type TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { scopeKey, type AccountScope } from './accountScope';
import { newestShown } from './lastShownEntries';

/** Days back an entry is kept: quick restart's window, and more than a trip without network. */
const KEPT_DAYS = 31;
/** However many a command listed, the file stays small enough to read on every start. */
const KEPT_ENTRIES = 1_000;

const fileShape = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

export class SeenEntriesFile {
  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pathFor(scope: AccountScope): string {
    return join(this.dataDir, `seen-entries-${scopeKey(scope)}.json`);
  }

  async read(scope: AccountScope): Promise<TimeEntry[]> {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(this.pathFor(scope), 'utf8'));
    } catch {
      return [];
    }
    const file = fileShape.safeParse(value);
    if (!file.success) return [];
    return file.data.entries.flatMap((entry) => {
      const parsed = timeEntrySchema.safeParse(entry);
      return parsed.success && parsed.data.id > 0 ? [parsed.data] : [];
    });
  }

  /** Adds what was seen now to what the file holds, each entry as most recently changed; drops the deleted. */
  async remember(scope: AccountScope, seen: TimeEntry[], deleted: number[] = []): Promise<void> {
    if (seen.length === 0 && deleted.length === 0) return;
    const from = addDays(toLocalDate(this.now()), -KEPT_DAYS);
    const gone = new Set(deleted);
    const entries = newestShown([...seen, ...(await this.read(scope))])
      .filter((entry) => entry.id > 0 && !gone.has(entry.id) && (entry.spentDate >= from || entry.isRunning))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
      .slice(0, KEPT_ENTRIES);
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.pathFor(scope), JSON.stringify({ version: 1, entries }), { encoding: 'utf8', mode: 0o600, fsync: true });
  }

  async wipe(scope: AccountScope): Promise<void> {
    await rm(this.pathFor(scope), { force: true });
  }
}
