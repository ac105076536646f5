import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../../shared/domain';
import { SyncTracker } from './syncState';

function tracker(pending = 0, refused = 0) {
  const changes: SyncState[] = [];
  const sync = new SyncTracker(
    () => new Date('2026-11-21T09:00:00Z'),
    (state) => changes.push(state),
    { count: () => pending, refused: () => refused },
  );
  return { sync, changes };
}

describe('SyncTracker', () => {
  it('starts online with nothing synced yet', () => {
    expect(tracker().sync.state()).toEqual({ online: true, pending: 0, refused: 0, lastSyncedAt: null });
  });

  it('goes offline on a lost connection or a timeout, and back online on the next answer', () => {
    const { sync, changes } = tracker();
    sync.failed('offline');
    sync.failed('timeout');
    expect(sync.state().online).toBe(false);
    expect(changes).toHaveLength(1);
    sync.reached();
    expect(sync.state()).toEqual({ online: true, pending: 0, refused: 0, lastSyncedAt: '2026-11-21T09:00:00.000Z' });
    expect(changes.at(-1)?.online).toBe(true);
  });

  it('counts a refusal from Harvest as an answer', () => {
    const { sync } = tracker();
    sync.failed('offline');
    sync.failed('rejected');
    expect(sync.state().online).toBe(true);
  });

  it('reports what the pending-changes queue counts, refused ones apart', () => {
    const state = tracker(3, 1).sync.state();
    expect(state.pending).toBe(3);
    expect(state.refused).toBe(1);
  });

  it('tells the popover when the queue changed, online or not', () => {
    const { sync, changes } = tracker(2);
    sync.pendingChanged();
    expect(changes).toEqual([{ online: true, pending: 2, refused: 0, lastSyncedAt: null }]);
  });
});
