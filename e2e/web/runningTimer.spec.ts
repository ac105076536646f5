// The running timer, pinned: whatever the list's scroll, what runs, its time to the second, and a
// large Stop stay in view (Northwind Studio's sample day: "Logo refinements after client feedback"
// runs on Brand Identity · Design).
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { addEntriesThroughApp, entriesAtHarvest, entryItems, runningBar, waitForEntries } from './popover';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`running timer, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('is pinned above the list with project, task and notes, and stays in view however the list scrolls', async ({
      page,
    }) => {
      await waitForEntries(page);
      await addEntriesThroughApp(page, toLocalDate(new Date()), 6);
      await expect(entryItems(page)).toHaveCount(9);
      const bar = runningBar(page);
      await expect(bar).toContainText('Brand Identity');
      await expect(bar).toContainText('Design');
      await expect(bar).toContainText('Logo refinements after client feedback');

      // The six new entries are the newest, so the running row sits below them, out of sight at the
      // top of the list; at the bottom it is in sight. The bar is in view both ways.
      const list = page.getByRole('main');
      const runningRow = entryItems(page).filter({ hasText: 'Logo refinements' });
      await expect(runningRow).not.toBeInViewport();
      await expect(bar).toBeInViewport({ ratio: 1 });
      await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      expect(await list.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
      await expect(runningRow).toBeInViewport();
      await expect(bar).toBeInViewport({ ratio: 1 });
      await expect(bar.getByRole('button', { name: 'Stop timer', exact: true })).toBeInViewport({ ratio: 1 });
      await snap(page, 'running-bar-scrolled');
    });

    test('ticks seconds as h:mm:ss, so a fresh timer never looks frozen', async ({ page }) => {
      await waitForEntries(page);
      const reading = runningBar(page).getByRole('timer');
      await expect(reading).toHaveText(/^\d+:\d{2}:\d{2}$/);
      const first = await reading.innerText();
      await expect(reading).not.toHaveText(first, { timeout: 3_000 });
    });

    test('restarting an entry moves nothing in its row, and the bar shows it from its first second', async ({ page }) => {
      await waitForEntries(page);
      const row = entryItems(page).filter({ hasText: 'Daily stand-up' });
      const name = row.getByText('Studio Operations', { exact: true });
      const before = await name.boundingBox();
      const rowBefore = await row.boundingBox();
      await row.getByRole('button', { name: 'Restart timer', exact: true }).click();
      await expect(row.getByRole('button', { name: 'Stop timer', exact: true })).toBeVisible();
      // 0:15 already recorded, then seconds on top.
      await expect(runningBar(page)).toContainText('Daily stand-up');
      await expect(runningBar(page).getByRole('timer')).toHaveText(/^0:15:\d{2}$/);
      const after = await name.boundingBox();
      const rowAfter = await row.boundingBox();
      expect(after).toEqual(before);
      expect(rowAfter?.y).toBe(rowBefore?.y);
      await snap(page, 'running-bar-restarted');
    });

    test("the bar's Stop stops the timer at Harvest, and the bar goes", async ({ page, sim }) => {
      await waitForEntries(page);
      await runningBar(page).getByRole('button', { name: 'Stop timer', exact: true }).click();
      await expect(runningBar(page)).toHaveCount(0);
      await expect
        .poll(async () =>
          (await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()))).some(
            (entry) => entry.is_running,
          ),
        )
        .toBe(false);
    });
  });
}
