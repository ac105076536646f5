// No axe violations on any screen, in light and in dark: the popover is used all day, by everyone.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { choose, entryItems, tokenBox, waitForEntries } from './popover';

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

    test('settings', async ({ page }) => {
      await waitForEntries(page);
      await openView(page, /^Settings$/i);
      await expect(page.getByRole('heading', { name: /settings/i }).first()).toBeVisible();
      await expectNoViolations(page, 'settings');
      await snap(page, 'a11y-settings');
    });
  });
}
