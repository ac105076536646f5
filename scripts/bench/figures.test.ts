import { describe, expect, it } from 'vitest';
import { formatFigure, median } from './figures';
import { sampleYear } from './sampleYear';

describe('formatFigure', () => {
  it('prints the value beside its target and says ok when it is met', () => {
    expect(formatFigure({ name: 'renderer JS gzipped', value: 142.14, unit: 'KB', limit: 150 })).toBe(
      'renderer JS gzipped: 142.1 KB (target <= 150 KB) ok',
    );
    expect(formatFigure({ name: 'requests', value: 1, unit: 'requests', limit: 1 })).toBe(
      'requests: 1 requests (target <= 1 requests) ok',
    );
  });

  it('says MISSED when the target is exceeded or nothing could be measured', () => {
    expect(formatFigure({ name: 'load', value: 121, unit: 'ms', limit: 100, note: 'median of 5' })).toBe(
      'load: 121 ms (target <= 100 ms) MISSED — median of 5',
    );
    expect(formatFigure({ name: 'load', value: null, unit: 'ms', limit: 100, note: 'no browser' })).toBe(
      'load: not measured (target <= 100 ms) MISSED — no browser',
    );
  });
});

describe('a figure that must reach its target', () => {
  it('prints the target as a floor and says MISSED below it', () => {
    expect(formatFigure({ name: 'queue replay rate', value: 96.8, unit: '% of the limit', limit: 90, atLeast: true })).toBe(
      'queue replay rate: 96.8 % of the limit (target >= 90 % of the limit) ok',
    );
    expect(formatFigure({ name: 'queue replay rate', value: 80, unit: '%', limit: 90, atLeast: true })).toBe(
      'queue replay rate: 80 % (target >= 90 %) MISSED',
    );
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('sampleYear', () => {
  it('gives the number of entries asked for, ending on the given day, one running', () => {
    const entries = sampleYear(2_000, '2026-11-21', new Date('2026-11-21T15:00:00Z'));
    expect(entries).toHaveLength(2_000);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(2_000);
    expect(entries.map((entry) => entry.spentDate).sort().at(-1)).toBe('2026-11-21');
    expect(entries.filter((entry) => entry.isRunning)).toHaveLength(1);
    expect(new Set(entries.map((entry) => entry.spentDate)).size).toBe(250);
  });
});
