import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError, call, isBridgeError, onEvent } from './bridge';
import { createFakeHarvestTray, installFakeHarvestTray } from '../testing/fakeHarvestTray';

afterEach(() => {
  delete (globalThis as { harvestTray?: unknown }).harvestTray;
});

describe('call', () => {
  it('unwraps a successful reply to its value', async () => {
    installFakeHarvestTray(createFakeHarvestTray());
    const sync = await call('sync.get', {});
    expect(sync).toEqual({ online: true, pending: 0, refused: 0, lastSyncedAt: null });
  });

  it('passes the request through unchanged', async () => {
    const fake = createFakeHarvestTray();
    installFakeHarvestTray(fake);
    await call('entries.list', { from: '2026-11-16', to: '2026-11-22' });
    expect(fake.callsTo('entries.list')).toEqual([{ from: '2026-11-16', to: '2026-11-22' }]);
  });

  it('throws a BridgeError carrying the kind and message of a refusal', async () => {
    const fake = createFakeHarvestTray();
    fake.refuse('timer.stop', { kind: 'rejected', message: 'Timer is not running', field: 'id' });
    installFakeHarvestTray(fake);
    const error = await call('timer.stop', { id: 1 }).catch((caught: unknown) => caught);
    expect(isBridgeError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'rejected', message: 'Timer is not running', field: 'id' });
  });

  it('reads a bridge that throws instead of replying as offline', async () => {
    installFakeHarvestTray(
      Object.assign(createFakeHarvestTray(), {
        'sync.get': () => Promise.reject(new Error('Failed to fetch')),
      }),
    );
    await expect(call('sync.get', {})).rejects.toMatchObject({ kind: 'offline', message: 'Failed to fetch' });
  });

  it('refuses a reply that is not an envelope', async () => {
    installFakeHarvestTray(Object.assign(createFakeHarvestTray(), { 'sync.get': () => Promise.resolve('yes') }));
    await expect(call('sync.get', {})).rejects.toMatchObject({ kind: 'unexpected' });
  });

  it('says so when there is no bridge at all', async () => {
    await expect(call('sync.get', {})).rejects.toBeInstanceOf(BridgeError);
  });
});

describe('onEvent', () => {
  it('delivers events until unsubscribed', () => {
    const fake = createFakeHarvestTray();
    installFakeHarvestTray(fake);
    const seen: unknown[] = [];
    const stop = onEvent('sync.changed', (state) => seen.push(state.pending));
    fake.emit('sync.changed', { online: false, pending: 2, refused: 0, lastSyncedAt: null });
    stop();
    fake.emit('sync.changed', { online: false, pending: 3, refused: 0, lastSyncedAt: null });
    expect(seen).toEqual([2]);
  });
});
