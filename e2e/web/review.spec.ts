// The daily review: where the day's hours went, the week at a glance, and what looks wrong.
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { entriesList, waitForEntries } from './popover';

async function openReview(page: Page): Promise<void> {
  await waitForEntries(page);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Review', exact: true })).toBeVisible();
}

const projectTotals = (page: Page) =>
  page.getByRole('list', { name: 'Hours per project' }).getByRole('listitem');

test.describe('review, duration account', () => {
  test("shows the day's hours per project, largest first, and the week", async ({ page }) => {
    await openReview(page);
    // Website Refresh 1:30, Brand Identity 0:30 plus its running timer, Studio Operations 0:15.
    await expect(projectTotals(page)).toHaveCount(3);
    await expect(projectTotals(page).nth(0)).toContainText('Website Refresh');
    await expect(projectTotals(page).nth(0)).toContainText('1:30');
    await expect(projectTotals(page).nth(1)).toContainText('Brand Identity');
    await expect(projectTotals(page).nth(2)).toContainText('Studio Operations');
    await expect(projectTotals(page).nth(2)).toContainText('0:15');

    const week = page.getByRole('navigation', { name: 'Week' }).getByRole('button');
    await expect(week).toHaveCount(7);
    // Today is the day shown, and is marked as such for screen readers.
    await expect(
      page.getByRole('navigation', { name: 'Week' }).locator('button[aria-current="date"]'),
    ).toHaveCount(1);
    await expect(
      week
        .filter({ has: page.locator('[aria-current="date"]') })
        .or(week.and(page.locator('[aria-current="date"]'))),
    ).toHaveCount(1);
    await snap(page, 'review');
  });

  test('a day of the week opens that day', async ({ page }) => {
    await openReview(page);
    const yesterday = page
      .getByRole('navigation', { name: 'Week' })
      .getByRole('button', { name: /^Yesterday/ });
    // On a Monday (week starting Monday) yesterday belongs to the previous week.
    test.skip((await yesterday.count()) === 0, 'Yesterday is in the previous week today.');
    await expect(yesterday).toContainText('4:45');
    await yesterday.click();
    await expect(
      entriesList(page).getByRole('listitem').filter({ hasText: 'Menu page: CMS fields' }),
    ).toHaveCount(1);
  });
});

test.describe('review, start/end-time account', () => {
  test.use({ account: 'timestamp' });

  test('points out the gap between entries', async ({ page }) => {
    await openReview(page);
    // 8:30–10:00 and 10:15–10:45; the running timer has no end yet and is left out.
    await expect(page.getByRole('heading', { name: 'Worth a look' })).toBeVisible();
    await expect(page.getByText(/from 10:00 to 10:15 \(15 min\)/)).toBeVisible();
    await snap(page, 'review-gap');
  });
});
