// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PendingChange } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { createFakeHarvestTray, makeChange, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());

const refusedEdit = (): PendingChange =>
  makeChange({
    id: 'chg-9',
    kind: 'edit',
    entryId: 1001,
    spentDate: today(),
    hours: 30,
    attempts: 1,
    status: { state: 'refused', message: 'Hours must be under 24.', errorKind: 'rejected', status: 422 },
  });

beforeEach(() => useClockStore.setState({ now: new Date() }));

async function rowFor(notes: string) {
  const list = await screen.findByRole('list', { name: 'Time entries' });
  return within(list).getByText(notes).closest('li') as HTMLElement;
}

describe('changes not yet in Harvest', () => {
  it('the status says how many changes wait and how many Harvest refused, and follows the queue', async () => {
    const fake = createFakeHarvestTray({ sync: { online: false, pending: 2, refused: 0, lastSyncedAt: null } });
    renderWithBridge(<App />, fake);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Offline — 2 changes waiting to be sent.'));
    act(() => fake.setQueue([makeChange({ id: 'a' }), makeChange({ id: 'b' }), refusedEdit()], true));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 changes waiting to be sent, 1 refused by Harvest.'));
    act(() => fake.setQueue([]));
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement());
  });

  it('marks an entry waiting quietly, for screen readers in words; a refused one with Harvest’s reason', async () => {
    const fake = createFakeHarvestTray({
      entries: [
        makeEntry({
          id: -1,
          spentDate: today(),
          notes: 'Made offline',
          pending: { changeId: 'chg-1', changes: 1, status: { state: 'waiting', message: 'Waiting to be sent: Harvest cannot be reached.' } },
        }),
        makeEntry({
          id: 1002,
          spentDate: today(),
          notes: 'Answer lost',
          pending: { changeId: 'chg-2', changes: 1, status: { state: 'checking', message: 'Checking with Harvest whether it arrived.' } },
        }),
        makeEntry({
          id: 1003,
          spentDate: today(),
          notes: 'Too long',
          pending: { changeId: 'chg-9', changes: 1, status: { state: 'refused', message: 'Hours must be under 24.', errorKind: 'rejected', status: 422 } },
        }),
        makeEntry({ id: 1004, spentDate: today(), notes: 'In Harvest' }),
      ],
    });
    renderWithBridge(<App />, fake);

    const waiting = await rowFor('Made offline');
    expect(waiting).toHaveTextContent('Not in Harvest yet: Waiting to be sent: Harvest cannot be reached.');
    expect(within(waiting).getByText(/Not in Harvest yet/)).toHaveClass('visually-hidden');
    // Kept under a provisional id, it is the user's entry like any other: it can be edited or stopped.
    expect(within(waiting).getByRole('button', { name: 'Edit entry' })).toBeEnabled();

    expect(await rowFor('Answer lost')).toHaveTextContent('Not in Harvest yet: Checking with Harvest whether it arrived.');

    const refused = await rowFor('Too long');
    const reason = within(refused).getByText(/Hours must be under 24\./);
    expect(reason).toHaveTextContent('Refused by Harvest: Hours must be under 24.');
    expect(reason).not.toHaveClass('visually-hidden');

    expect(await rowFor('In Harvest')).not.toHaveTextContent(/Harvest yet|Refused/);
  });

  it('lists the waiting changes; a refused one can be retried, and is then waiting again', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({
      entries: [makeEntry({ spentDate: today() })],
      sync: { online: true, pending: 2, refused: 1, lastSyncedAt: null },
      queue: [makeChange({ id: 'chg-1', spentDate: today() }), refusedEdit()],
    });
    renderWithBridge(<App />, fake);
    const toggle = await screen.findByRole('button', { name: 'Show changes' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide changes');

    const list = await screen.findByRole('list', { name: 'Changes waiting' });
    const [stop, edit] = within(list).getAllByRole('listitem');
    expect(stop).toHaveTextContent('Stop timer · Website Redesign · Design');
    expect(stop).toHaveTextContent('Waiting to be sent: Harvest cannot be reached.');
    expect(within(stop!).queryByRole('button')).toBeNull();
    expect(edit).toHaveTextContent('Edit entry · Website Redesign · Design');
    expect(edit).toHaveTextContent('Refused by Harvest: Hours must be under 24.');

    const retry = within(edit!).getByRole('button', { name: 'Retry' });
    expect(retry).toHaveAccessibleDescription(/Edit entry · Website Redesign · Design/);
    await user.click(retry);
    expect(fake.callsTo('queue.retry')).toEqual([{ id: 'chg-9' }]);
    await waitFor(() => expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('Waiting to be sent.'));
    expect(screen.getByRole('status')).toHaveTextContent('2 changes waiting to be sent.');

    // It lies over the view like a menu: Escape, or a click outside, puts it away.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Changes waiting' })).toBeNull();
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('list', { name: 'Changes waiting' })).toBeNull();
  });

  it('discarding a refused change asks first; keeping it changes nothing', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: today() })], sync: { online: true, pending: 1, refused: 1, lastSyncedAt: null }, queue: [refusedEdit()] });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Show changes' }));
    const list = await screen.findByRole('list', { name: 'Changes waiting' });

    await user.click(within(list).getByRole('button', { name: 'Discard' }));
    const question = within(list).getByRole('group', { name: /Discard this change\?/ });
    expect(question).toHaveTextContent('It is never sent to Harvest, and what it changed is lost.');
    expect(within(question).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(fake.callsTo('queue.discard')).toEqual([]);
    expect(within(list).getByRole('button', { name: 'Discard' })).toHaveFocus();

    await user.click(within(list).getByRole('button', { name: 'Discard' }));
    await user.click(within(list).getByRole('button', { name: 'Discard change' }));
    expect(fake.callsTo('queue.discard')).toEqual([{ id: 'chg-9' }]);
    // The queue is empty: the list goes, and the status says nothing more.
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Changes waiting' })).toBeNull());
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement());
  });

  it('editing a refused change opens the entry’s form, filled in', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({
      entries: [makeEntry({ spentDate: today(), notes: 'Homepage wireframes', hours: 30, hoursWithoutTimer: 30 })],
      sync: { online: true, pending: 1, refused: 1, lastSyncedAt: null },
      queue: [refusedEdit()],
    });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Show changes' }));
    await user.click(within(await screen.findByRole('list', { name: 'Changes waiting' })).getByRole('button', { name: 'Edit' }));
    expect(await screen.findByLabelText('Notes')).toHaveValue('Homepage wireframes');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/edit/i);
  });

  it('editing a refused change of a day not on screen reads that day, then opens the form', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({
      entries: [makeEntry({ id: 77, spentDate: '2025-03-04', notes: 'Last spring' })],
      sync: { online: true, pending: 1, refused: 1, lastSyncedAt: null },
      queue: [{ ...refusedEdit(), entryId: 77, spentDate: '2025-03-04' }],
    });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Show changes' }));
    await user.click(within(await screen.findByRole('list', { name: 'Changes waiting' })).getByRole('button', { name: 'Edit' }));
    expect(await screen.findByLabelText('Notes')).toHaveValue('Last spring');
    expect(fake.callsTo('entries.list')).toContainEqual({ from: '2025-03-04', to: '2025-03-04' });
    // The list makes way for the form.
    expect(screen.queryByRole('list', { name: 'Changes waiting' })).toBeNull();
  });

  it('a change to the queue refreshes the entries shown, since they show the queue’s changes', async () => {
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: today() })] });
    renderWithBridge(<App />, fake);
    await screen.findByRole('list', { name: 'Time entries' });
    const before = fake.callsTo('entries.list').length;
    act(() => fake.setQueue([makeChange({ spentDate: today() })]));
    await waitFor(() => expect(fake.callsTo('entries.list').length).toBeGreaterThan(before));
  });
});
