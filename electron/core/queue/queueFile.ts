// The pending-changes queue on disk: one file per account and Harvest server, in the data folder.
// Every write goes to a temporary file, is flushed to disk (fsync), then renamed over the old one
// (write-file-atomic), so a crash or a kill at any moment leaves either the old queue or the new
// one, never half of one; a change is told to the user as kept only after its write returned.
// The file is outside input when read back: what cannot be read is set aside, never dropped,
// and every change that still parses is kept.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
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

export function queueFilePath(dataDir: string, scope: AccountScope): string {
  return join(dataDir, `pending-changes-${scopeKey(scope)}.json`);
}

export class QueueFileStore {
  readonly path: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    scope: AccountScope,
    private readonly onSetAside: (file: SetAsideFile) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = queueFilePath(dataDir, scope);
  }

  async load(): Promise<QueueFile> {
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
    await this.save(file);
    return file;
  }

  /** Resolves once the file is on disk; writes happen in the order they were asked for. */
  save(file: QueueFile): Promise<void> {
    const text = JSON.stringify(file);
    const write = this.writing.then(async () => {
      await mkdir(this.dataDir, { recursive: true });
      await writeFileAtomic(this.path, text, { encoding: 'utf8', mode: PRIVATE_MODE, fsync: true });
    });
    // The next write waits for this one however it ends; the caller hears how it ended.
    this.writing = write.catch(() => undefined);
    return write;
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
