// Changes Harvest has not confirmed, as the user sees them: kept while Harvest cannot be reached
// (the status says so, the entry is marked), sent once it answers, and a change Harvest refuses
// on the way kept with Harvest's reason, to be retried, edited or discarded (asked first).
import type { Locator, Page } from '@playwright/test';
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { entriesAtHarvest, entryItems, waitForEntries } from './popover';

const RUNNING = 'Logo refinements after client feedback';
const REFUSAL = 'Cannot stop a timer on an archived project.';
/** The queue sends once Harvest answers again; its back-off may wait a while before it asks. */
const SENT_WITHIN_MS = 30_000;

const status = (page: Page): Locator => page.getByRole('status').first();
const changesList = (page: Page): Locator => page.getByRole('list', { name: 'Changes waiting' });

async function isRunningAtHarvest(sim: { apiUrl: string }): Promise<boolean | undefined> {
  const atHarvest = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()));
  return atHarvest.find((entry) => entry.notes === RUNNING)?.is_running;
}

/** Stops the running timer while Harvest cannot be reached: the stop is kept, not refused. */
async function stopOffline(page: Page, sim: { knobs: { setOffline(offline: boolean): void } }): Promise<Locator> {
  await waitForEntries(page);
  const row = entryItems(page).filter({ hasText: RUNNING });
  sim.knobs.setOffline(true);
  await row.getByRole('button', { name: 'Stop timer', exact: true }).click();
  await expect(status(page)).toHaveText('Offline — 1 change waiting to be sent.', { timeout: 15_000 });
  return row;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`changes not yet in Harvest, ${colorScheme}`, () => {
    test.beforeEach(async ({ page }) => page.emulateMedia({ colorScheme }));

    test('a stop made offline waits, marked, and is sent once Harvest answers', async ({ page, sim }) => {
      const row = await stopOffline(page, sim);
      // Shown stopped, as it will be, marked quietly; nothing is said to have failed.
      await expect(row.getByRole('button', { name: 'Restart timer', exact: true })).toBeVisible();
      await expect(row).toContainText('Not in Harvest yet');
      await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
      await snap(page, 'queue-waiting');

      await page.getByRole('button', { name: 'Show changes', exact: true }).click();
      await expect(changesList(page).getByRole('listitem')).toHaveCount(1);
      await expect(changesList(page)).toContainText('Stop timer');
      await expect(changesList(page)).toContainText('Waiting to be sent');
      await snap(page, 'queue-waiting-list');
      await expectNoViolations(page, `the changes waiting (${colorScheme})`);

      sim.knobs.setOffline(false);
      await expect(status(page)).toHaveText('', { timeout: SENT_WITHIN_MS });
      await expect(row).not.toContainText('Not in Harvest yet');
      expect(await isRunningAtHarvest(sim)).toBe(false);
    });

    test('a stop Harvest refuses when sent is kept with Harvest’s reason; discarding asks first, retrying sends it', async ({
      page,
      sim,
    }) => {
      const row = await stopOffline(page, sim);
      // "/v2/time_entries/" matches the stop (…/ID/stop), not the list refresh ("/v2/time_entries?…").
      sim.knobs.failNext({ status: 422, body: { message: REFUSAL }, pathPrefix: '/v2/time_entries/' });
      sim.knobs.setOffline(false);

      await expect(status(page)).toHaveText('1 change refused by Harvest.', { timeout: SENT_WITHIN_MS });
      await expect(row).toContainText(`Refused by Harvest: ${REFUSAL}`);
      await snap(page, 'queue-refused');
      await expectNoViolations(page, `a refused change on its entry (${colorScheme})`);

      await page.getByRole('button', { name: 'Show changes', exact: true }).click();
      const change = changesList(page).getByRole('listitem');
      await expect(change).toContainText(`Refused by Harvest: ${REFUSAL}`);
      await change.getByRole('button', { name: 'Discard', exact: true }).click();
      const question = change.getByRole('group', { name: /Discard this change\?/ });
      await expect(question.getByRole('button', { name: 'Keep it', exact: true })).toBeFocused();
      await snap(page, 'queue-refused-discard');
      await expectNoViolations(page, `the question before a discard (${colorScheme})`);
      await question.getByRole('button', { name: 'Keep it', exact: true }).click();

      await change.getByRole('button', { name: 'Retry', exact: true }).click();
      await expect(status(page)).toHaveText('', { timeout: SENT_WITHIN_MS });
      expect(await isRunningAtHarvest(sim)).toBe(false);
    });
  });
}

test('signing out with a change not yet in Harvest asks first, and keeping it stays signed in', async ({ page, sim }) => {
  await stopOffline(page, sim);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: /^Sign out of / }).click();
  const question = page.getByRole('group', { name: /Sign out with 1 change not in Harvest\?/ });
  await expect(question.getByRole('button', { name: 'Stay signed in', exact: true })).toBeFocused();
  await snap(page, 'queue-sign-out');
  await question.getByRole('button', { name: 'Stay signed in', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Sign out of / })).toBeFocused();
});
