// The pending-changes queue on disk: one file per account and Harvest server, in the data folder.
// Every write goes to a temporary file, is flushed to disk (fsync), then renamed over the old one
// (write-file-atomic), so a crash or a kill at any moment leaves either the old queue or the new
// one, never half of one; a change is told to the user as kept only after its write returned.
//
// The file is shared: the tray, the command line and the MCP server may each have the same
// account's queue open at once. So every change to it is made under a lock on the file
// (proper-lockfile: a lock directory beside it, taken over when its holder died), on the list as
// it is on disk at that moment, and written before the lock is let go; no process ever writes a
// list it read before another one wrote. Reading needs no lock: a rename is all or nothing.
//
// The file is outside input when read back: what cannot be read is set aside, never dropped,
// and every change that still parses is kept.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { lock } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { scopeKey, type AccountScope } from '../app/accountScope';
import { PRIVATE_MODE } from '../storage/jsonFileStore';
import { setAside, type SetAsideFile } from '../storage/setAside';
import { EMPTY_QUEUE, intentSchema, queueFileSchema, type Intent, type QueueFile } from './intent';

/** Only what is needed to keep the changes that still fit from a file that does not. */
const salvageSchema = z.looseObject({
  nextProvisional: z.number().int().positive().catch(1),
  resolved: queueFileSchema.shape.resolved.catch({}),
  intents: z.array(z.unknown()).catch([]),
});

/**
 * A holder that has not touched its lock for this long is taken to be dead (killed mid-change).
 * Locks are held for one read and one write, milliseconds; 5 s is the library's smallest.
 */
const STALE_LOCK_MS = 5_000;
/** Between tries for a held lock (a live holder lets go within milliseconds). */
const LOCK_RETRY_MS = 25;
/**
 * Waits out a live holder, and a dead one's lock until it is stale and taken over: twice the
 * stale time, so a lock left by a process killed just now is always outlasted (10 s at most).
 */
const LOCK_RETRIES = { retries: (2 * STALE_LOCK_MS) / LOCK_RETRY_MS, factor: 1, minTimeout: LOCK_RETRY_MS, maxTimeout: LOCK_RETRY_MS };

export function queueFilePath(dataDir: string, scope: AccountScope): string {
  return join(dataDir, `pending-changes-${scopeKey(scope)}.json`);
}

/** What a change to the file made of it, and what the change had to say. */
export interface Updated<T> {
  file: QueueFile;
  result: T;
}

export class QueueFileStore {
  readonly path: string;
  /** This process's changes take turns before they take the lock. */
  private turn: Promise<unknown> = Promise.resolve();
  /** The list as last read or written here, and the file it came from (inode, size, time). */
  private known: { stamp: string; file: QueueFile } | null = null;

  constructor(
    private readonly dataDir: string,
    scope: AccountScope,
    private readonly onSetAside: (file: SetAsideFile) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = queueFilePath(dataDir, scope);
  }

  /** The list as it is on disk now (a damaged file is set aside and what fits is kept). */
  load(): Promise<QueueFile> {
    return this.update((file) => [file, file]).then(({ file }) => file);
  }

  /** Replaces the whole list (resolves once it is on disk). */
  save(file: QueueFile): Promise<void> {
    return this.update(() => [file, undefined]).then(() => undefined);
  }

