// The pending-changes queue of one account: kept on disk before anyone is told a change is kept,
// sent in order by one sender, under the account's rate limiter, as soon as Harvest is reachable
// (the first answer after a failure, a wake from sleep, or a backoff timer with jitter between
// tries). A change Harvest refuses stays, with Harvest's reason, for the user to retry or discard.
// Other processes (the command line, the MCP server, a second window of the web host) may share
// the file: every change here is made on the file as it is on disk, under its lock, and a change
// another process makes is seen when the file moves (watched) and at this process's next change.
import type { LocalDate, PendingChange, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from '../harvest/retry';
import type { PendingChanges } from '../app/syncState';
import {
  claimProvisionalId,
  discardChange,
  keepChange,
  nextToSend,
  overlayEntries,
  provisionalId,
  realIdOf,
  removeChange,
  resolveEntry,
  toPendingChange,
  updateChange,
} from './folding';
import type { Intent, QueueFile } from './intent';
import type { QueueFileStore } from './queueFile';
import { replayChange, type ReplayDeps, type ReplayOutcome } from './replayChange';

/** Between tries while Harvest cannot be reached: 2 s doubling to 5 minutes, half of it random. */
export const QUEUE_BACKOFF: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 2_000, maxDelayMs: 300_000 };

/**
 * How long a send whose answer was lost may still be on its way to Harvest (longer than the
 * client's 15 s timeout). Harvest is asked whether it has the change only after this: asked
 * sooner, a request still travelling (the app was killed mid-send, a proxy held it) could land
 * after the answer "not there" and the change be made twice.
 */
export const LANDING_MS = 20_000;

export interface PendingQueueOptions {
  file: QueueFileStore;
  replay: ReplayDeps;
  /** The list changed (kept, sent, refused, dropped): for queue.changed and the sync state. */
  onChange: (changes: PendingChange[]) => void;
  backoff?: RetryPolicy;
  random?: () => number;
  /** See LANDING_MS; shortened by tests whose simulator answers within a second. */
  landingMs?: number;
  /** Harvest did not answer lately: a kept change waits for the backoff timer's probe. */
  offline?: () => boolean;
  /** A replay of one change; the real one by default (tests slow it or count it). */
  replayOne?: (intent: Intent, deps: ReplayDeps) => Promise<ReplayOutcome>;
}

export class PendingQueue implements PendingChanges {
  private file: QueueFile;
  private draining: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private unwatch: () => void = () => undefined;
  private seeing: Promise<void> | null = null;

  private constructor(
    private readonly options: PendingQueueOptions,
    loaded: QueueFile,
  ) {
    this.file = loaded;
  }

  static async open(options: PendingQueueOptions): Promise<PendingQueue> {
    const queue = new PendingQueue(options, await options.file.load());
    queue.unwatch = options.file.watch(() => void queue.seeOthers());
    return queue;
  }

  count(): number {
    return this.file.intents.length;
  }

  refused(): number {
    return this.file.intents.filter((intent) => intent.refusal !== null).length;
  }

  list(): PendingChange[] {
    return this.file.intents.map(toPendingChange);
  }

  /** Changes that can still be sent wait: a new change goes behind them, to keep the order. */
  hasSendable(): boolean {
    return nextToSend(this.file) !== null;
  }

  /** Whether changes to this entry wait (any state): a new change to it goes behind them. */
  hasChangesTo(entryId: number): boolean {
    const id = this.realId(entryId);
    return this.file.intents.some((intent) => intent.entryId === id);
  }

  /** Harvest's id for a provisional one whose create went through; the id itself otherwise. */
  realId(entryId: number): number {
    return realIdOf(this.file, entryId);
  }

  /** The entry as the queue will leave it: undefined where no change touches it, null when deleted. */
  shownEntry(entryId: number): TimeEntry | null | undefined {
    const id = this.realId(entryId);
    const last = this.file.intents.filter((intent) => intent.entryId === id).at(-1);
    return last === undefined ? undefined : last.shown;
  }

  /** Entries made while offline, and entries whose changes wait, as they will be. */
  overlay(harvest: TimeEntry[], range: { from: LocalDate; to: LocalDate }): TimeEntry[] {
    return overlayEntries(harvest, this.file.intents, range);
  }

  /** A provisional id for an entry made now; kept on disk with the change that uses it. */
  takeProvisionalId(): number {
    const [id, next] = provisionalId(this.file);
    this.file = next;
    return id;
  }

  /**
   * Keeps a change: resolves once it is on disk, with the change as kept (a create may have taken
   * another provisional id, see claimProvisionalId). Then sending is tried.
   */
  async keep(change: Intent): Promise<Intent> {
    const kept = await this.mutate((file) => {
      const [claimed, own] = claimProvisionalId(file, change);
      return [keepChange(claimed, own), own];
    });
    this.changed();
    // Offline, trying at once would only mark the change as maybe sent (and stop it folding
    // with the next one); the backoff timer, or Harvest's next answer, tries soon enough.
    this.tryAfterKeeping();
    return kept;
  }

  private tryAfterKeeping(): void {
    if (this.options.offline?.() !== true) this.wake();
    else if (this.timer === null && this.draining === null) this.schedule(undefined);
  }

