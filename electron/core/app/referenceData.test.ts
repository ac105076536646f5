import { describe, expect, it } from 'vitest';
import type { HarvestClient } from '../harvest/HarvestClient';
import { scopeKey } from './accountScope';
import { createMemoryStore } from './memory';
import { ReferenceCache } from './referenceCache';
import { REFERENCE_FRESH_MS, ReferenceData } from './referenceData';
import { wireCompany } from './testing/wireBuilders';

const ACCOUNT = { apiUrl: 'https://api.harvestapp.com/v2', accountId: 100001 };

function setup() {
  let time = new Date('2026-11-21T09:00:00Z').getTime();
  const now = () => new Date(time);
  const store = createMemoryStore();
  const cache = new ReferenceCache(store, now);
  let companyName = 'Northwind Studio';
  let requests = 0;
  // Only getCompany is reached in these tests; the rest of the client is never called.
  const client = {
    getCompany: async () => {
      requests += 1;
      return wireCompany({ name: companyName });
    },
  } as unknown as HarvestClient;
  const call = <T>(work: (c: HarvestClient) => Promise<T>) => work(client);
  const data = new ReferenceData(ACCOUNT, cache, call, now);
  return {
    store,
    cache,
    data,
    requests: () => requests,
    advance: (ms: number) => {
      time += ms;
    },
    rename: (name: string) => {
      companyName = name;
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReferenceData', () => {
  it('fetches once, then answers from the cache while it is fresh', async () => {
    const t = setup();
    expect((await t.data.company()).name).toBe('Northwind Studio');
    t.advance(REFERENCE_FRESH_MS - 1);
    await t.data.company();
    expect(t.requests()).toBe(1);
  });

  it('answers a stale cache at once and refreshes it in the background', async () => {
    const t = setup();
    await t.data.company();
    t.rename('Northwind Studio Ltd');
    t.advance(REFERENCE_FRESH_MS + 1);
    expect((await t.data.company()).name).toBe('Northwind Studio');
    await flush();
    expect(t.requests()).toBe(2);
    expect((await t.data.company()).name).toBe('Northwind Studio Ltd');
    expect(t.requests()).toBe(2);
  });

  it('shares one request between callers asking together', async () => {
    const t = setup();
    await Promise.all([t.data.company(), t.data.company(), t.data.company()]);
    expect(t.requests()).toBe(1);
  });

  it('treats a cache entry that does not fit its schema as absent', async () => {
    const t = setup();
    t.store.set(`cache-${scopeKey(ACCOUNT)}-company`, { value: { name: 42 }, fetchedAt: Date.now() });
    expect((await t.data.company()).name).toBe('Northwind Studio');
    expect(t.requests()).toBe(1);
    t.store.set(`cache-${scopeKey(ACCOUNT)}-company`, 'not even an object');
    expect(t.cache.read(ACCOUNT, 'company')).toBeNull();
  });

  it('wipes every kind of one account and leaves other accounts alone, on its server and others', async () => {
    const t = setup();
    await t.data.company();
    const other = { ...ACCOUNT, accountId: 200002 };
    const elsewhere = { ...ACCOUNT, apiUrl: 'http://127.0.0.1:5050/v2' };
    t.cache.write(ACCOUNT, 'account', { id: 100001, name: 'Northwind Studio' });
    t.cache.write(other, 'account', { id: 200002, name: 'Other' });
    t.cache.write(elsewhere, 'account', { id: 100001, name: 'Northwind Studio, simulated' });
    t.cache.wipe(ACCOUNT);
    expect(t.store.keys().sort()).toEqual([`cache-${scopeKey(other)}-account`, `cache-${scopeKey(elsewhere)}-account`].sort());
    expect(t.cache.read(elsewhere, 'account')?.value.name).toBe('Northwind Studio, simulated');
  });

  it('names one server the same however its address is written', () => {
    expect(scopeKey({ apiUrl: 'https://API.harvestapp.com/v2/', accountId: 1 })).toBe(scopeKey({ apiUrl: 'https://api.harvestapp.com/v2', accountId: 1 }));
    expect(scopeKey({ apiUrl: 'https://api.harvestapp.com/v2', accountId: 1 })).not.toBe(scopeKey({ apiUrl: 'http://127.0.0.1:5050/v2', accountId: 1 }));
    expect(scopeKey({ apiUrl: 'https://api.harvestapp.com/v2', accountId: 1 })).toMatch(/^[\w-]+$/);
  });
});
