// Every figure on the day view comes from the same cached week: the day total and "… of 40:00
// this week" move together after a delete, an undo and a stop. While nothing is known the footer
// holds placeholders of the final size, and cached entries being refreshed say so quietly.
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { dayTotal, entriesList, entryItems, hoursIn, runningBar, waitForEntries, weekFigure } from './popover';

async function figures(page: Page): Promise<{ day: number; week: number }> {
  const day = hoursIn(await dayTotal(page).innerText())[0] ?? Number.NaN;
  const week = hoursIn(await weekFigure(page).innerText())[0] ?? Number.NaN;
  return { day, week };
}

/** Day and week, each minus its value before: equal when the two figures moved together. */
async function expectMovedTogether(page: Page, before: { day: number; week: number }, by: number): Promise<void> {
  // A running timer can tick over a minute between two reads: 0.02 h is a little over a minute.
  await expect
    .poll(async () => {
      const now = await figures(page);
      return Math.abs(now.day - before.day - by) <= 0.02 && Math.abs(now.week - before.week - by) <= 0.02;
    })
    .toBe(true);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`totals, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the day total and the week figure change together after delete, undo and stop', async ({ page }) => {
      await waitForEntries(page);
      await expect(weekFigure(page)).toBeVisible();
      const start = await figures(page);

      // Daily stand-up: 0:15.
      await entryItems(page).filter({ hasText: 'Daily stand-up' }).getByRole('button', { name: 'Delete entry', exact: true }).click();
      await expectMovedTogether(page, start, -0.25);
      await snap(page, 'totals-after-delete');

      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expectMovedTogether(page, start, 0);

      // Stopping freezes the timer at its hours: both figures keep the same value, together.
      await runningBar(page).getByRole('button', { name: 'Stop timer', exact: true }).click();
      await expect(runningBar(page)).toHaveCount(0);
      await expectMovedTogether(page, start, 0);
    });

    test('while loading, the footer holds placeholders of its final size, never a wrong 0:00', async ({ browser, host }) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 380, height: 560 } });
      const page = await context.newPage();
      // The bridge's answer with the entries is held back in the browser, whatever the core
      // already holds, until the placeholders have been measured.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route('**/api/entries.list', async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(host.url);
        await expect(page.getByRole('heading', { name: /^Today, / })).toBeVisible({ timeout: 10_000 });
        await expect(dayTotal(page)).toHaveAttribute('aria-busy', 'true');
        expect(await dayTotal(page).innerText()).toBe('');
        await expect(page.getByText(/0:00/)).toHaveCount(0);
        const footer = page.getByRole('contentinfo');
        const loadingHeight = (await footer.boundingBox())?.height;
        await snap(page, 'loading');
        release();
        await waitForEntries(page);
        await expect(weekFigure(page)).toBeVisible();
        expect((await footer.boundingBox())?.height).toBe(loadingHeight);
      } finally {
        await context.close();
      }
    });

    test('cached entries being refreshed are marked, quietly, and the mark goes when Harvest answers', async ({ page }) => {
      await waitForEntries(page);
      await expect(entriesList(page)).not.toHaveAttribute('aria-busy', 'true');
      // From now on the entries' answer comes a little late, as from a slow Harvest.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/entries.list', async (route) => {
        await held;
        await route.continue();
      });
      // A restart refreshes the week once Harvest has answered it.
      await entryItems(page).filter({ hasText: 'Daily stand-up' }).getByRole('button', { name: 'Restart timer', exact: true }).click();
      await expect(entriesList(page)).toHaveAttribute('aria-busy', 'true', { timeout: 5_000 });
      // The entries stay on screen meanwhile: nothing blanks or jumps.
      await expect(entryItems(page).first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      release();
      await expect(entriesList(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 10_000 });
    });
  });
}
