// One account's queue and the writes that go through it, built the same way for every host (the
// popover's core, the command line, the MCP server), over the account's own services.
import type { PendingChange, TimeEntry } from '../../../shared/domain';
import type { AccountScope } from '../app/accountScope';
import type { AccountServices } from '../app/accountServices';
import { changingEntry } from '../app/entryGone';
import type { SetAsideFile } from '../storage/setAside';
import { KeepingWrites, type Writes } from './keepingWrites';
import { PendingQueue, type PendingQueueOptions } from './pendingQueue';
import { QueueFileStore } from './queueFile';

export interface AccountQueue {
  queue: PendingQueue;
  writes: Writes;
}

export interface AccountQueueOptions {
  dataDir: string;
  scope: AccountScope;
  services: Pick<AccountServices, 'context' | 'entries' | 'timers'>;
  onChange: (changes: PendingChange[]) => void;
  /** Harvest did not answer lately: changes are kept without a try of their own. */
  offline?: () => boolean;
  onSetAside?: (file: SetAsideFile) => void;
  /** The entries the popover last showed (its cache on disk), for changes to those not read in this run. */
  lastShown?: () => Promise<TimeEntry[]>;
  now?: () => Date;
  /** The writes sent straight to Harvest (default: directWrites, the popover's). */
  send?: Writes;
  /** For tests: backoff and randomness of the sender. */
  tuning?: Pick<PendingQueueOptions, 'backoff' | 'random' | 'landingMs' | 'replayOne'>;
}

/** Writes sent straight to Harvest, with the entry-gone wording of the popover's handlers. */
export function directWrites(services: Pick<AccountServices, 'context' | 'entries' | 'timers'>): Writes {
  const { context, entries, timers } = services;
  return {
    create: (request) => entries.create(request),
    start: (request) => timers.start(request),
    stop: (request) => changingEntry(context, request.id, () => timers.stop(request)),
    stopRunning: () => timers.stopRunning(),
    restart: (request) => changingEntry(context, request.id, () => timers.restart(request)),
    update: (request) => changingEntry(context, request.id, () => entries.update(request)),
    delete: (request) => changingEntry(context, request.id, () => entries.delete(request), () => ({ id: request.id })),
    quickRestart: () => timers.quickRestart(),
  };
}

export async function openAccountQueue(options: AccountQueueOptions): Promise<AccountQueue> {
  const { services } = options;
  const file = new QueueFileStore(options.dataDir, options.scope, options.onSetAside, options.now);
  const queue = await PendingQueue.open({
    file,
    replay: { context: services.context, entries: services.entries },
    onChange: options.onChange,
    ...(options.offline ? { offline: options.offline } : {}),
    ...options.tuning,
  });
  const send = options.send ?? directWrites(services);
  return { queue, writes: new KeepingWrites(queue, services.context, send, options.offline, options.lastShown) };
}
