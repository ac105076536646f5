// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IdleQuestion } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useNoticeStore } from '../stores/noticeStore';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = toLocalDate(new Date());
const local = (hours: number, minutes: number) => {
  const moment = new Date();
  moment.setHours(hours, minutes, 0, 0);
  return moment.toISOString();
};
const running = makeEntry({ id: 77, spentDate: today, isRunning: true, timerStartedAt: local(9, 0), notes: 'Homepage wireframes' });
const question: IdleQuestion = { spans: [{ from: local(10, 5), to: local(10, 30) }], entry: running, idleMinutes: 25 };

function setup(idleQuestion: IdleQuestion | null = question) {
  useNoticeStore.setState({ notice: null, idleDeferred: null });
  const user = userEvent.setup();
  const fake = createFakeHarvestTray({ entries: [running], idleQuestion });
  renderWithBridge(<App />, fake);
  return { user, fake };
}

describe('the idle question', () => {
  it('asks about the time away, and discarding it while the timer goes on is one choice and Apply', async () => {
    const { user, fake } = setup();
    const dialog = await screen.findByRole('dialog', { name: 'You were away 25 min' });
    expect(dialog).toHaveAccessibleDescription('The timer for Website Redesign · Design kept running while you were away (10:05am–10:30am).');
    expect(screen.getByRole('radio', { name: 'Keep it on the timer' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Discard it, and stop the timer at 10:05am' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Discard it, and keep the timer running' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(fake.callsTo('idle.answer')).toEqual([{ choice: 'discard-continue' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useNoticeStore.getState().notice).toBe('Done.');
  });

  it('moving the time asks for the project and task first, then sends them with the notes', async () => {
    const { user, fake } = setup();
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('radio', { name: 'Move it to a new entry' }));
    expect(screen.getByText('New entry: 10:05am–10:30am (25 min)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('Choose the project for the time away.')).toBeInTheDocument();
    expect(fake.callsTo('idle.answer')).toEqual([]);

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Project' })).toBeEnabled());
    await user.type(screen.getByRole('combobox', { name: 'Project' }), 'mobile{Enter}');
    await user.type(screen.getByLabelText('Notes'), 'Call with Globex');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(fake.callsTo('idle.answer')).toEqual([{ choice: 'move', projectId: 12, taskId: 23, notes: 'Call with Globex' }]);
  });

  it('Harvest refusing the answer is said in the dialog, which stays', async () => {
    const { user, fake } = setup();
    await screen.findByRole('dialog');
    fake.refuse('idle.answer', { kind: 'offline', message: 'Harvest cannot be reached.' });
    await user.click(screen.getByRole('radio', { name: 'Discard it, and keep the timer running' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Harvest cannot be reached.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('“Later” (or Escape) puts it off until the popover is next shown', async () => {
    const { user, fake } = setup();
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => fake.emit('ui.shown', {}));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // Escape put the question off; it did not also hide the popover.
    expect(fake.callsTo('app.hidePopover')).toEqual([]);
  });

  it('a question the main process pushes is not undone by an older answer still on its way', async () => {
    useNoticeStore.setState({ notice: null, idleDeferred: null });
    const fake = createFakeHarvestTray({ entries: [running], idleQuestion: null });
    // The first reading of the question is slow (a busy machine): it began before the push...
    const release = fake.hold('idle.question');
    renderWithBridge(<App />, fake);
    await screen.findByRole('list', { name: 'Time entries' });
    await waitFor(() => expect(fake.callsTo('idle.question')).toHaveLength(1));
    act(() => fake.emit('idle.changed', question));
    await screen.findByRole('dialog', { name: 'You were away 25 min' });
    // ...and answers "no question" after it: what was pushed later stays.
    await act(async () => {
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByRole('dialog', { name: 'You were away 25 min' })).toBeInTheDocument();
  });

  it('comes up when the main process asks, and goes when answered elsewhere', async () => {
    const { fake } = setup(null);
    await screen.findByRole('list', { name: 'Time entries' });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => fake.emit('idle.changed', question));
    await screen.findByRole('dialog', { name: 'You were away 25 min' });
    act(() => fake.emit('idle.changed', null));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the reminder in the popover', () => {
  it('offers the snoozes where the notification has no buttons', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ reminder: { kind: 'no-timer', at: new Date().toISOString() } });
    renderWithBridge(<App />, fake);
    const reminder = await screen.findByRole('region', { name: 'Reminder' });
    expect(reminder).toHaveTextContent('No timer is running.');
    await user.click(screen.getByRole('button', { name: 'Snooze 1 hour' }));
    expect(fake.callsTo('reminders.snooze')).toEqual([{ for: '1h' }]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Reminder' })).toBeNull());
  });

  it('the end-of-day reminder shows the total and opens the review', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ reminder: { kind: 'end-of-day', at: new Date().toISOString(), date: today, hours: 7.5 } });
    renderWithBridge(<App />, fake);
    expect(await screen.findByRole('region', { name: 'Reminder' })).toHaveTextContent('You tracked 7:30 today.');
    await user.click(screen.getByRole('button', { name: 'Open review' }));
    expect(await screen.findByRole('heading', { name: /review/i })).toBeInTheDocument();
    expect(fake.callsTo('reminders.dismiss')).toHaveLength(1);
  });
});
