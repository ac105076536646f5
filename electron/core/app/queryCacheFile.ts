// The renderer's persisted react-query snapshot: one file per account under the data folder, so
// the popover opens with yesterday's data while Harvest is asked for today's.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class QueryCacheFiles {
  constructor(private readonly dataDir: string) {}

  private pathFor(accountId: number): string {
    return join(this.dataDir, `query-cache-${accountId}.json`);
  }

  async load(accountId: number): Promise<string | null> {
    try {
      return await readFile(this.pathFor(accountId), 'utf8');
    } catch {
      // Missing or unreadable: the renderer starts with an empty cache and fetches.
      return null;
    }
  }

  /** Written beside the file, then renamed over it: a crash mid-write never leaves half a file. */
  async save(accountId: number, snapshot: string): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const target = this.pathFor(accountId);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, snapshot, { encoding: 'utf8', mode: 0o600 });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async wipe(accountId: number): Promise<void> {
    await rm(this.pathFor(accountId), { force: true });
  }
}
