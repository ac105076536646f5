import { describe, expect, it } from 'vitest';
import { createFakeHarvestTray, installFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { call } from './bridge';
import { createQueryClient } from './queryClient';
import { queryKeys } from './queryKeys';

describe('query client', () => {
  it('asks for the session again when Harvest refuses the token on a read', async () => {
    const fake = createFakeHarvestTray();
    installFakeHarvestTray(fake);
    fake.refuse('entries.list', { kind: 'signed-out', message: 'Your Harvest token was revoked. Sign in again.' });
    const client = createQueryClient();
    const observer = client.getQueryCache().build(client, { queryKey: queryKeys.session, queryFn: () => call('session.get', {}) });
    await client.fetchQuery({ queryKey: queryKeys.session, queryFn: () => call('session.get', {}) });
    expect(observer.state.status).toBe('success');
    const before = fake.callsTo('session.get').length;
    await client
      .fetchQuery({ queryKey: queryKeys.entries('2026-11-21', '2026-11-21'), queryFn: () => call('entries.list', { from: '2026-11-21', to: '2026-11-21' }) })
      .catch(() => undefined);
    expect(client.getQueryState(queryKeys.session)?.isInvalidated).toBe(true);
    expect(fake.callsTo('session.get').length).toBe(before);
  });

  it('after Harvest asks to slow down, asks again when it said to, and ends with the answer', async () => {
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: '2026-11-21' })] });
    installFakeHarvestTray(fake);
    let refusals = 2;
    fake.handle('entries.list', ({ from, to }) => {
      if (refusals > 0) {
        refusals -= 1;
        throw { kind: 'rate-limited', message: 'Harvest asked Harvest Tray to slow down.', retryAfterSeconds: 0.05 };
      }
      return fake.entries.filter((entry) => entry.spentDate >= from && entry.spentDate <= to);
    });
    const client = createQueryClient();
    const entries = await client.fetchQuery({
      queryKey: queryKeys.entries('2026-11-21', '2026-11-21'),
      queryFn: () => call('entries.list', { from: '2026-11-21', to: '2026-11-21' }),
    });
    expect(entries).toHaveLength(1);
    expect(fake.callsTo('entries.list')).toHaveLength(3);
  });
});
