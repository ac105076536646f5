// No axe violations on any screen, in light and in dark: the popover is used all day, by everyone.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { choose, entryItems, quickStart, runningBar, tokenBox, waitForEntries } from './popover';

/** Opens a top-level view offered as a button, tab or link (the popover's navigation). */
async function openView(page: Page, name: RegExp): Promise<void> {
  const control = page
    .getByRole('button', { name })
    .or(page.getByRole('tab', { name }))
    .or(page.getByRole('link', { name }))
    .first();
  await control.click();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test.describe('signed out', () => {
      test.use({ signedIn: false });
      test('sign-in', async ({ page }) => {
        await expect(tokenBox(page)).toBeVisible();
        await expectNoViolations(page, 'sign-in');
        await snap(page, 'a11y-sign-in');
      });
    });

    test('today', async ({ page }) => {
      await waitForEntries(page);
      await expectNoViolations(page, 'today');
      await snap(page, 'a11y-today');
    });

    test('today, with the quick-start list open', async ({ page }) => {
      await waitForEntries(page);
      await expect(runningBar(page)).toBeVisible();
      await quickStart(page).press('ArrowDown');
      await expect(page.getByRole('option').first()).toBeVisible();
      await expectNoViolations(page, 'today with quick start open');
      await snap(page, 'a11y-quick-start');
    });

    test('keyboard shortcuts', async ({ page }) => {
      await waitForEntries(page);
      await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoViolations(page, 'keyboard shortcuts');
      await snap(page, 'a11y-shortcuts');
    });

    test('another day', async ({ page }) => {
      await waitForEntries(page);
      await page.getByRole('button', { name: 'Previous day', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Today', exact: true })).toBeVisible();
      await expectNoViolations(page, 'another day');
      await snap(page, 'a11y-another-day');
    });

    test('new entry', async ({ page }) => {
      await waitForEntries(page);
      await page.getByRole('button', { name: 'New entry', exact: true }).click();
      await choose(page, 'Project');
      await choose(page, 'Task');
      await expectNoViolations(page, 'new entry');
      // The form with a refused value shows its reason: that state must be accessible too.
      await page.getByLabel('Hours', { exact: true }).fill('abc');
      await page.getByRole('button', { name: /^(Save entry|Start timer)$/ }).click();
      await expectNoViolations(page, 'new entry with an error');
      await snap(page, 'a11y-new-entry');
    });

    test('edit entry', async ({ page }) => {
      await waitForEntries(page);
      await entryItems(page)
        .filter({ hasText: 'Daily stand-up' })
        .getByRole('button', { name: 'Edit entry', exact: true })
        .click();
      await expect(page.getByLabel('Notes', { exact: true })).toHaveValue(/Daily stand-up/);
      await expectNoViolations(page, 'edit entry');
      await snap(page, 'a11y-edit-entry');
    });

    test('review', async ({ page }) => {
      await waitForEntries(page);
      await openView(page, /^(Review|Daily review|Review day)$/i);
      await expect(page.getByRole('heading', { name: /review/i }).first()).toBeVisible();
      await expectNoViolations(page, 'review');
      await snap(page, 'a11y-review');
    });

    test.describe('start/end-time account', () => {
      test.use({ account: 'timestamp' });
      test('review with gaps to fill, and the form it opens', async ({ page }) => {
        await waitForEntries(page);
        await openView(page, /^Review$/);
        await expect(page.getByRole('heading', { name: 'Worth a look' })).toBeVisible();
        await expectNoViolations(page, 'review with gaps');
        await snap(page, 'a11y-review-gaps');
        await page.getByRole('button', { name: /^Add an entry from / }).first().click();
        await expect(page.getByRole('form', { name: 'New entry' })).toBeVisible();
        await expectNoViolations(page, 'new entry filling a gap');
        await snap(page, 'a11y-fill-gap');
      });
    });

    test.describe('demo', () => {
      test.use({ signedIn: false });
      test('today in the demo', async ({ page }) => {
        await page.getByRole('button', { name: 'Try the demo', exact: true }).click();
        await waitForEntries(page);
        await expectNoViolations(page, 'demo');
        await snap(page, 'a11y-demo');
      });
    });

    test('settings', async ({ page }) => {
      await waitForEntries(page);
      await openView(page, /^Settings$/i);
      await expect(page.getByRole('heading', { name: /settings/i }).first()).toBeVisible();
      await expectNoViolations(page, 'settings');
      await snap(page, 'a11y-settings');
    });
  });
}
