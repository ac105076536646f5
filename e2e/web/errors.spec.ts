// What the user sees when Harvest says no, when the token stops working, and when the network goes.
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { alert, entriesAtHarvest, entryItems, tokenBox, waitForEntries } from './popover';

const RUNNING = 'Logo refinements after client feedback';

/**
 * The day view reads a whole week at once, so only a day in another week is a read that needs
 * Harvest. Stops early when the day view goes away (a 401 sends the user to sign-in).
 */
async function showPreviousWeek(page: Page): Promise<void> {
  const previous = page.getByRole('button', { name: 'Previous day', exact: true });
  for (let day = 0; day < 7 && (await previous.isVisible()); day += 1) {
    // The view may leave between the check and the click; what follows asserts the outcome.
    await previous.click({ timeout: 2_000 }).catch(() => undefined);
  }
}

test.describe('errors', () => {
  test('a change Harvest refuses (422) is shown in Harvest’s words and undone on screen', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    const running = entryItems(page).filter({ hasText: RUNNING });
    // "/v2/time_entries/" matches the stop call but not the list refresh ("/v2/time_entries?...").
    sim.knobs.failNext({
      status: 422,
      body: { message: 'Cannot stop a timer on an archived project.' },
      pathPrefix: '/v2/time_entries/',
    });
    await running.getByRole('button', { name: 'Stop timer', exact: true }).click();
    await expect(alert(page)).toContainText('Cannot stop a timer on an archived project.');
    await expect(running.getByRole('button', { name: 'Stop timer', exact: true })).toBeVisible();
    await snap(page, 'harvest-422');
  });

  test('a token Harvest no longer accepts (401) leads back to sign-in', async ({ page, sim }) => {
    await waitForEntries(page);
    sim.knobs.failNext({
      status: 401,
      body: {
        error: 'invalid_token',
        error_description:
          'The access token provided is expired, revoked, malformed or invalid for other reasons.',
      },
      count: 5,
    });
    await showPreviousWeek(page);
    await expect(tokenBox(page)).toBeVisible();
    await expect(entryItems(page)).toHaveCount(0);
    // Why the user has to sign in again, in Harvest's words.
    await expect(page.getByRole('alert')).toContainText(/access token provided is expired, revoked/);
    await snap(page, 'signed-out-401');
  });

  test('offline is shown in the status, and clears when Harvest is reachable again', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    const status = page.getByRole('status').filter({ hasText: /offline/i });
    await expect(status).toHaveCount(0);

    sim.knobs.setOffline(true);
    // Any read that needs Harvest finds out.
    await showPreviousWeek(page);
    await expect(status).toBeVisible({ timeout: 15_000 });
    await snap(page, 'offline');

    sim.knobs.setOffline(false);
    await showPreviousWeek(page);
    await expect(status).toHaveCount(0, { timeout: 30_000 });
  });

  test('a change made offline waits, is counted in the status, and reaches Harvest when back', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    const status = page.getByRole('status').filter({ hasText: /offline/i });
    sim.knobs.setOffline(true);
    const running = entryItems(page).filter({ hasText: RUNNING });
    await running.getByRole('button', { name: 'Stop timer', exact: true }).click();
    await expect(status).toBeVisible({ timeout: 15_000 });
    await expect(status).toContainText(/\b1 change/);
    // Kept, not lost: the entry shows as stopped while the stop waits, and nothing says it failed.
    await expect(running.getByRole('button', { name: 'Restart timer', exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await snap(page, 'offline-change-waiting');

    sim.knobs.setOffline(false);
    await expect
      .poll(
        async () =>
          (await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()))).find(
            (entry) => entry.notes === RUNNING,
          )?.is_running,
        { timeout: 60_000 },
      )
      .toBe(false);
    await expect(page.getByRole('status').filter({ hasText: /waiting/i })).toHaveCount(0, { timeout: 30_000 });
  });
});
