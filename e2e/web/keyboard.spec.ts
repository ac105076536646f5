// The popover by keyboard alone: quick start focused on open, a timer running within three keys
// and stopped with one, single-key shortcuts when no field has the focus, listed behind `?`, and
// the focus put where the work continues after a save or a refusal.
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { choose, entriesAtHarvest, entryItems, focusedRowText, quickStart, runningBar, waitForEntries } from './popover';

const today = () => toLocalDate(new Date());

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`keyboard, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('open → quick start → running in two keys, then stopped with one', async ({ page, sim }) => {
      await waitForEntries(page);
      await expect(quickStart(page)).toBeFocused();
      const keys: string[] = [];
      const press = async (key: string) => {
        keys.push(key);
        await page.keyboard.press(key);
      };

      await press('ArrowDown');
      const first = page.getByRole('option').first();
      const chosen = (await first.locator('.combobox-label').innerText()).trim();
      await snap(page, 'quick-start-open');
      await press('Enter');
      await expect(runningBar(page)).toContainText(chosen);
      expect(keys.length).toBeLessThanOrEqual(3);
      // The focus is on the started entry's row, ready for its shortcuts.
      await expect.poll(() => focusedRowText(page)).toContain(chosen);
      await expect(runningBar(page).getByRole('button', { name: 'Stop timer', exact: true })).toBeEnabled();

      await page.keyboard.press('s');
      await expect(runningBar(page)).toHaveCount(0);
      await expect
        .poll(async () => (await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, today())).some((entry) => entry.is_running))
        .toBe(false);
    });

    test("quick start restarts today's entry with the same notes rather than adding a second", async ({ page, sim }) => {
      await waitForEntries(page);
      const before = await entryItems(page).count();
      await quickStart(page).pressSequentially('stand-up');
      await expect(page.getByRole('option')).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(runningBar(page)).toContainText('Daily stand-up');
      await expect(entryItems(page)).toHaveCount(before);
      await expect
        .poll(async () => {
          const entries = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, today());
          return entries.filter((entry) => entry.is_running).map((entry) => entry.notes);
        })
        .toEqual(['Daily stand-up']);
      expect((await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, today())).length).toBe(before);
    });

    test('quick start on an earlier day’s work starts a new timer today with its notes', async ({ page, sim }) => {
      await waitForEntries(page);
      const before = await entryItems(page).count();
      await quickStart(page).pressSequentially('CMS fields');
      await page.keyboard.press('Enter');
      await expect(runningBar(page)).toContainText('Menu page: CMS fields and responsive grid');
      await expect(entryItems(page)).toHaveCount(before + 1);
      await expect
        .poll(async () => {
          const entries = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, today());
          return entries.filter((entry) => entry.is_running).map((entry) => entry.notes);
        })
        .toEqual(['Menu page: CMS fields and responsive grid']);
    });

    test('single-key shortcuts when no field has the focus, listed behind ?', async ({ page }) => {
      await waitForEntries(page);
      // Out of the quick-start field: now keys are commands.
      await page.keyboard.press('Tab');
      await page.keyboard.press('?');
      const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(overlay).toBeVisible();
      for (const does of ['New entry', 'Edit the selected entry', 'Move between entries', 'Restart the selected entry']) {
        await expect(overlay).toContainText(does);
      }
      await snap(page, 'shortcuts');
      await page.keyboard.press('Escape');
      await expect(overlay).toHaveCount(0);
      // Escape closed the list, not the popover.
      await expect(entryItems(page).first()).toBeVisible();

      // Arrows select rows; E edits the selected one; leaving the form gives its row the focus back.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const second = await focusedRowText(page);
      expect(second).not.toBe('');
      await page.keyboard.press('e');
      const form = page.getByRole('form', { name: 'Edit entry' });
      await expect(form).toBeVisible();
      const notes = await form.getByLabel('Notes', { exact: true }).inputValue();
      expect(second).toContain(notes.split('\n')[0]);
      await page.keyboard.press('Escape');
      await expect.poll(() => focusedRowText(page)).toBe(second);

      // Enter restarts the selected (stopped) entry.
      const stoppedRow = entryItems(page).filter({ hasText: 'Daily stand-up' });
      await stoppedRow.focus();
      await page.keyboard.press('Enter');
      await expect(runningBar(page)).toContainText('Daily stand-up');

      // S on the selected entry stops it while it runs, and starts it again once stopped.
      await stoppedRow.focus();
      await page.keyboard.press('s');
      await expect(runningBar(page)).toHaveCount(0);
      await page.keyboard.press('s');
      await expect(runningBar(page)).toContainText('Daily stand-up');

      // Delete deletes the selected entry, with Undo; the focus moves to a neighbouring row.
      const count = await entryItems(page).count();
      await entryItems(page).filter({ hasText: 'Homepage hero variations' }).focus();
      await page.keyboard.press('Delete');
      await expect(entryItems(page)).toHaveCount(count - 1);
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
      await expect.poll(() => focusedRowText(page)).not.toBe('');

      // N opens a new entry.
      await page.keyboard.press('n');
      await expect(page.getByRole('form', { name: 'New entry' })).toBeVisible();
    });

    test('after a save the focus is on the changed row; after a refusal, on the field in error', async ({ page }) => {
      await waitForEntries(page);
      const row = entryItems(page).filter({ hasText: 'Daily stand-up' });
      await row.getByRole('button', { name: 'Edit entry', exact: true }).click();
      const notes = page.getByLabel('Notes', { exact: true });
      await notes.fill('Daily stand-up, ran long');
      await notes.press('Control+Enter');
      await expect.poll(() => focusedRowText(page)).toContain('Daily stand-up, ran long');

      await page.keyboard.press('n');
      await choose(page, 'Project');
      await choose(page, 'Task');
      await page.getByLabel('Hours', { exact: true }).fill('abc');
      await page.getByLabel('Notes', { exact: true }).focus();
      await page.keyboard.press('Control+Enter');
      await expect(page.getByLabel('Hours', { exact: true })).toBeFocused();
      await expect(page.getByLabel('Hours', { exact: true })).toHaveAttribute('aria-invalid', 'true');

      // A new entry saved: the focus is on its row once Harvest has given it an id.
      await page.getByLabel('Hours', { exact: true }).fill('0:45');
      await page.getByLabel('Notes', { exact: true }).fill('Written by keyboard');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => focusedRowText(page)).toContain('Written by keyboard');
    });
  });
}
