// The settings view in the browser, against the simulator: a shortcut recorded by pressing it,
// clashes refused, defaults restored, reminders and targets kept across a reload, and what a
// browser cannot do left out or explained. Accessible in light and dark, recording included.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { waitForEntries } from './popover';

async function openSettings(page: Page): Promise<void> {
  await waitForEntries(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
}

const shortcutRow = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`settings, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('every section is accessible, while a shortcut is being recorded too', async ({ page }) => {
      await openSettings(page);
      await expectNoViolations(page, 'settings');
      await snap(page, 'settings-top');
      await page.getByRole('heading', { name: 'Reminders' }).scrollIntoViewIfNeeded();
      await snap(page, 'settings-reminders');
      await page.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' }).click();
      await expect(page.getByRole('button', { name: 'Press the new keys…' })).toBeFocused();
      await expectNoViolations(page, 'settings, recording a shortcut');
      await snap(page, 'settings-recording');
    });

    test('a reminder in the popover is accessible', async ({ page, host }) => {
      await waitForEntries(page);
      // The end-of-day reminder, due a minute ago, on any day of the week.
      const due = new Date(Date.now() - 60_000);
      await host.core.handlers['settings.update']({
        reminders: { endOfDay: true, endOfDayAt: `${due.getHours()}:${String(due.getMinutes()).padStart(2, '0')}`, workDays: [0, 1, 2, 3, 4, 5, 6], workStart: '0:00', workEnd: '23:59' },
      });
      await host.core.checkReminders();
      const reminder = page.getByRole('region', { name: 'Reminder' });
      await expect(reminder).toContainText(/You tracked \d+:\d\d today/);
      await expectNoViolations(page, 'reminder');
      await snap(page, 'reminder-end-of-day');
      await reminder.getByRole('button', { name: 'Open review' }).click();
      await expect(page.getByRole('heading', { name: 'Review', exact: true })).toBeVisible();
      await expect(reminder).toBeHidden();
    });
  });
}

test.describe('settings', () => {
  test('records a new shortcut by pressing it, and keeps it across a reload', async ({ page }) => {
    await openSettings(page);
    const row = shortcutRow(page, 'Show or hide Harvest Tray');
    await expect(row.locator('kbd')).toHaveText('Ctrl+Alt+H');
    await page.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' }).click();
    await page.keyboard.press('Control+Shift+KeyK');
    await expect(row.locator('kbd')).toHaveText('Ctrl+Shift+K');
    await expect(page.getByRole('button', { name: 'Change shortcut: Show or hide Harvest Tray' })).toBeFocused();

    await page.reload();
    await openSettings(page);
    await expect(shortcutRow(page, 'Show or hide Harvest Tray').locator('kbd')).toHaveText('Ctrl+Shift+K');
  });

  test('refuses the other shortcut’s keys and a bare key, and puts the defaults back', async ({ page }) => {
    await openSettings(page);
    await page.getByRole('button', { name: 'Change shortcut: Stop or restart the last timer' }).click();
    await page.keyboard.press('Control+Alt+KeyH');
    await expect(page.getByRole('alert')).toHaveText('Ctrl+Alt+H is already the shortcut for “Show or hide Harvest Tray”. Press other keys.');
    await page.keyboard.press('KeyQ');
    await expect(page.getByRole('alert')).toContainText('Hold Ctrl, Alt or Super with the key');
    await snap(page, 'settings-shortcut-refused');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Turn off shortcut: Stop or restart the last timer' }).click();
    await expect(shortcutRow(page, 'Stop or restart the last timer').locator('kbd')).toHaveText('None');
    await page.getByRole('button', { name: 'Reset shortcuts to defaults' }).click();
    await expect(shortcutRow(page, 'Stop or restart the last timer').locator('kbd')).toHaveText('Ctrl+Alt+R');
    await expect(page.getByRole('button', { name: 'Reset shortcuts to defaults' })).toBeDisabled();
  });

  test('in the browser: no launch at login, and a word on what the desktop app does instead', async ({ page }) => {
    await openSettings(page);
    await expect(page.getByRole('checkbox', { name: 'Open Harvest Tray when I log in' })).toHaveCount(0);
    await expect(page.getByText('A browser cannot register shortcuts for the whole system.', { exact: false })).toBeVisible();
    await expect(page.getByText('A browser cannot see whether you are at the computer', { exact: false })).toBeVisible();
  });

  test('reminders, idle time and the weekly target are kept across a reload, and the target shows', async ({ page }) => {
    await openSettings(page);
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' }).check();
    await page.getByLabel('End-of-day reminder at').fill('18:15');
    await page.getByLabel('Working day ends').fill('08:00');
    await expect(page.getByRole('alert')).toHaveText('The working day must end after it starts.');
    await page.getByLabel('Working day ends').fill('18:00');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByLabel('Away for at least (minutes)').fill('20');
    await page.getByLabel('Weekly target (hours)').fill('10');
    await page.getByLabel('Weekly target (hours)').press('Enter');

    await page.reload();
    await openSettings(page);
    await expect(page.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Show the day’s total at the end of the working day' })).toBeChecked();
    await expect(page.getByLabel('End-of-day reminder at')).toHaveValue('18:15');
    await expect(page.getByLabel('Working day ends')).toHaveValue('18:00');
    await expect(page.getByLabel('Away for at least (minutes)')).toHaveValue('20');
    await expect(page.getByLabel('Weekly target (hours)')).toHaveValue('10');

    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByText(/of 10:00 this week/)).toBeVisible();
  });
});
