// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, toLocalDate, weekDays } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { useUiStore } from '../stores/uiStore';
import { companyDuration, createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());

beforeEach(() => useClockStore.setState({ now: new Date() }));

describe('Review', () => {
  it('shows the week, the day per project, gaps and overlaps in words, and a timer left running overnight', async () => {
    const user = userEvent.setup();
    const day = today();
    const week = weekDays(day, 'Monday');
    const otherDay = week.find((date) => date !== day) ?? addDays(day, -1);
    const fake = createFakeHarvestTray({
      company: { ...companyDuration, wantsTimestampTimers: true, clock: '24h', timeFormat: 'decimal' },
      entries: [
        makeEntry({ id: 1, spentDate: day, hours: 1.5, startedTime: '8:30', endedTime: '10:00' }),
        makeEntry({ id: 2, spentDate: day, hours: 0.5, startedTime: '10:30', endedTime: '11:00', project: { id: 12, name: 'Mobile App', code: null }, client: { id: 6, name: 'Globex' } }),
        makeEntry({ id: 3, spentDate: day, hours: 0.5, startedTime: '10:45', endedTime: '11:15', project: { id: 12, name: 'Mobile App', code: null }, client: { id: 6, name: 'Globex' } }),
        makeEntry({ id: 4, spentDate: otherDay, hours: 2 }),
      ],
    });
    if (otherDay < day) {
      fake.entries.push(makeEntry({ id: 5, spentDate: otherDay, hours: 0, isRunning: true, timerStartedAt: new Date(Date.now() - 3_600_000).toISOString(), hoursWithoutTimer: 0, notes: 'forgotten' }));
    }
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Review' }));
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeInTheDocument();

    const strip = screen.getByRole('navigation', { name: 'Week' });
    expect(within(strip).getAllByRole('button')).toHaveLength(7);
    const perProject = await screen.findByRole('list', { name: 'Hours per project' });
    expect(within(perProject).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Website Redesign'),
      expect.stringContaining('Mobile App'),
    ]);
    expect(screen.getByText('Nothing tracked from 10:00 to 10:30 (30 min).')).toBeInTheDocument();
    expect(screen.getByText('Two entries overlap from 10:45 to 11:00 (15 min).')).toBeInTheDocument();
    if (otherDay < day) expect(screen.getByText(/A timer has been running since/)).toBeInTheDocument();

    await user.click(within(strip).getByRole('button', { name: new RegExp(`${Number(otherDay.slice(8))} `) }));
    // The review stays open, now on the chosen day.
    expect(useUiStore.getState()).toMatchObject({ dayShown: otherDay, view: 'review' });
    expect(screen.getByRole('heading', { name: 'Review' })).toBeInTheDocument();
    expect(within(strip).getByRole('button', { current: 'date' })).toHaveAccessibleName(new RegExp(`${Number(otherDay.slice(8))} `));
  });

  it('while the week loads, its total is a placeholder, never a wrong 0:00', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 1, spentDate: today(), hours: 2 })] });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Review' }));
    // The week before has never been asked for: it loads while the review shows it.
    const release = fake.hold('entries.list');
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    const weekTotal = screen.getByText(/^Week total/);
    expect(weekTotal).not.toHaveTextContent(/\d/);
    expect(weekTotal).toHaveAttribute('aria-busy', 'true');
    release();
    await waitFor(() => expect(weekTotal).toHaveTextContent('Week total 0:00'));
    expect(weekTotal).not.toHaveAttribute('aria-busy');
  });

  it('the tray menu can open the review', async () => {
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await screen.findByRole('button', { name: 'New entry' });
    act(() => fake.emit('ui.navigate', { view: 'review' }));
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeInTheDocument();
  });
});
