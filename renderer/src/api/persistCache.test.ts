import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHarvestTray, installFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { persistQueryCache, restoreQueryCache, snapshotQueryCache } from './persistCache';
import type { Session } from '../../../shared/domain';
import { accountKeyOf } from './accountKey';
import { queryKeys } from './queryKeys';

afterEach(() => vi.useRealTimers());

const STUDIO = signedIn('https://api.harvestapp.com/v2', 100001);
const STUDIO_KEY = accountKeyOf(STUDIO);

function signedIn(server: string, id: number): Session {
  return {
    state: 'signed-in',
    account: { id, name: 'Northwind Studio' },
    name: 'work',
    server,
    user: { id: 1, firstName: 'A', lastName: 'B', email: 'a@example.com', weeklyCapacity: 0 },
    demo: false,
    vaultBackend: 'keyring',
  };
}

describe('query cache persistence', () => {
  it('keeps entries, choices, company and me, and nothing else', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.entries('2026-11-21', '2026-11-21'), [makeEntry()]);
    client.setQueryData(queryKeys.company, { name: 'A' });
    client.setQueryData(queryKeys.session, { state: 'signed-out', reason: null });
    client.setQueryData(queryKeys.settings, { hoursDisplay: 'decimal' });
    const snapshot = JSON.parse(snapshotQueryCache(client)) as { state: { queries: { queryKey: unknown[] }[] } };
    const roots = snapshot.state.queries.map((query) => query.queryKey[0]).sort();
    expect(roots).toEqual(['company', 'entries']);
  });

  it('restores a saved snapshot into a fresh client before anything is fetched', async () => {
    const source = new QueryClient();
    source.setQueryData(queryKeys.session, STUDIO);
    source.setQueryData(queryKeys.entries('2026-11-21', '2026-11-21'), [makeEntry({ id: 42 })]);
    const fake = createFakeHarvestTray();
    fake.handle('queryCache.load', () => snapshotQueryCache(source));
    installFakeHarvestTray(fake);

    const target = new QueryClient();
    expect(await restoreQueryCache(target, Promise.resolve(STUDIO_KEY))).toBe(true);
    expect(target.getQueryData(queryKeys.entries('2026-11-21', '2026-11-21'))).toEqual([makeEntry({ id: 42 })]);
  });

  it('never restores another account’s snapshot, nor one on another server, nor any while signed out', async () => {
    const source = new QueryClient();
    source.setQueryData(queryKeys.session, STUDIO);
    source.setQueryData(queryKeys.entries('2026-11-21', '2026-11-21'), [makeEntry({ id: 42 })]);
    const fake = createFakeHarvestTray();
    fake.handle('queryCache.load', () => snapshotQueryCache(source));
    installFakeHarvestTray(fake);

    for (const other of [signedIn('https://api.harvestapp.com/v2', 100002), signedIn('http://127.0.0.1:5050/v2', 100001)]) {
      const target = new QueryClient();
      expect(await restoreQueryCache(target, accountKeyOf(other))).toBe(false);
      expect(target.getQueryData(queryKeys.entries('2026-11-21', '2026-11-21'))).toBeUndefined();
    }
    expect(await restoreQueryCache(new QueryClient(), null)).toBe(false);
  });

  it('treats a broken or stale snapshot as a cold start', async () => {
    const fake = createFakeHarvestTray();
    installFakeHarvestTray(fake);
    fake.handle('queryCache.load', () => '{not json');
    expect(await restoreQueryCache(new QueryClient(), STUDIO_KEY)).toBe(false);
    fake.handle('queryCache.load', () => JSON.stringify({ savedAt: 0, account: STUDIO_KEY, state: { queries: [], mutations: [] } }));
    expect(await restoreQueryCache(new QueryClient(), STUDIO_KEY)).toBe(false);
  });

  it('saves once after a burst of changes, and skips identical snapshots', async () => {
    vi.useFakeTimers();
    const fake = createFakeHarvestTray();
    installFakeHarvestTray(fake);
    const client = new QueryClient();
    client.setQueryData(queryKeys.session, STUDIO);
    const persistence = persistQueryCache(client, 1_000);
    client.setQueryData(queryKeys.entries('2026-11-21', '2026-11-21'), [makeEntry({ hours: 1 })]);
    client.setQueryData(queryKeys.entries('2026-11-21', '2026-11-21'), [makeEntry({ hours: 2 })]);
    expect(fake.callsTo('queryCache.save')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.callsTo('queryCache.save')).toHaveLength(1);
    const saved = (fake.callsTo('queryCache.save')[0] as { snapshot: string }).snapshot;
    expect(saved).toContain('"hours":2');
    persistence.flush();
    expect(fake.callsTo('queryCache.save')).toHaveLength(1);
    persistence.stop();
  });
});
