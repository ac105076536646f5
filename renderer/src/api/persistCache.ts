// Keeps the query cache on disk through the main process, so the popover opens with the entries it
// last showed. @tanstack/query-persist-client-core is not a dependency here; dehydrate/hydrate
// from react-query do the real work and this file only wires them to the two bridge channels.
import { dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';
import { currentAccountKey } from './accountKey';
import { call } from './bridge';
import { persistedRoots } from './queryKeys';
import { markEntriesUnconfirmed } from './viewFreshness';

const SAVE_DELAY_MS = 1_000;
/** A snapshot older than this is worse than none: entries and choices will have moved on. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** `account`: whose data it holds (./accountKey.ts), so a snapshot taken just before a switch
 * and saved just after it, under the next account, is never shown as that account's. */
type Snapshot = { savedAt: number; account: string | null; state: unknown };

function isSnapshot(value: unknown): value is Snapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { savedAt?: unknown }).savedAt === 'number' &&
    typeof (value as { state?: unknown }).state === 'object'
  );
}

/**
 * Loads the last snapshot of the account into the client, if it is that account's. Never throws:
 * a missing, broken or other account's cache means a cold start.
 */
export async function restoreQueryCache(
  client: QueryClient,
  account: string | null | Promise<string | null>,
  now: () => number = Date.now,
): Promise<boolean> {
  try {
    const text = await call('queryCache.load', {});
    if (!text) return false;
    const parsed: unknown = JSON.parse(text);
    if (!isSnapshot(parsed) || now() - parsed.savedAt > MAX_AGE_MS) return false;
    // The main process has checked every query's data against the contract's reply schemas
    // (core/app/queryCacheFile.ts) before handing the text over; zod stays out of this bundle.
    const expected = await account;
    if (expected === null || parsed.account !== expected) return false;
    hydrate(client, parsed.state as Parameters<typeof hydrate>[1]);
    markEntriesUnconfirmed(client);
    return true;
  } catch {
    return false;
  }
}

export function snapshotQueryCache(client: QueryClient, now: () => number = Date.now): string {
  const state = dehydrate(client, {
    shouldDehydrateQuery: (query) =>
      query.state.status === 'success' && persistedRoots.has(String(query.queryKey[0])),
  });
  return JSON.stringify({ savedAt: now(), account: currentAccountKey(client), state } satisfies Snapshot);
}

/** Saves a debounced snapshot whenever persisted data changes; returns a function that stops it. */
export function persistQueryCache(client: QueryClient, delayMs = SAVE_DELAY_MS): { flush: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = '';

  const save = () => {
    timer = undefined;
    // Signed out (or not known yet) there is no account to keep it for.
    if (currentAccountKey(client) === null) return;
    const snapshot = snapshotQueryCache(client);
    // The timestamp changes every time; compare without it to skip identical writes.
    const withoutTime = snapshot.replace(/^\{"savedAt":\d+,/, '{');
    if (withoutTime === lastSaved) return;
    lastSaved = withoutTime;
    call('queryCache.save', { snapshot }).catch(() => {
      // Losing a cache snapshot costs only a slower next start; the data lives in Harvest.
      lastSaved = '';
    });
  };

  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || !persistedRoots.has(String(event.query.queryKey[0]))) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });

  return {
    flush: () => {
      if (timer !== undefined) clearTimeout(timer);
      save();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  };
}
