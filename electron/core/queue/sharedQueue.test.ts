// One account's queue file open in several processes at once (the tray, the command line, the MCP
// server): each is a PendingQueue over the same file, as here, where two stand for two processes
// (the lock is on the file system, so it holds between them as between processes).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingChange } from '../../../shared/domain';
import type { Intent } from './intent';
import { PendingQueue } from './pendingQueue';
import { QueueFileStore } from './queueFile';
import type { ReplayDeps, ReplayOutcome } from './replayChange';

const scope = { apiUrl: 'https://api.harvestapp.com/v2', accountId: 100001 };
const open: PendingQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
});

/** Never reached: these queues send through `replayOne`. */
const noReplay = {} as ReplayDeps;

async function twoProcesses(
  options: { offline?: boolean; replayOne?: (intent: Intent) => Promise<ReplayOutcome>; waiting?: Intent[] } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'shared-queue-'));
  // Changes kept earlier, waiting when both processes start.
  if (options.waiting) await new QueueFileStore(dir, scope).save({ version: 1, nextProvisional: 1, resolved: {}, intents: options.waiting });
  const seen: PendingChange[][] = [];
  const queue = async (name: string) => {
    const opened = await PendingQueue.open({
      file: new QueueFileStore(dir, scope),
      replay: noReplay,
      onChange: (changes) => name === 'b' && seen.push(changes),
      offline: () => options.offline === true,
      landingMs: 60_000,
      ...(options.replayOne ? { replayOne: options.replayOne } : {}),
    });
    open.push(opened);
    return opened;
  };
  return { dir, a: await queue('a'), b: await queue('b'), seen };
}

function create(id: string, entryId: number): Intent {
  return {
    id,
    kind: 'create',
    entryId,
    createdAt: '2026-12-05T10:00:00.000Z',
    attempts: 0,
    refusal: null,
    shown: null,
    fields: { projectId: 1, taskId: 2, spentDate: '2026-12-05', hours: 0.5 },
    stoppedAt: null,
  };
}

function remove(id: string, entryId: number): Intent {
  return { id, kind: 'delete', entryId, createdAt: '2026-12-05T10:00:00.000Z', attempts: 0, refusal: null, shown: null };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a queue file shared between processes', () => {
  it('keeps every change both make at once, and never gives two creates one provisional id', async () => {
    const { dir, a, b } = await twoProcesses({ offline: true });
    const keeps: Promise<unknown>[] = [];
    for (let i = 0; i < 15; i += 1) {
      keeps.push(a.keep(create(`chg-a${i}`, a.takeProvisionalId())));
      keeps.push(b.keep(create(`chg-b${i}`, b.takeProvisionalId())));
    }
    await Promise.all(keeps);
    const onDisk = await new QueueFileStore(dir, scope).load();
    expect(onDisk.intents).toHaveLength(30);
    expect(new Set(onDisk.intents.map((intent) => intent.entryId)).size).toBe(30);
  });

  it('sends each change once when both drain it at the same time', async () => {
    const sends = new Map<string, number>();
    const replayOne = async (intent: Intent): Promise<ReplayOutcome> => {
      sends.set(intent.id, (sends.get(intent.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { kind: 'done' };
    };
    const waiting = Array.from({ length: 10 }, (_, i) => remove(`chg-${i}`, 1000 + i));
    const { dir, a, b } = await twoProcesses({ offline: true, replayOne, waiting });
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    await until(() => a.count() === 0 || b.count() === 0, 'the queue to empty');
    expect([...sends.values()].filter((times) => times !== 1)).toEqual([]);
    expect(sends.size).toBe(10);
    expect((await new QueueFileStore(dir, scope).load()).intents).toEqual([]);
  });

  it('shows a change another process kept, without a change of its own', async () => {
    const { a, b, seen } = await twoProcesses({ offline: true });
    await a.keep(remove('chg-elsewhere', 77));
    await until(() => b.count() === 1, 'the other process to see the change');
    expect(b.list().map((change) => change.id)).toEqual(['chg-elsewhere']);
    expect(seen.at(-1)?.map((change) => change.id)).toEqual(['chg-elsewhere']);
  });
});