  /**
   * Changes the list as it is on disk now, under the lock, and resolves once the result is on
   * disk. `change` returns the same list when it changes nothing: nothing is written then.
   */
  update<T>(change: (file: QueueFile) => [QueueFile, T]): Promise<Updated<T>> {
    const run = this.turn.then(() => this.locked(change));
    // The next change waits for this one however it ends; the caller hears how it ended.
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** The list as it is on disk now, without waiting for a lock (for a view, never for a change). */
  async peek(): Promise<QueueFile> {
    const stamp = await this.stamp();
    if (stamp !== null && this.known?.stamp === stamp) return this.known.file;
    if (stamp === null) return EMPTY_QUEUE;
    const parsed = queueFileSchema.safeParse(await readJson(this.path));
    // Half-understood: the next change, under the lock, sets it aside properly.
    return parsed.success ? parsed.data : (this.known?.file ?? EMPTY_QUEUE);
  }

  /** Calls `onChange` when the file may have been changed (here or by another process). */
  watch(onChange: () => void): () => void {
    let watcher: FSWatcher | null = null;
    try {
      watcher = watch(this.dataDir, { persistent: false }, (_event, name) => {
        if (name === null || name === basename(this.path)) onChange();
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // No folder yet, or no watching on this file system: changes are seen at the next change.
    }
    return () => watcher?.close();
  }

  private async locked<T>(change: (file: QueueFile) => [QueueFile, T]): Promise<Updated<T>> {
    await mkdir(this.dataDir, { recursive: true });
    const release = await lock(this.path, {
      realpath: false,
      stale: STALE_LOCK_MS,
      retries: LOCK_RETRIES,
      // Only an event loop stalled for seconds loses the lock; the write it guards has ended or
      // is about to, and throwing from the library's timer would bring the whole app down.
      onCompromised: () => undefined,
    });
    try {
      const current = await this.read();
      const [next, result] = change(current);
      if (next !== current) await this.write(next);
      return { file: next, result };
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async write(file: QueueFile): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(file), { encoding: 'utf8', mode: PRIVATE_MODE, fsync: true });
    const stamp = await this.stamp();
    this.known = stamp === null ? null : { stamp, file };
  }

  /** Under the lock: the file as it is, parsed (unchanged since this process last saw it: as then). */
  private async read(): Promise<QueueFile> {
    const stamp = await this.stamp();
    if (stamp === null) {
      this.known = null;
      return EMPTY_QUEUE;
    }
    if (this.known?.stamp === stamp) return this.known.file;
    const file = await this.parse();
    const after = await this.stamp();
    this.known = after === null ? null : { stamp: after, file };
    return file;
  }

  private async parse(): Promise<QueueFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return EMPTY_QUEUE;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      await this.setAside(0, 'No change it held could be read.');
      return EMPTY_QUEUE;
    }
    const whole = queueFileSchema.safeParse(value);
    if (whole.success) return whole.data;

    // Keep what fits: a hand edit or another version's change must not cost the others.
    const salvage = salvageSchema.safeParse(value);
    const kept: Intent[] = [];
    let lost = 0;
    const provisional = salvage.success ? salvage.data.nextProvisional : 1;
    for (const item of salvage.success ? salvage.data.intents : []) {
      const parsed = intentSchema.safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else lost += 1;
    }
    const file: QueueFile = {
      version: 1,
      // Never hand out a provisional id a kept change already uses.
      nextProvisional: Math.max(provisional, ...kept.map((intent) => -intent.entryId + 1)),
      resolved: salvage.success ? salvage.data.resolved : {},
      intents: kept,
    };
    await this.setAside(kept.length, lost === 1 ? '1 change could not be read.' : `${lost} changes could not be read.`);
    await this.write(file);
    return file;
  }

  /** Which version of the file is on disk (a rename gives a new inode), or null when there is none. */
  private async stamp(): Promise<string | null> {
    try {
      const info = await stat(this.path, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch {
      return null;
    }
  }

  private async setAside(kept: number, lostWords: string): Promise<void> {
    const keptWords =
      kept === 0
        ? 'None of the changes waiting for Harvest could be kept'
        : kept === 1
          ? '1 waiting change is kept'
          : `${kept} waiting changes are kept`;
    try {
      this.onSetAside(await setAside(this.path, this.now(), `${keptWords}; ${lostWords} Send those again by hand if they are missing in Harvest.`));
    } catch {
      // Already moved (another reader): nothing more to keep.
    }
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}
