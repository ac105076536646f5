// The renderer's persisted react-query snapshot: one file per account and Harvest server
// (./accountScope.ts) under the data folder, so
// the popover opens with yesterday's data while Harvest is asked for today's. The file is outside
// input: what is loaded back is checked against the contract's reply schemas, and a file that does
// not fit (cut short, hand-edited, written by another version) is set aside with a notice, never
// handed to the popover, where a wrong shape would break it on every start.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { channels } from '../../../shared/contract';
import { isPersistedRoot, PERSISTED_QUERY_CHANNELS } from '../../../shared/persistedQueries';
import { setAside, type SetAsideFile } from '../storage/setAside';
import { scopeKey, type AccountScope } from './accountScope';

const queryShape = z.looseObject({
  queryKey: z.array(z.unknown()).min(1),
  state: z.looseObject({ data: z.unknown(), dataUpdatedAt: z.number().catch(0) }),
});
const snapshotShape = z.looseObject({
  savedAt: z.number(),
  state: z.looseObject({ queries: z.array(queryShape), mutations: z.array(z.unknown()) }),
});

export type SnapshotQuery = z.infer<typeof queryShape>;

/** The snapshot's queries as react-query persisted them, or null when the text is not a snapshot. */
export function snapshotQueries(text: string): SnapshotQuery[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const snapshot = snapshotShape.safeParse(value);
  return snapshot.success ? snapshot.data.state.queries : null;
}

/** Whether the snapshot text is one the popover can hydrate: every query's data fits its reply. */
export function isUsableSnapshot(text: string): boolean {
  const queries = snapshotQueries(text);
  if (queries === null) return false;
  return queries.every((query) => {
    const root = query.queryKey[0];
    if (!isPersistedRoot(root)) return false;
    return channels[PERSISTED_QUERY_CHANNELS[root]].response.safeParse(query.state.data).success;
  });
}

const CACHE_LOST = 'The entries it saved for a quick start are loaded from Harvest instead.';

export class QueryCacheFiles {
  constructor(
    private readonly dataDir: string,
    private readonly onSetAside: (file: SetAsideFile) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pathFor(scope: AccountScope): string {
    return join(this.dataDir, `query-cache-${scopeKey(scope)}.json`);
  }

  async load(scope: AccountScope): Promise<string | null> {
    const path = this.pathFor(scope);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      // Missing or unreadable: the renderer starts with an empty cache and fetches.
      return null;
    }
    if (isUsableSnapshot(text)) return text;
    try {
      this.onSetAside(await setAside(path, this.now(), CACHE_LOST));
    } catch {
      // Renamed or removed meanwhile (another load of the same file): nothing is lost either way.
    }
    return null;
  }

  /** The snapshot as it is, for another process (the command line): what does not fit is left alone. */
  async peek(scope: AccountScope): Promise<string | null> {
    try {
      const text = await readFile(this.pathFor(scope), 'utf8');
      return isUsableSnapshot(text) ? text : null;
    } catch {
      return null;
    }
  }

  private readonly writing = new Set<Promise<void>>();

  /** Written to a temporary file, flushed to disk, then renamed over the old one, for this user only. */
  save(scope: AccountScope, snapshot: string): Promise<void> {
    const write = (async () => {
      await mkdir(this.dataDir, { recursive: true });
      await writeFileAtomic(this.pathFor(scope), snapshot, { encoding: 'utf8', mode: 0o600, fsync: true });
    })();
    const tracked = write.finally(() => this.writing.delete(tracked));
    this.writing.add(tracked);
    return write;
  }

  /** Waits for the writes under way (the app is stopping: the page's last snapshot is kept whole). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  async wipe(scope: AccountScope): Promise<void> {
    await rm(this.pathFor(scope), { force: true });
  }
}
