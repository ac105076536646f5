// @vitest-environment jsdom
// Midnight while the popover runs, on a fake clock: "today" moves on, and a timer started before
// midnight goes on running, shown and reviewed on the day it was started.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { useUiStore } from '../stores/uiStore';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

afterEach(() => vi.useRealTimers());

/** Two seconds before midnight at the end of a local Sunday (weeks start on Monday here). */
const SUNDAY_NIGHT = new Date(2026, 10, 22, 23, 59, 58);
const SUNDAY = toLocalDate(SUNDAY_NIGHT);
const MONDAY = addDays(SUNDAY, 1);
/** Two seconds before midnight at the end of a local Wednesday: midnight inside the week. */
const WEDNESDAY_NIGHT = new Date(2026, 10, 18, 23, 59, 58);

function atNight(night: Date) {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(night);
  useClockStore.setState({ now: new Date() });
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

/** A timer started at 11 pm on `day`, still running. */
function lateTimer(day: string, startedAt: Date) {
  return makeEntry({
    id: 7,
    spentDate: day,
    hours: 0,
    hoursWithoutTimer: 0,
    isRunning: true,
    timerStartedAt: new Date(startedAt.getTime() - 60 * 60 * 1000 + 2_000).toISOString(),
    notes: 'Late release',
  });
}

const passMidnight = () => act(() => vi.advanceTimersByTime(3_000));
const heading = () => screen.getByRole('heading', { level: 1 });

describe('midnight while the popover runs', () => {
  it('the day view moves to the new day; yesterday’s timer runs on, its time counted on its own day', async () => {
    const user = atNight(WEDNESDAY_NIGHT);
    const wednesday = toLocalDate(WEDNESDAY_NIGHT);
    renderWithBridge(<App />, createFakeHarvestTray({ entries: [lateTimer(wednesday, WEDNESDAY_NIGHT)] }));
    expect(await screen.findByText('Late release')).toBeInTheDocument();
    expect(heading()).toHaveTextContent(/^Today, Wed 18 Nov$/);

    passMidnight();
    expect(heading()).toHaveTextContent(/^Today, Thu 19 Nov$/);
    expect(screen.getByText('No time entries today yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(heading()).toHaveTextContent(/^Yesterday, Wed 18 Nov$/);
    const row = within(screen.getByRole('list', { name: 'Time entries' })).getByRole('listitem');
    expect(within(row).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
    // An hour and a second since 11 pm: the time goes on counting past midnight.
    expect(row).toHaveTextContent('1:00');
  });

  it('a day chosen as today keeps following today past midnight', async () => {
    const user = atNight(WEDNESDAY_NIGHT);
    renderWithBridge(<App />, createFakeHarvestTray());
    await screen.findByText('No time entries today yet.');
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await user.click(screen.getByRole('button', { name: 'Next day' }));
    expect(heading()).toHaveTextContent(/^Today, Wed 18 Nov$/);
    passMidnight();
    expect(heading()).toHaveTextContent(/^Today, Thu 19 Nov$/);
    expect(useUiStore.getState().dayShown).toBeNull();
  });

  it('the review flags a timer left running since before midnight, also when midnight starts a new week', async () => {
    const user = atNight(SUNDAY_NIGHT);
    const fake = createFakeHarvestTray({ entries: [lateTimer(SUNDAY, SUNDAY_NIGHT)] });
    renderWithBridge(<App />, fake);
    expect(await screen.findByText('Late release')).toBeInTheDocument();

    passMidnight();
    await user.click(screen.getByRole('button', { name: 'Review' }));
    // The review shows Monday's week, which the timer's day is not in.
    expect(await screen.findByRole('heading', { level: 2, name: /^Today, Mon 23 Nov$/ })).toBeInTheDocument();
    expect(fake.callsTo('entries.list')).toContainEqual({ from: MONDAY, to: addDays(MONDAY, 6) });
    expect(await screen.findByText(/A timer has been running since Yesterday, Sun 22 Nov/)).toBeInTheDocument();
  });
});
