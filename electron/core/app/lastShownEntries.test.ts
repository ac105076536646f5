import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { lastShownEntries, withLastShown } from './lastShownEntries';

const DAY = { from: '2026-11-21', to: '2026-11-21' };

function snapshot(...readings: { key: unknown[]; at: number; entries: TimeEntry[] }[]): string {
  const queries = readings.map(({ key, at, entries }) => ({ queryKey: key, state: { data: entries, dataUpdatedAt: at } }));
  return JSON.stringify({ savedAt: 1, state: { mutations: [], queries } });
}

describe('withLastShown', () => {
  it('adds what the popover last showed to what this run read, which wins', () => {
    const read = [timeEntry({ id: 1, notes: 'read now' })];
    const shown = snapshot({ key: ['entries', DAY.from, DAY.to], at: 1, entries: [timeEntry({ id: 1, notes: 'shown before' }), timeEntry({ id: 2 })] });
    expect(withLastShown(read, lastShownEntries(shown), DAY).map((entry) => [entry.id, entry.notes])).toEqual([
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
    const result = withLastShown([], lastShownEntries(shown), DAY);
    expect(result.map((entry) => [entry.id, entry.notes])).toEqual([[3, 'newer']]);
    expect(result[0]).not.toHaveProperty('pending');
  });

  it('is what this run read where there is no snapshot or it cannot be read', () => {
    const read = [timeEntry({ id: 1 })];
    expect(withLastShown(read, lastShownEntries(null), DAY)).toEqual(read);
    expect(withLastShown(read, lastShownEntries('{not json'), DAY)).toEqual(read);
  });

  it('takes a timer shown running before as stopped once this run knows which timer runs', () => {
    const shown = lastShownEntries(
      snapshot({ key: ['entries', DAY.from, DAY.to], at: 1, entries: [timeEntry({ id: 7, isRunning: true, timerStartedAt: '2026-11-21T09:00:00Z' })] }),
    );
    expect(withLastShown([], shown, DAY)[0]).toMatchObject({ id: 7, isRunning: true });
    expect(withLastShown([], shown, DAY, true)[0]).toMatchObject({ id: 7, isRunning: false, timerStartedAt: null });
    const runningNow = timeEntry({ id: 8, isRunning: true, timerStartedAt: '2026-11-21T10:00:00Z' });
    expect(withLastShown([runningNow], shown, DAY).find((entry) => entry.id === 7)).toMatchObject({ isRunning: false });
  });
});
