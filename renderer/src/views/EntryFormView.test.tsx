// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatNumericDate } from '../../../shared/dateDisplay';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { useClockStore } from '../stores/clockStore';
import { companyDuration, createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const today = () => toLocalDate(new Date());

beforeEach(() => useClockStore.setState({ now: new Date() }));

async function openNewEntry(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New entry' }));
  return screen.getByRole('form', { name: 'New entry' });
}

async function chooseProjectAndTask(user: ReturnType<typeof userEvent.setup>) {
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Project' })).toBeEnabled());
  await user.type(screen.getByRole('combobox', { name: 'Project' }), 'mobile{Enter}');
}

describe('Entry form', () => {
  it('refuses hours it cannot read, inline and without sending anything', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    const hours = screen.getByLabelText('Hours');
    await user.type(hours, 'lots');
    await user.tab();
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(hours).toHaveAccessibleDescription(/is not a time/);
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(screen.getByRole('form', { name: 'New entry' })).toBeInTheDocument();
    expect(fake.callsTo('entries.create')).toHaveLength(0);
    expect(fake.callsTo('timer.start')).toHaveLength(0);
  });

  it('with Hours empty on today it starts a timer; the task follows a one-task project', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    expect(screen.getByRole('combobox', { name: 'Task' })).toHaveValue('Meetings');
    await user.type(screen.getByLabelText('Notes'), 'Standup');
    await user.click(screen.getByRole('button', { name: 'Start timer' }));
    expect(fake.callsTo('timer.start')).toEqual([{ projectId: 12, taskId: 23, notes: 'Standup' }]);
    const list = await screen.findByRole('list', { name: 'Time entries' });
    expect(within(list).getByRole('listitem')).toHaveTextContent('Mobile App');
    expect(within(list).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
  });

  it('with hours it saves them (Ctrl+Enter submits) on the date chosen', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    await user.type(screen.getByLabelText('Hours'), '1h 30m');
    expect(screen.getByRole('button', { name: 'Save entry' })).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(fake.callsTo('entries.create')).toEqual([{ projectId: 12, taskId: 23, spentDate: today(), hours: 1.5 }]);
    expect(await screen.findByLabelText('Day total')).toHaveTextContent('1:30');
  });

  it('on another day with Hours empty it saves, it does not start a timer', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    // The date reads as the account writes dates (day first in this one).
    expect(screen.getByLabelText('Date')).toHaveValue(formatNumericDate(today(), '%d/%m/%Y'));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: formatNumericDate(addDays(today(), -1), '%d/%m/%Y') } });
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(fake.callsTo('entries.create')).toEqual([{ projectId: 12, taskId: 23, spentDate: addDays(today(), -1), hours: 0 }]);
  });

  it('Harvest’s refusal reopens the form as it was, with the reason in an alert', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    fake.refuse('entries.create', { kind: 'rejected', message: 'Project is archived' });
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    await user.type(screen.getByLabelText('Hours'), '2');
    // Leaving the field tidies it (pressing Save keeps the focus where it is).
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Project is archived');
    // Hours were tidied into the account's format when the field was left.
    expect(screen.getByLabelText('Hours')).toHaveValue('2:00');
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue('Mobile App');
  });

  it('edit opens filled and sends only what changed; Escape cancels', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 3, spentDate: today(), hours: 1.5, notes: 'Old' })] });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Edit entry' }));
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue('[WR] Website Redesign');
    expect(screen.getByRole('combobox', { name: 'Task' })).toHaveValue('Design');
    expect(screen.getByLabelText('Hours')).toHaveValue('1:30');
    const notes = screen.getByLabelText('Notes');
    await user.clear(notes);
    await user.type(notes, 'New');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(fake.callsTo('entries.update')).toEqual([{ id: 3, patch: { notes: 'New' } }]);
    expect(await screen.findByRole('list', { name: 'Time entries' })).toHaveTextContent('New');

    await user.click(screen.getByRole('button', { name: 'Edit entry' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(fake.callsTo('entries.update')).toHaveLength(1);
  });

  it('an edit of an entry deleted elsewhere keeps what was typed and offers to save it as a new entry', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ id: 3, spentDate: today(), hours: 1.5, notes: 'Old' })] });
    fake.refuse('entries.update', {
      kind: 'not-found',
      message: 'This entry was deleted in Harvest (on the web or another device), so it can no longer be changed.',
    });
    renderWithBridge(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Edit entry' }));
    const notes = screen.getByLabelText('Notes');
    await user.clear(notes);
    await user.type(notes, 'Typed with care');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    // Saving the edit again could only be refused again: the form becomes a new entry, as typed.
    const form = await screen.findByRole('form', { name: 'New entry' });
    expect(within(form).getByRole('alert')).toHaveTextContent(/deleted in Harvest.*save it as a new entry/);
    expect(screen.getByLabelText('Notes')).toHaveValue('Typed with care');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(fake.callsTo('entries.update')).toHaveLength(1);
    expect(fake.callsTo('entries.create')).toEqual([
      { projectId: 11, taskId: 21, spentDate: today(), notes: 'Typed with care', hours: 1.5 },
    ]);
  });

  it('start/end-time accounts get Start time and End time instead of Hours', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ company: { ...companyDuration, wantsTimestampTimers: true } });
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    expect(screen.queryByLabelText('Hours')).toBeNull();
    await user.type(screen.getByLabelText('Start time'), '9');
    await user.type(screen.getByLabelText('End time'), '10:30');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(fake.callsTo('entries.create')).toEqual([
      { projectId: 12, taskId: 23, spentDate: today(), startedTime: '9:00am', endedTime: '10:30am' },
    ]);
  });

  it('takes back a field’s error as soon as what is typed reads, before the field is left', async () => {
    // In a browser the error vanishing on blur moves the Save button under the pointer, and the
    // click that caused the blur lands beside it: the corrected form then sends nothing.
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    const hours = screen.getByLabelText('Hours');
    await user.type(hours, '-1');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(hours).toHaveAccessibleDescription('Hours cannot be negative.');
    await user.clear(hours);
    await user.type(hours, '0:15');
    expect(hours).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(fake.callsTo('entries.create')).toEqual([{ projectId: 12, taskId: 23, spentDate: today(), hours: 0.25 }]);
  });

  it('an emptied date is refused in words, and nothing is sent', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    await user.type(screen.getByLabelText('Hours'), '1');
    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: /Save entry|Start timer/ }));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription('Enter the date of the entry.');
    expect(fake.callsTo('entries.create')).toHaveLength(0);
    expect(fake.callsTo('timer.start')).toHaveLength(0);
  });

  it('refuses a date no timesheet means, and notes longer than an entry holds', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await openNewEntry(user);
    await chooseProjectAndTask(user);
    await user.type(screen.getByLabelText('Hours'), '1');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '01/01/1900' } });
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: '😀'.repeat(10_001) } });
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription(/1 January 1900 is too long ago/);
    expect(screen.getByLabelText('Notes')).toHaveAccessibleDescription(
      'Notes can hold at most 10,000 characters; these have 10,001.',
    );
    expect(fake.callsTo('entries.create')).toHaveLength(0);
  });
});
