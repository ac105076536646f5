// The daily review: where the day's hours went, the week at a glance, and what looks wrong.
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { addDays, toLocalDate } from '../../shared/localDate';
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

  test('a day of the week is chosen in place: the review stays open, on that day', async ({ page }) => {
    await openReview(page);
    const week = page.getByRole('navigation', { name: 'Week' });
    const yesterday = week.getByRole('button', { name: /^Yesterday/ });
    // On a Monday (week starting Monday) yesterday belongs to the previous week.
    test.skip((await yesterday.count()) === 0, 'Yesterday is in the previous week today.');
    await expect(yesterday).toContainText('4:45');
    await yesterday.click();
    await expect(page.getByRole('heading', { name: 'Review', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Yesterday, / })).toBeVisible();
    await expect(yesterday).toHaveAttribute('aria-current', 'date');
    await expect(projectTotals(page).first()).toContainText('Website Refresh');
    await expect(projectTotals(page).first()).toContainText('3:15');
    // Back to the day view, on the day chosen.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(
      entriesList(page).getByRole('listitem').filter({ hasText: 'Menu page: CMS fields' }),
    ).toHaveCount(1);
  });

  test('previous and next week move the review a week at a time', async ({ page }) => {
    await openReview(page);
    const today = toLocalDate(new Date());
    const current = page.getByRole('navigation', { name: 'Week' }).locator('[aria-current="date"]');
    await page.getByRole('button', { name: 'Previous week', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Review', exact: true })).toBeVisible();
    await expect(current).toHaveAccessibleName(dayName(addDays(today, -7)));
    await expect(page.getByRole('navigation', { name: 'Week' }).getByRole('button')).toHaveCount(7);
    await snap(page, 'review-previous-week');
    await page.getByRole('button', { name: 'Next week', exact: true }).click();
    await expect(current).toHaveAccessibleName(/^Today, /);
    // Two weeks back, one press brings the review to this week.
    await page.getByRole('button', { name: 'Previous week', exact: true }).click();
    await page.getByRole('button', { name: 'Previous week', exact: true }).click();
    await page.getByRole('button', { name: 'This week', exact: true }).click();
    await expect(current).toHaveAccessibleName(/^Today, /);
    await expect(page.getByRole('button', { name: 'This week', exact: true })).toHaveCount(0);
  });
});

test.describe('review, start/end-time account', () => {
  test.use({ account: 'timestamp' });

  test('points out every gap in the working window, the running timer included, each a click from filling it', async ({
    page,
  }) => {
    await openReview(page);
    // 8:30–10:00 and 10:15–10:45, and a timer started 20 minutes before the sample day was made.
    await expect(page.getByRole('heading', { name: 'Worth a look' })).toBeVisible();
    await expect(page.getByText(/from 10:00 to 10:15 \(15\smin\)/)).toBeVisible();
    const timerStart = new Date(Date.now() - 20 * 60_000);
    const startMinutes = timerStart.getHours() * 60 + timerStart.getMinutes();
    if (toLocalDate(timerStart) === toLocalDate(new Date()) && startMinutes > 10 * 60 + 46) {
      await expect(page.getByText(new RegExp(`from 10:45 to \\d{1,2}:\\d{2} `))).toBeVisible();
      await expect(page.getByRole('button', { name: /^Add an entry from 10:45 to / })).toBeVisible();
    }
    await snap(page, 'review-gap');

    await page.getByRole('button', { name: 'Add an entry from 10:00 to 10:15', exact: true }).click();
    const form = page.getByRole('form', { name: 'New entry' });
    await expect(form.getByLabel('Start time', { exact: true })).toHaveValue('10:00');
    await expect(form.getByLabel('End time', { exact: true })).toHaveValue('10:15');
    await expect(form.getByLabel('Date', { exact: true })).toHaveValue(numericToday('dmy'));
    await snap(page, 'review-fill-gap');
  });
});

function dayName(date: string): RegExp {
  const at = new Date(`${date}T12:00:00`);
  return new RegExp(`${format(at, 'd')} ${format(at, 'MMM')}|${format(at, 'MMM')} ${format(at, 'd')}\\b`);
}

function numericToday(order: 'dmy' | 'mdy'): string {
  const now = new Date();
  return order === 'dmy' ? format(now, 'dd/MM/yyyy') : format(now, 'MM/dd/yyyy');
}
