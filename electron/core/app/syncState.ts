// Whether Harvest answered lately, and how many changes wait to be sent. The pending count comes
// from a seam: there is no durable queue yet, so it reports none.
import type { SyncState } from '../../../shared/domain';
import type { AppErrorKind } from '../../../shared/errors';

/** What a durable pending-changes queue will provide; until it exists, nothing waits. */
export interface PendingChanges {
  count(): number;
}

export const NO_PENDING_CHANGES: PendingChanges = { count: () => 0 };

/** Failures that mean Harvest could not be reached, as opposed to Harvest saying no. */
const UNREACHABLE: ReadonlySet<AppErrorKind> = new Set(['offline', 'timeout']);

export class SyncTracker {
  private online = true;
  private lastSyncedAt: string | null = null;

  constructor(
    private readonly now: () => Date,
    private readonly onChange: (state: SyncState) => void,
    private readonly pending: PendingChanges = NO_PENDING_CHANGES,
  ) {}

  state(): SyncState {
    return { online: this.online, pending: this.pending.count(), lastSyncedAt: this.lastSyncedAt };
  }

  /** Harvest answered (any answer, even a refusal, proves the connection works). */
  reached(): void {
    const wasOnline = this.online;
    const first = this.lastSyncedAt === null;
    this.online = true;
    this.lastSyncedAt = this.now().toISOString();
    // Every answer moves lastSyncedAt; telling the popover about each one would be noise.
    if (!wasOnline || first) this.onChange(this.state());
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
