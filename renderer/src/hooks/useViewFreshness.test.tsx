// @vitest-environment jsdom
// The popover never shows stale truth for longer than one refresh: shows, page loads, the page
// coming back into view, and the core's news after a wake-up all revalidate what is on screen.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { accountKeyOf } from '../api/accountKey';
import { call } from '../api/bridge';
import { restoreQueryCache, snapshotQueryCache } from '../api/persistCache';
import { createQueryClient } from '../api/queryClient';
import { queryKeys } from '../api/queryKeys';
import { useClockStore } from '../stores/clockStore';
import { createFakeHarvestTray, installFakeHarvestTray, makeEntry, type FakeHarvestTray } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());
const entriesList = () => screen.findByRole('list', { name: 'Time entries' });

beforeEach(() => useClockStore.setState({ now: new Date() }));
afterEach(() => setVisibility('visible'));

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

/** The app as main.tsx starts it: the last snapshot restored into the client before the first render. */
async function startFromSnapshot(fake: FakeHarvestTray): Promise<QueryClient> {
  installFakeHarvestTray(fake);
  const client = createQueryClient();
  client.setDefaultOptions({ ...client.getDefaultOptions(), queries: { ...client.getDefaultOptions().queries, retry: false } });
  expect(await restoreQueryCache(client, call('session.get', {}).then(accountKeyOf))).toBe(true);
  render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
  return client;
}

describe('revalidating what the popover shows', () => {
  it('a page (re)load shows the saved list at once, then asks once for what Harvest holds now', async () => {
    const saved = new QueryClient();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today(), notes: 'Still here' })] });
    // The snapshot the last page saved a moment ago: fresh by react-query's clock.
    installFakeHarvestTray(fake);
    const { queryKey, from, to } = await weekKeyOf(fake);
    saved.setQueryData(queryKey, [
      makeEntry({ id: 1, spentDate: today(), notes: 'Still here' }),
      makeEntry({ id: 2, spentDate: today(), notes: 'Deleted on the web' }),
    ]);
    saved.setQueryData(queryKeys.session, await call('session.get', {}));
    fake.handle('queryCache.load', () => snapshotQueryCache(saved));
    const release = fake.hold('entries.list');

    await startFromSnapshot(fake);
    // Shown from the snapshot before Harvest answers...
    expect(within(await entriesList()).getByText('Deleted on the web')).toBeInTheDocument();
    await waitFor(() => expect(fake.callsTo('entries.list')).toEqual([{ from, to }]));
    release();
    // ...and what Harvest holds replaces it.
    await waitFor(() => expect(screen.queryByText('Deleted on the web')).toBeNull());
    expect(screen.getByText('Still here')).toBeInTheDocument();
  });

  it('a show revalidates the day shown, also when it is not in this week', async () => {
    const user = userEvent.setup();
    const lastWeek = addDays(today(), -7);
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: lastWeek, notes: 'Last week' })] });
    renderWithBridge(<App />, fake);
    await screen.findByText('No time entries today yet.');
    for (let day = 0; day < 7; day += 1) await user.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(within(await entriesList()).getByText('Last week')).toBeInTheDocument();

    // Edited on the web meanwhile.
    fake.entries[0] = { ...fake.entries[0]!, notes: 'Edited on the web' };
    const before = fake.callsTo('entries.list').length;
    act(() => fake.emit('ui.shown', {}));
    expect(await screen.findByText('Edited on the web')).toBeInTheDocument();
    expect(fake.callsTo('entries.list')).toHaveLength(before + 1);
  });

  it('the page coming back into view or into focus revalidates; a burst of them asks once', async () => {
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today(), notes: 'Before' })] });
    renderWithBridge(<App />, fake);
    await screen.findByText('Before');
    fake.entries[0] = { ...fake.entries[0]!, notes: 'After' };
    const before = fake.callsTo('entries.list').length;
    const release = fake.hold('entries.list');
    act(() => {
      for (let round = 0; round < 10; round += 1) {
        setVisibility('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
        setVisibility('visible');
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
        fake.emit('ui.shown', {});
      }
    });
    release();
    expect(await screen.findByText('After')).toBeInTheDocument();
    expect(fake.callsTo('entries.list')).toHaveLength(before + 1);
  });

  it('a hidden page does not ask', async () => {
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today() })] });
    renderWithBridge(<App />, fake);
    await entriesList();
    const before = fake.callsTo('entries.list').length;
    setVisibility('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.callsTo('entries.list')).toHaveLength(before);
  });

  it('a token refused on that revalidation brings back sign-in, saying why', async () => {
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today() })] });
    renderWithBridge(<App />, fake);
    await entriesList();
    const reason = 'Harvest did not accept the sign-in: The access token provided is expired, revoked, malformed or invalid.';
    fake.refuse('entries.list', { kind: 'signed-out', message: reason });
    fake.handle('session.get', () => ({ state: 'signed-out', reason }));
    act(() => fake.emit('ui.shown', {}));
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('access token provided is expired');
    expect(screen.queryByRole('list', { name: 'Time entries' })).toBeNull();
  });
});

describe('a timer stopped elsewhere', () => {
  it('shows as running in no list once the core says nothing runs, not even a week not on screen', async () => {
    const lastWeek = addDays(today(), -7);
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today(), notes: 'Today' })] });
    const { client } = renderWithBridge(<App />, fake);
    await screen.findByText('Today');
    const elsewhere = queryKeys.entries(addDays(lastWeek, -1), lastWeek);
    client.setQueryData(elsewhere, [makeEntry({ id: 9, spentDate: lastWeek, isRunning: true, timerStartedAt: new Date().toISOString() })]);
    act(() => fake.emit('timer.changed', { running: null }));
    expect(client.getQueryData<Array<{ isRunning: boolean }>>(elsewhere)?.[0]?.isRunning).toBe(false);
  });
});

/** The key, from and to of the week the day view reads for today. */
async function weekKeyOf(fake: FakeHarvestTray) {
  const probe = renderWithBridge(<App />, fake);
  await waitFor(() => expect(fake.callsTo('entries.list').length).toBeGreaterThan(0));
  const { from, to } = fake.callsTo('entries.list')[0] as { from: string; to: string };
  probe.unmount();
  fake.calls.length = 0;
  return { queryKey: queryKeys.entries(from, to), from, to };
}
