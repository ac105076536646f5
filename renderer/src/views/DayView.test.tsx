// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { UNDO_WINDOW_MS, usePendingDeleteStore } from '../stores/pendingDeleteStore';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());

beforeEach(() => useClockStore.setState({ now: new Date() }));

describe('Day view', () => {
  it('shows skeleton rows while loading, then the entries newest first with the day total', async () => {
    const fake = createFakeHarvestTray({
      entries: [
        makeEntry({ id: 1, spentDate: today(), hours: 1, createdAt: '2026-11-21T08:00:00Z', notes: 'older' }),
        makeEntry({ id: 2, spentDate: today(), hours: 0.5, createdAt: '2026-11-21T09:00:00Z', notes: 'newer' }),
      ],
    });
    const release = fake.hold('entries.list');
    renderWithBridge(<App />, fake);
    await screen.findByRole('heading', { name: /^Today, / });
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('list', { name: 'Time entries' })).toBeNull();
    release();
    const list = await screen.findByRole('list', { name: 'Time entries' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('newer'), expect.stringContaining('older')]);
    expect(screen.getByLabelText('Day total')).toHaveTextContent('1:30');
  });

  it('says so when nothing is tracked yet', async () => {
    renderWithBridge(<App />, createFakeHarvestTray());
    expect(await screen.findByText('No time entries today yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('Day total')).toHaveTextContent('0:00');
  });

  it('offline with nothing loaded: says what happens next and offers a retry that works', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: today() })] });
    fake.refuse('entries.list', { kind: 'offline', message: 'No connection to Harvest.' });
    renderWithBridge(<App />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(/offline/i);
    fake.allow('entries.list');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Time entries' })).toBeInTheDocument();
  });

  it('shows other errors in words, with what to do', async () => {
    const fake = createFakeHarvestTray();
    fake.refuse('entries.list', { kind: 'server', message: 'Harvest is having trouble (503). Try again in a minute.' });
    renderWithBridge(<App />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent('Harvest is having trouble (503)');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('the sync status says when offline and how many changes wait', async () => {
    const fake = createFakeHarvestTray({ sync: { online: false, pending: 2, refused: 0, lastSyncedAt: null } });
    renderWithBridge(<App />, fake);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Offline — 2 changes waiting to be sent.'));
    act(() => fake.emit('sync.changed', { online: true, pending: 0, refused: 0, lastSyncedAt: null }));
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement());
  });

  it('moves between days and back to today', async () => {
    const user = userEvent.setup();
    renderWithBridge(<App />, createFakeHarvestTray());
    await screen.findByRole('heading', { name: /^Today, / });
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Yesterday, /);
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Today, /);
  });

  it('delete hides the entry with an undo, and sends the delete only when the undo window ends', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 9, spentDate: today() })] });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Delete entry' }));
    expect(screen.queryByRole('list', { name: 'Time entries' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('list', { name: 'Time entries' })).toBeInTheDocument();
    expect(fake.callsTo('entries.delete')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    // The popover hiding sends it at once (the timer would after UNDO_WINDOW_MS).
    expect(UNDO_WINDOW_MS).toBeGreaterThan(1000);
    act(() => usePendingDeleteStore.getState().flush());
    await waitFor(() => expect(fake.callsTo('entries.delete')).toEqual([{ id: 9 }]));
    expect(fake.entries).toHaveLength(0);
    expect(await screen.findByText('No time entries today yet.')).toBeInTheDocument();
  });

  it('a refused delete puts the entry back and says why', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 9, spentDate: today() })] });
    fake.refuse('entries.delete', { kind: 'rejected', message: 'Entry is closed' });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Delete entry' }));
    act(() => usePendingDeleteStore.getState().flush());
    expect(await screen.findByRole('alert')).toHaveTextContent('The entry was not deleted: Entry is closed');
    expect(screen.getByRole('list', { name: 'Time entries' })).toBeInTheDocument();
  });

  it('reloads the day when the main process says its entries changed, and today when the popover shows', async () => {
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await screen.findByText('No time entries today yet.');
    fake.entries.push(makeEntry({ id: 77, spentDate: today(), notes: 'from the tray menu' }));
    act(() => fake.emit('entries.changed', { dates: [today()] }));
    expect(await screen.findByText('from the tray menu')).toBeInTheDocument();
    fake.entries.push(makeEntry({ id: 78, spentDate: today(), notes: 'from the web' }));
    act(() => fake.emit('ui.shown', {}));
    expect(await screen.findByText('from the web')).toBeInTheDocument();
  });
});
