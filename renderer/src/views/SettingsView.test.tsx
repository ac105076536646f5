// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/defaultSettings';
import type { Settings, SettingsPatch } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { patched } from '../hooks/useUpdateSettings';
import { createFakeHarvestTray, makeEntry, user as ada } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

async function openSettings(fake = createFakeHarvestTray({ settings: DEFAULT_SETTINGS })) {
  const user = userEvent.setup();
  const rendered = renderWithBridge(<App />, fake);
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Keyboard shortcuts' });
  return { user, fake, ...rendered };
}

const row = (name: string) => screen.getByText(name, { selector: '.shortcut-name' }).closest('li') as HTMLElement;

describe('Settings', () => {
  it('switching to decimal changes how hours show; a shortcut that failed says why; sign out returns to sign-in', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: toLocalDate(new Date()), hours: 1.5 })], settings: DEFAULT_SETTINGS });
    fake.handle('shortcuts.status', () => [
      { action: 'togglePopover', accelerator: 'CommandOrControl+Alt+H', registered: true, problem: null },
      { action: 'quickRestart', accelerator: 'CommandOrControl+Alt+R', registered: false, problem: 'Another app already uses this shortcut.' },
    ]);
    renderWithBridge(<App />, fake);
    await waitFor(() => expect(screen.getByLabelText('Day total')).toHaveTextContent('1:30'));

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Another app already uses this shortcut.')).toBeInTheDocument();
    expect(within(row('Show or hide Harvest Tray')).getByText('Active')).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: 'Decimal (1.50)' }));
    expect(fake.callsTo('settings.update')).toEqual([{ hoursDisplay: 'decimal' }]);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Decimal (1.50)' })).toBeChecked());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByLabelText('Day total')).toHaveTextContent('1.50'));

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Sign out of Analytical Engines' }));
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
  });

  it('records a new shortcut by pressing it, letting the desktop’s shortcuts go meanwhile', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' }));
    const recorder = screen.getByRole('button', { name: 'Press the new keys…' });
    expect(recorder).toHaveFocus();
    expect(recorder).toHaveAccessibleDescription('Press the keys for “Show or hide Harvest Tray”. Escape cancels.');

    await user.keyboard('{Control>}{Shift>}');
    expect(recorder).toHaveTextContent('Ctrl+Shift+…');
    await user.keyboard('k{/Shift}{/Control}');
    expect(fake.callsTo('settings.update')).toEqual([{ shortcuts: { togglePopover: 'CommandOrControl+Shift+K' } }]);
    await waitFor(() => expect(within(row('Show or hide Harvest Tray')).getByText('Ctrl+Shift+K')).toBeInTheDocument());
    expect(fake.callsTo('shortcuts.recording')).toEqual([{ active: true }, { active: false }]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' })).toHaveFocus());
  });

  it('refuses keys the other shortcut already uses, or a key with no modifier, and Escape cancels', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Change shortcut: Stop or restart the last timer' }));
    await user.keyboard('{Control>}{Alt>}h{/Alt}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Ctrl+Alt+H is already the shortcut for “Show or hide Harvest Tray”. Press other keys.');
    // Recording starts over: the refused keys are not left showing as held.
    expect(screen.getByRole('button', { name: 'Press the new keys…' })).toHaveFocus();
    await user.keyboard('q');
    expect(screen.getByRole('alert')).toHaveTextContent('Hold Ctrl, Alt or Super with the key');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Change shortcut: Stop or restart the last timer' })).toBeEnabled();
    // Escape ended the recording, not the settings view.
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(fake.callsTo('settings.update')).toEqual([]);
    expect(within(row('Stop or restart the last timer')).getByText('Ctrl+Alt+R')).toBeInTheDocument();
  });

  it('turns a shortcut off, and puts both back to the defaults', async () => {
    const { user, fake } = await openSettings();
    const reset = screen.getByRole('button', { name: 'Reset shortcuts to defaults' });
    expect(reset).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Turn off shortcut: Stop or restart the last timer' }));
    expect(within(row('Stop or restart the last timer')).getByText('None')).toBeInTheDocument();
    await user.click(reset);
    expect(fake.callsTo('settings.update')).toEqual([
      { shortcuts: { quickRestart: '' } },
      { shortcuts: { togglePopover: 'CommandOrControl+Alt+H', quickRestart: 'CommandOrControl+Alt+R' } },
    ]);
    await waitFor(() => expect(within(row('Stop or restart the last timer')).getByText('Ctrl+Alt+R')).toBeInTheDocument());
  });

  it('in a browser: no launch at login, a word on shortcuts, and why idle time is not seen', async () => {
    await openSettings(
      createFakeHarvestTray({
        settings: DEFAULT_SETTINGS,
        capabilities: { launchAtLogin: false, globalShortcuts: false, idleTime: false, idleNote: 'A browser cannot see whether you are at the computer.' },
      }),
    );
    expect(screen.queryByRole('checkbox', { name: 'Open Harvest Tray when I log in' })).toBeNull();
    expect(screen.getByText(/A browser cannot register shortcuts/)).toBeInTheDocument();
    expect(screen.getByText('A browser cannot see whether you are at the computer.')).toBeInTheDocument();
    // Shortcuts are still set here, for the desktop app.
    expect(screen.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' })).toBeEnabled();
  });

  it('idle time: turned off, and its minutes changed (refused outside 1 to 240)', async () => {
    const { user, fake } = await openSettings();
    const minutes = screen.getByLabelText('Away for at least (minutes)');
    await user.clear(minutes);
    await user.type(minutes, '0{Enter}');
    expect(minutes).toHaveAccessibleDescription('Enter whole minutes from 1 to 240.');
    await user.clear(minutes);
    await user.type(minutes, '25{Enter}');
    await user.click(screen.getByRole('checkbox', { name: 'Ask what to do with time away while a timer runs' }));
    expect(fake.callsTo('settings.update')).toEqual([{ idle: { minutes: 25 } }, { idle: { enabled: false } }]);
    await waitFor(() => expect(minutes).toBeDisabled());
  });

  it('reminders: working days, a day that ends before it starts is refused, and each reminder turned on', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    const ends = screen.getByLabelText('Working day ends');
    // (jsdom's time input takes a whole value at once, as the browser's picker gives it.)
    fireEvent.change(ends, { target: { value: '08:00' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The working day must end after it starts.');
    expect(ends).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('checkbox', { name: 'Remind me when no timer runs in working hours' }));
    await user.selectOptions(screen.getByLabelText('Remind every'), '15 minutes');
    await user.click(screen.getByRole('checkbox', { name: 'Stop a running timer when the computer shuts down' }));
    expect(fake.callsTo('settings.update')).toEqual([
      { reminders: { workDays: [1, 2, 3, 4, 5, 6] } },
      { reminders: { noTimer: true } },
      { reminders: { noTimerEveryMinutes: 15 } },
      { reminders: { stopOnShutdown: true } },
    ]);
  });

  it('two changes in quick succession both stay: the first reply does not put the second box back', async () => {
    const fake = createFakeHarvestTray({ settings: DEFAULT_SETTINGS });
    // Harvest Tray's main process applies each patch as it arrives and answers (and announces)
    // the settings of that moment; here each answer waits for its own release.
    let stored: Settings = DEFAULT_SETTINGS;
    const releases: Array<() => void> = [];
    fake.handle('settings.update', async (patch: SettingsPatch) => {
      stored = patched(stored, patch);
      const answer = stored;
      await new Promise<void>((resolve) => releases.push(resolve));
      // The main process also tells every popover what changed, a moment after it answers.
      setTimeout(() => fake.emit('settings.changed', answer), 5);
      return answer;
    });
    const { user } = await openSettings(fake);
    const endOfDay = () => screen.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' });
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await user.click(endOfDay());
    expect(endOfDay()).toBeChecked();
    await waitFor(() => expect(releases).toHaveLength(2));

    act(() => releases[0]?.());
    // The first answer knows Saturday but not the end-of-day reminder, which is still on its way.
    await waitFor(() => expect(fake.callsTo('settings.update')).toHaveLength(2));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(endOfDay()).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();

    act(() => releases[1]?.());
    await waitFor(() => expect(endOfDay()).toBeChecked());
  });

  it('a box shows its new state within the click itself, before any answer or promise settles', async () => {
    // A browser (and Playwright's check()) reads a controlled box right after the click event: a
    // state that arrives a few promises later shows as a click that did nothing.
    const fake = createFakeHarvestTray({ settings: DEFAULT_SETTINGS });
    fake.handle('settings.update', () => new Promise<Settings>(() => undefined));
    await openSettings(fake);
    const saturday = screen.getByRole('checkbox', { name: 'Saturday' });
    fireEvent.click(saturday);
    expect(saturday).toBeChecked();
    const endOfDay = screen.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' });
    fireEvent.click(endOfDay);
    expect(endOfDay).toBeChecked();
    expect(saturday).toBeChecked();
  });

  it('a reminder time the main process refuses is shown beside the field, and the setting put back', async () => {
    const fake = createFakeHarvestTray({ settings: DEFAULT_SETTINGS });
    fake.refuse('settings.update', { kind: 'validation', field: 'reminders.endOfDayAt', message: 'reminders.endOfDayAt: Expected a time like 9:00 or 17:30' });
    const { user } = await openSettings(fake);
    await user.click(screen.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Expected a time like 9:00 or 17:30');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' })).not.toBeChecked());
  });

  it('a weekly target set here replaces Harvest’s capacity in the day view', async () => {
    const today = toLocalDate(new Date());
    const fake = createFakeHarvestTray({
      settings: DEFAULT_SETTINGS,
      me: { ...ada, weeklyCapacity: 40 * 3600 },
      entries: [makeEntry({ spentDate: today, hours: 3, hoursWithoutTimer: 3 })],
    });
    const { user } = await openSettings(fake);
    const target = screen.getByLabelText('Weekly target (hours)');
    expect(target).toHaveAccessibleDescription('Left empty, your weekly capacity in Harvest is used (40:00).');
    await user.type(target, 'lots');
    await user.tab();
    expect(target).toHaveAccessibleDescription(/Enter the hours of a week/);
    await user.clear(target);
    await user.type(target, '30');
    await user.tab();
    expect(fake.callsTo('settings.update')).toEqual([{ weeklyTargetHours: 30 }]);
    act(() => screen.getByRole('button', { name: 'Back' }).click());
    expect(await screen.findByText('3:00 of 30:00 this week')).toBeInTheDocument();
  });
});
