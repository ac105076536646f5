// Whether Harvest answered lately, and how many changes wait to be sent. The counts come from the
// current account's pending-changes queue (core/queue), through a seam so this stays testable.
import type { SyncState } from '../../../shared/domain';
import type { AppErrorKind } from '../../../shared/errors';

/** What the durable pending-changes queue tells the sync state. */
export interface PendingChanges {
  /** Changes kept and not yet confirmed by Harvest, refused ones included. */
  count(): number;
  /** Of those, the ones Harvest refused on replay. */
  refused(): number;
}

/** Signed out, or before the queue is read: nothing waits. */
export const NO_PENDING_CHANGES: PendingChanges = { count: () => 0, refused: () => 0 };

/** Failures that mean Harvest could not be reached, as opposed to Harvest saying no. */
const UNREACHABLE: ReadonlySet<AppErrorKind> = new Set(['offline', 'timeout']);

export class SyncTracker {
  private online = true;
  private lastSyncedAt: string | null = null;

  constructor(
    private readonly now: () => Date,
    private readonly onChange: (state: SyncState) => void,
    private pending: PendingChanges = NO_PENDING_CHANGES,
  ) {}

  state(): SyncState {
    return {
      online: this.online,
      pending: this.pending.count(),
      refused: this.pending.refused(),
      lastSyncedAt: this.lastSyncedAt,
    };
  }

  /** The queue of the account now signed in (or none); tells the popover the new counts. */
  countFrom(pending: PendingChanges): void {
    this.pending = pending;
    this.pendingChanged();
  }

  /** A change was kept, sent, refused or dropped: the counts moved. */
  pendingChanged(): void {
    this.onChange(this.state());
  }

  private readonly backOnline = new Set<() => void>();

  /** Hears the first answer after Harvest could not be reached (the queue sends then). */
  whenBackOnline(listener: () => void): void {
    this.backOnline.add(listener);
  }

  /** Harvest answered (any answer, even a refusal, proves the connection works). */
  reached(): void {
    const wasOnline = this.online;
    const first = this.lastSyncedAt === null;
    this.online = true;
    this.lastSyncedAt = this.now().toISOString();
    // Every answer moves lastSyncedAt; telling the popover about each one would be noise.
    if (!wasOnline || first) this.onChange(this.state());
    if (!wasOnline) for (const listener of this.backOnline) listener();
  }

  failed(kind: AppErrorKind): void {
    if (!UNREACHABLE.has(kind)) {
      this.reached();
      return;
    }
    if (!this.online) return;
    this.online = false;
    this.onChange(this.state());
  }
}
