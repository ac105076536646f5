// The day view's header and the way names and dates read: Today only away from today, the day
// heading whole at popover width without the current year, the account's own date order, long
// project names given room first, and a visible Demo badge.
import { format } from 'date-fns';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { entryItems, runningBar, waitForEntries } from './popover';

const todayButton = (page: Page) => page.getByRole('button', { name: 'Today', exact: true });
const dayHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The heading is shown whole: nothing clipped, and clear of the buttons beside it. */
async function expectWhole(page: Page): Promise<void> {
  const heading = dayHeading(page);
  expect(await heading.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const headingBox = await heading.boundingBox();
  const navBox = await page.getByRole('navigation', { name: 'Views' }).boundingBox();
  expect((headingBox?.x ?? 0) + (headingBox?.width ?? 0)).toBeLessThanOrEqual(navBox?.x ?? 0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`header, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('Today is offered only away from today, and the heading stays whole without the year', async ({ page }) => {
      await waitForEntries(page);
      await expect(todayButton(page)).toHaveCount(0);
      await expect(dayHeading(page)).not.toHaveText(/\d{4}/);
      await expectWhole(page);

      // Yesterday is the longest heading ("Yesterday, Wed, Sep 30"), with Today beside it.
      await page.getByRole('button', { name: 'Previous day', exact: true }).click();
      await expect(dayHeading(page)).toHaveText(/^Yesterday, /);
      await expect(todayButton(page)).toBeVisible();
      await expectWhole(page);
      await snap(page, 'header-yesterday');
      await page.getByRole('button', { name: 'Previous day', exact: true }).click();
      await expect(dayHeading(page)).not.toHaveText(/Yesterday|Today/);
      await expectWhole(page);

      await todayButton(page).click();
      await expect(dayHeading(page)).toHaveText(/^Today, /);
      await expect(todayButton(page)).toHaveCount(0);
    });

    test('dates follow the account: month first in Northwind Studio, in the heading and the form', async ({ page }) => {
      await waitForEntries(page);
      const now = new Date();
      await expect(dayHeading(page)).toHaveText(`Today, ${format(now, 'EEE')}, ${format(now, 'MMM')} ${format(now, 'd')}`);
      await page.getByRole('button', { name: 'New entry', exact: true }).click();
      await expect(page.getByLabel('Date', { exact: true })).toHaveValue(format(now, 'MM/dd/yyyy'));
    });

    test('the project name gets the room first; full names on hover and for screen readers', async ({ page }) => {
      await waitForEntries(page);
      const row = entryItems(page).filter({ hasText: 'Harbor & Finch Architects' });
      const name = row.getByText('Brand Identity', { exact: true });
      expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await expect(row.getByTitle('Brand Identity · Harbor & Finch Architects', { exact: true })).toBeVisible();
      // Cut on screen, whole in the accessible text.
      await expect(row).toContainText('Harbor & Finch Architects');
      const barName = runningBar(page).getByText('Brand Identity', { exact: true });
      expect(await barName.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    });
  });

  test.describe(`header, start/end-time account, ${colorScheme}`, () => {
    test.use({ colorScheme, account: 'timestamp' });

    test('dates follow the account: day first in Northwind Labs, in the heading and the form', async ({ page }) => {
      await waitForEntries(page);
      const now = new Date();
      await expect(dayHeading(page)).toHaveText(`Today, ${format(now, 'EEE d MMM')}`);
      await page.getByRole('button', { name: 'New entry', exact: true }).click();
      await expect(page.getByLabel('Date', { exact: true })).toHaveValue(format(now, 'dd/MM/yyyy'));
      await snap(page, 'new-entry-timestamp');
    });

    test('long project and client names: the project whole, the client cut', async ({ page }) => {
      await waitForEntries(page);
      const row = entryItems(page).filter({ hasText: 'Telemetry chart' });
      const name = row.getByText('Firmware Dashboard', { exact: true });
      expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await expect(row.getByTitle('Firmware Dashboard · Tidewater Robotics', { exact: true })).toBeVisible();
      await snap(page, 'long-names');
    });
  });

  test.describe(`demo, ${colorScheme}`, () => {
    test.use({ colorScheme, signedIn: false });

    test('the demo is marked as one, and the sign-in screen says it starts afresh', async ({ page }) => {
      await expect(page.getByText(/Each demo starts afresh: changes made in an earlier one are not kept/)).toBeVisible();
      await page.getByRole('button', { name: 'Try the demo', exact: true }).click();
      await waitForEntries(page);
      await expect(page.getByRole('navigation', { name: 'Views' }).getByText('Demo', { exact: true })).toBeVisible();
      await snap(page, 'demo-badge');
    });
  });
}
