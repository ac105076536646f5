// Starting, stopping and restarting timers in a duration account (Northwind Studio's sample day:
// "Logo refinements after client feedback" runs; "Homepage hero variations" and "Daily stand-up"
// are stopped).
import { expect, snap, test } from './fixtures';
import { choose, entriesList, entryItems, waitForEntries } from './popover';

const RUNNING = 'Logo refinements after client feedback';
const STOPPED = 'Daily stand-up';

test.describe('timers', () => {
  test('stops the running timer, and Harvest keeps it stopped', async ({ page }) => {
    await waitForEntries(page);
    const running = entryItems(page).filter({ hasText: RUNNING });
    await running.getByRole('button', { name: 'Stop timer', exact: true }).click();
    await expect(running.getByRole('button', { name: 'Restart timer', exact: true })).toBeVisible();
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(0);
    await snap(page, 'timer-stopped');

    await page.reload();
    await waitForEntries(page);
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(0);
  });

  test('restarts a stopped entry, and only one timer runs', async ({ page }) => {
    await waitForEntries(page);
    const stopped = entryItems(page).filter({ hasText: STOPPED });
    await stopped.getByRole('button', { name: 'Restart timer', exact: true }).click();
    await expect(stopped.getByRole('button', { name: 'Stop timer', exact: true })).toBeVisible();
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(1);
    await snap(page, 'timer-restarted');

    await page.reload();
    await waitForEntries(page);
    const afterReload = entryItems(page).filter({ hasText: STOPPED });
    await expect(
      afterReload.getByRole('button', { name: 'Stop timer', exact: true }),
    ).toBeVisible();
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(1);
  });

  test('starts a new timer when the form is sent with Hours empty', async ({ page }) => {
    await waitForEntries(page);
    const before = await entryItems(page).count();
    await page.getByRole('button', { name: 'New entry', exact: true }).click();
    await choose(page, 'Project');
    await choose(page, 'Task');
    await page.getByLabel('Notes', { exact: true }).fill('Timer started from the form');
    await expect(page.getByLabel('Hours', { exact: true })).toHaveValue('');
    await snap(page, 'new-entry-timer');
    await page.getByRole('button', { name: 'Start timer', exact: true }).click();

    const started = entryItems(page).filter({ hasText: 'Timer started from the form' });
    await expect(started.getByRole('button', { name: 'Stop timer', exact: true })).toBeVisible();
    await expect(entryItems(page)).toHaveCount(before + 1);
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(1);
    await snap(page, 'timer-started');
  });
});
