import { format } from 'date-fns';
import { addDays, toLocalDate } from '../../shared/localDate';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { dayTotal, entriesList, entryItems, hoursIn, waitForEntries } from './popover';

/** Entry texts without their hours, which tick while a timer runs. */
async function entrySummaries(page: Page): Promise<string[]> {
  const texts = await entryItems(page).allInnerTexts();
  return texts.map((text) => text.replace(/\d+[:.]\d{2}/g, '#'));
}

function dayLabel(localDate: string): RegExp {
  const date = new Date(`${localDate}T12:00:00`);
  // Day first or month first, as the account writes dates.
  return new RegExp(`${format(date, 'd')}\\s+${format(date, 'MMM')}|${format(date, 'MMM')}\\s+${format(date, 'd')}\\b`);
}

test.describe("today's entries", () => {
  test('lists each entry with its project, task, notes and hours, and the day total adds up', async ({
    page,
  }) => {
    await waitForEntries(page);
    const items = entryItems(page);
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const text = await items.nth(index).innerText();
      expect(text.trim().length).toBeGreaterThan(0);
      expect(hoursIn(text).length, `hours shown in: ${text}`).toBeGreaterThan(0);
    }

    await expect(dayTotal(page)).toBeVisible();
    // A running timer ticks between reads, so compare within a minute or so.
    const texts = await items.allInnerTexts();
    const sum = texts.map((text) => hoursIn(text).at(-1) ?? 0).reduce((a, b) => a + b, 0);
    const total = hoursIn(await dayTotal(page).innerText())[0];
    expect(total).toBeDefined();
    expect(Math.abs((total ?? 0) - sum)).toBeLessThanOrEqual(0.05);
    await snap(page, 'today');
  });

  test('moves between days and back to today', async ({ page }) => {
    await waitForEntries(page);
    const today = toLocalDate(new Date());
    const heading = page.getByRole('heading', { name: dayLabel(today) });
    await expect(heading).toBeVisible();
    const todaysEntries = await entrySummaries(page);

    await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    await expect(page.getByRole('heading', { name: dayLabel(addDays(today, -1)) })).toBeVisible();
    await expect(
      entriesList(page)
        .or(page.getByText(/no (time )?entries/i))
        .first(),
    ).toBeVisible();
    await expect.poll(() => entrySummaries(page)).not.toEqual(todaysEntries);
    await snap(page, 'previous-day');

    await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    await expect(page.getByRole('heading', { name: dayLabel(addDays(today, -2)) })).toBeVisible();
    await page.getByRole('button', { name: 'Next day', exact: true }).click();
    await expect(page.getByRole('heading', { name: dayLabel(addDays(today, -1)) })).toBeVisible();

    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect(heading).toBeVisible();
    await expect.poll(() => entrySummaries(page)).toEqual(todaysEntries);
  });
});
