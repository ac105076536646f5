// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());

beforeEach(() => useClockStore.setState({ now: new Date() }));

describe('optimistic timer changes', () => {
  it('restart shows the timer running before Harvest answers, and keeps it when confirmed', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 5, spentDate: today() })] });
    const release = fake.hold('timer.restart');
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Restart timer' }));
    // Not answered yet, already shown as running.
    const list = screen.getByRole('list', { name: 'Time entries' });
    expect(await within(list).findByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
    expect(fake.callsTo('timer.restart')).toEqual([{ id: 5 }]);
    release();
    await waitFor(() => expect(fake.entries[0]?.isRunning).toBe(true));
    expect(within(list).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a refused stop is rolled back and Harvest’s reason shown in an alert', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({
      entries: [makeEntry({ id: 5, spentDate: today(), isRunning: true, timerStartedAt: new Date().toISOString(), hoursWithoutTimer: 1 })],
    });
    fake.refuse('timer.stop', { kind: 'rejected', message: 'Timer cannot be stopped: the project is archived.' });
    const release = fake.hold('timer.stop');
    renderWithBridge(<App />, fake);
    await user.click(within(await screen.findByRole('list', { name: 'Time entries' })).getByRole('button', { name: 'Stop timer' }));
    expect(await screen.findByRole('button', { name: 'Restart timer' })).toBeInTheDocument();
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent('The timer did not stop: Timer cannot be stopped: the project is archived.');
    const row = within(screen.getByRole('list', { name: 'Time entries' })).getByRole('listitem');
    expect(within(row).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
  });

  it('restarting one entry stops the one that was running', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({
      entries: [
        makeEntry({ id: 1, spentDate: today(), isRunning: true, timerStartedAt: new Date().toISOString(), createdAt: '2026-11-21T10:00:00Z' }),
        makeEntry({ id: 2, spentDate: today(), notes: 'second', createdAt: '2026-11-21T09:00:00Z' }),
      ],
    });
    fake.hold('timer.restart');
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Restart timer' }));
    const rows = within(screen.getByRole('list', { name: 'Time entries' })).getAllByRole('listitem');
    expect(within(rows[0]!).getByRole('button', { name: 'Restart timer' })).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
  });
});