  /**
   * Another process changed the file: the list is read again, told, and what it holds is tried.
   * Several moves of the file in a burst are read once.
   */
  seeOthers(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.seeing ??= this.options.file
      .peek()
      .then((file) => {
        if (file === this.file || this.closed) return;
        this.file = file;
        this.changed();
        if (this.hasSendable() && this.draining === null) this.tryAfterKeeping();
      })
      .catch(() => undefined)
      .finally(() => {
        this.seeing = null;
      });
    return this.seeing;
  }

  async retry(id: string): Promise<PendingChange[]> {
    await this.mutate((file) => {
      const intent = file.intents.find((candidate) => candidate.id === id);
      if (intent === undefined) throw gone();
      return [updateChange(file, { ...intent, refusal: null }), undefined];
    });
    this.changed();
    this.failures = 0;
    this.wake();
    return this.list();
  }

  async discard(id: string): Promise<PendingChange[]> {
    await this.mutate((file) => {
      if (!file.intents.some((candidate) => candidate.id === id)) throw gone();
      return [discardChange(file, id), undefined];
    });
    this.changed();
    return this.list();
  }

  /** Try now (Harvest answered, the machine woke, a change was kept); a backoff wait is cut short. */
  wake(): void {
    if (this.closed) return;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    void this.drain();
  }

  /** Sends what can be sent, in order; resolves when the queue is empty, blocked or waiting. */
  drain(): Promise<void> {
    if (this.draining !== null) {
      // Asked while a run is ending (it may have just given up): another run follows it.
      this.again = true;
      return this.draining;
    }
    this.draining = this.sendAll().finally(() => {
      this.draining = null;
      if (this.again && !this.closed) {
        this.again = false;
        if (this.timer === null) void this.drain();
      }
    });
    return this.draining;
  }

  /** Stops sending (sign-out, switch, quit): the change on its way finishes, the rest stays on disk. */
  async close(): Promise<void> {
    this.closed = true;
    this.unwatch();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
    await this.seeing;
    if (this.emitTimer !== null) clearTimeout(this.emitTimer);
  }

  private async sendAll(): Promise<void> {
    const replayOne = this.options.replayOne ?? replayChange;
    for (;;) {
      if (this.closed) return;
      this.again = false;
      // Chosen and marked as on its way in one change under the lock: another process draining
      // the same file meets it marked, lets it land and checks it, so it is never sent twice.
      const step = await this.mutate((file): [QueueFile, SendStep] => {
        const next = nextToSend(file);
        if (next === null) return [file, { kind: 'none' }];
        const landing = (next.sentAt ?? 0) + (this.options.landingMs ?? LANDING_MS) - Date.now();
        if (next.attempts > 0 && landing > 0) return [file, { kind: 'landing', waitMs: landing }];
        const sending: Intent = { ...next, attempts: next.attempts + 1, sentAt: Date.now() };
        return [updateChange(file, sending), { kind: 'send', next, sending }];
      });
      if (step.kind === 'none') return;
      if (step.kind === 'landing') {
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.drain();
        }, step.waitMs);
        this.timer.unref?.();
        return;
      }
      const { next, sending } = step;
      // Replayed as it was before this try: only an earlier send may have reached Harvest.
      const outcome = await replayOne(next, this.options.replay);
      if (outcome.kind === 'unreachable') {
        // Not sent at all (refused before it left): it is only ours still, as before the try.
        if (!outcome.mayHaveApplied) await this.mutate((file) => [updateChange(file, next), undefined]);
        this.schedule(outcome.retryAfterMs);
        this.changed();
        return;
      }
      if (outcome.kind === 'signed-out') return;
      this.failures = 0;
      // A change discarded meanwhile (in another window or process) stays discarded.
      await this.mutate((file) => {
        if (outcome.kind === 'refused') return [updateChange(file, { ...sending, refusal: outcome.refusal }), undefined];
        const through = removeChange(file, sending.id);
        return [outcome.entryId === undefined ? through : resolveEntry(through, sending.entryId, outcome.entryId), undefined];
      });
      this.changed();
    }
  }

  private schedule(retryAfterMs: number | undefined): void {
    if (this.closed) return;
    const backoff = backoffDelayMs(this.failures, this.options.backoff ?? QUEUE_BACKOFF, this.options.random ?? Math.random);
    this.failures += 1;
    const wait = Math.max(backoff, retryAfterMs ?? 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, wait);
    // A waiting queue does not keep a command line or a test process alive; the file keeps it.
    this.timer.unref?.();
  }

  /** Changes the list as it is on disk (see QueueFileStore.update); this process then shows that. */
  private async mutate<T>(change: (file: QueueFile) => [QueueFile, T]): Promise<T> {
    const { file, result } = await this.options.file.update(change);
    this.file = file;
    return result;
  }

  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private emitAgain = false;

  /** Tells the list at once, then at most every 100 ms while a burst of changes goes out. */
  private changed(): void {
    if (this.emitTimer !== null) {
      this.emitAgain = true;
      return;
    }
    this.options.onChange(this.list());
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      if (this.emitAgain) {
        this.emitAgain = false;
        this.changed();
      }
    }, 100);
    this.emitTimer.unref?.();
  }
}

type SendStep =
  | { kind: 'none' }
  | { kind: 'landing'; waitMs: number }
  | { kind: 'send'; next: Intent; sending: Intent };

function gone(): AppFailure {
  return new AppFailure({ kind: 'not-found', message: 'That change is no longer waiting: it was sent or discarded.' });
}
