import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { withLastShown } from './lastShownEntries';

const DAY = { from: '2026-11-21', to: '2026-11-21' };

function snapshot(...readings: { key: unknown[]; at: number; entries: TimeEntry[] }[]): string {
  const queries = readings.map(({ key, at, entries }) => ({ queryKey: key, state: { data: entries, dataUpdatedAt: at } }));
  return JSON.stringify({ savedAt: 1, state: { mutations: [], queries } });
}

describe('withLastShown', () => {
  it('adds what the popover last showed to what this run read, which wins', () => {
    const read = [timeEntry({ id: 1, notes: 'read now' })];
    const shown = snapshot({ key: ['entries', DAY.from, DAY.to], at: 1, entries: [timeEntry({ id: 1, notes: 'shown before' }), timeEntry({ id: 2 })] });
    expect(withLastShown(read, shown, DAY).map((entry) => [entry.id, entry.notes])).toEqual([
      [1, 'read now'],
      [2, null],
    ]);
  });

  it('leaves out entries made offline, marks, other days and other queries; the newest reading wins', () => {
    const mark = { changeId: 'change-1', changes: 1, status: { state: 'waiting' as const, message: 'Waiting to be sent.' } };
    const shown = snapshot(
      { key: ['entries', '2026-11-16', '2026-11-22'], at: 1, entries: [timeEntry({ id: 3, notes: 'older' }), timeEntry({ id: 4, spentDate: '2026-11-20' })] },
      { key: ['entries', DAY.from, DAY.to], at: 2, entries: [timeEntry({ id: -1 }), timeEntry({ id: 3, notes: 'newer', pending: mark })] },
      { key: ['choices'], at: 3, entries: [timeEntry({ id: 5 })] },
    );
    const result = withLastShown([], shown, DAY);
    expect(result.map((entry) => [entry.id, entry.notes])).toEqual([[3, 'newer']]);
    expect(result[0]).not.toHaveProperty('pending');
  });

  it('is what this run read where there is no snapshot or it cannot be read', () => {
    const read = [timeEntry({ id: 1 })];
    expect(withLastShown(read, null, DAY)).toEqual(read);
    expect(withLastShown(read, '{not json', DAY)).toEqual(read);
  });
});
