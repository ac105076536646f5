import { describe, expect, it } from 'vitest';
import { makeEntry } from '../testing/fakeHarvestTray';
import { recentTriples, tripleKey } from './useRecentTriples';

describe('recentTriples', () => {
  it('keeps each project/task/notes once, in the order given (most recent first), up to the limit', () => {
    const entries = [
      makeEntry({ id: 1, notes: 'Wireframes' }),
      makeEntry({ id: 2, notes: 'Wireframes ' }),
      makeEntry({ id: 3, notes: 'Copy review' }),
      makeEntry({ id: 4, notes: null, task: { id: 22, name: 'Development' } }),
      makeEntry({ id: 5, notes: '', task: { id: 22, name: 'Development' } }),
      makeEntry({ id: 6, notes: 'Older' }),
    ];
    const triples = recentTriples(entries, 3);
    expect(triples.map((triple) => [triple.task.name, triple.notes])).toEqual([
      ['Design', 'Wireframes'],
      ['Design', 'Copy review'],
      ['Development', null],
    ]);
  });

  it('gives an entry and its triple the same key, whatever trailing space the notes carry', () => {
    const entry = makeEntry({ notes: 'Wireframes  ' });
    const [triple] = recentTriples([entry], 1);
    expect(triple?.key).toBe(tripleKey(entry));
    expect(tripleKey(makeEntry({ notes: 'Wireframes' }))).toBe(triple?.key);
  });
});
