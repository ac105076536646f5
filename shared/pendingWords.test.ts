import { describe, expect, it } from 'vitest';
import type { SyncState } from './domain';
import { changeTitle, countChanges, syncSummary } from './pendingWords';

const sync = (state: Partial<SyncState>): SyncState => ({ online: true, pending: 0, refused: 0, lastSyncedAt: null, ...state });

describe('the words for changes not yet in Harvest', () => {
  it('counts changes in words, one and many', () => {
    expect(countChanges(1)).toBe('1 change');
    expect(countChanges(3)).toBe('3 changes');
  });

  it('says nothing when all is in Harvest, and says offline on its own', () => {
    expect(syncSummary(sync({}))).toBe('');
    expect(syncSummary(sync({ online: false }))).toBe('Offline — showing what was last loaded.');
  });

  it('says offline and how many changes wait', () => {
    expect(syncSummary(sync({ online: false, pending: 2 }))).toBe('Offline — 2 changes waiting to be sent.');
    expect(syncSummary(sync({ pending: 3 }))).toBe('3 changes waiting to be sent.');
  });

  it('says refused changes apart from waiting ones, and checked ones as checked', () => {
    expect(syncSummary(sync({ pending: 1, refused: 1 }))).toBe('1 change refused by Harvest.');
    expect(syncSummary(sync({ online: false, pending: 3, refused: 1 }))).toBe(
      'Offline — 2 changes waiting to be sent, 1 refused by Harvest.',
    );
    expect(syncSummary(sync({ pending: 2 }), 1)).toBe('1 change waiting to be sent, 1 being checked with Harvest.');
    expect(syncSummary(sync({ pending: 1 }), 1)).toBe('1 change being checked with Harvest.');
  });

  it('names a change by what it does and to what', () => {
    const change = { kind: 'stop', projectName: 'Website', taskName: 'Design', clientName: 'Acme' } as const;
    expect(changeTitle(change)).toBe('Stop timer · Website · Design');
    expect(changeTitle({ ...change, kind: 'create', taskName: null })).toBe('New entry · Website');
    expect(changeTitle({ ...change, kind: 'delete', projectName: null, taskName: null })).toBe('Delete entry');
  });
});
