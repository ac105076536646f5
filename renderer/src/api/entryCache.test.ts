import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../testing/fakeHarvestTray';
import { runningCachedEntry } from './entryCache';
import { queryKeys } from './queryKeys';

const running = (overrides = {}) =>
  makeEntry({ id: 7, spentDate: '2026-11-22', isRunning: true, timerStartedAt: '2026-11-22T22:00:00Z', updatedAt: '2026-11-22T22:00:00Z', ...overrides });

describe('the running entry in the cache', () => {
  it('is found whatever list holds it', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.entries('2026-11-23', '2026-11-29'), [makeEntry({ id: 1, spentDate: '2026-11-23' })]);
    client.setQueryData(queryKeys.entries('2026-11-16', '2026-11-22'), [running()]);
    expect(runningCachedEntry(client)?.id).toBe(7);
  });

  it('is not running where a newer reading in another list says it stopped, nor on a tie', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.entries('2026-11-16', '2026-11-22'), [running()]);
    client.setQueryData(queryKeys.entries('2026-11-22', '2026-11-22'), [
      running({ isRunning: false, timerStartedAt: null, updatedAt: '2026-11-23T08:00:00Z' }),
    ]);
    expect(runningCachedEntry(client)).toBeNull();
    client.setQueryData(queryKeys.entries('2026-11-22', '2026-11-22'), [running({ isRunning: false, timerStartedAt: null })]);
    expect(runningCachedEntry(client)).toBeNull();
    // A restart read later than the stop runs again.
    client.setQueryData(queryKeys.entries('2026-11-16', '2026-11-22'), [running({ updatedAt: '2026-11-23T09:00:00Z' })]);
    expect(runningCachedEntry(client)?.id).toBe(7);
  });
});
