import type { Locator, Page } from '@playwright/test';
import { SIMULATOR_TOKENS } from '../../electron/simulator';
import { expect, snap, test } from './fixtures';
import { alert, entriesList, entryItems, signIn, tokenBox, waitForEntries } from './popover';

test.use({ signedIn: false });

/** An account offered after sign-in, whichever control the form uses for the choice. */
function accountChoice(page: Page, name: RegExp): Locator {
  return page
    .getByRole('button', { name })
    .or(page.getByRole('radio', { name }))
    .or(page.getByRole('option', { name }))
    .or(page.getByRole('link', { name }));
}

test.describe('signing in', () => {
  test('a token reaching one account goes straight to today', async ({ page }) => {
    await expect(tokenBox(page)).toBeVisible();
    await snap(page, 'sign-in');
    await signIn(page, SIMULATOR_TOKENS.single);
    await waitForEntries(page);
    await expect(tokenBox(page)).toHaveCount(0);
    await snap(page, 'sign-in-single-account-today');
  });

  test('a token reaching several accounts asks which one, and leaves Forecast out', async ({
    page,
  }) => {
    await signIn(page, SIMULATOR_TOKENS.multi);
    // The token also reaches a Forecast account named "Northwind Studio": only two Harvest choices.
    await expect(accountChoice(page, /Northwind Labs/)).toHaveCount(1);
    await expect(accountChoice(page, /Northwind Studio/)).toHaveCount(1);
    await expect(accountChoice(page, /Northwind/)).toHaveCount(2);
    await snap(page, 'sign-in-choose-account');

    await accountChoice(page, /Northwind Labs/).click();
    // A radio group needs confirming; a list of buttons does not.
    const confirm = page.getByRole('button', { name: /^(Sign in|Continue|Use this account)$/ });
    if (await confirm.isVisible()) await confirm.click();
    // Northwind Labs' own entries, not Northwind Studio's.
    await expect(entryItems(page).filter({ hasText: 'Telemetry chart' })).toHaveCount(1);
    await expect(entryItems(page).filter({ hasText: 'Homepage hero' })).toHaveCount(0);
    await snap(page, 'sign-in-multi-account-today');
  });

  test('a wrong token is refused with Harvest’s reason, and nothing is signed in', async ({
    page,
  }) => {
    await signIn(page, 'not-a-real-token');
    await expect(alert(page)).toBeVisible();
    // The simulator answers like Harvest: 401 invalid_token with "The access token provided is expired, revoked...".
    await expect(alert(page)).toContainText(/token/i);
    await expect(tokenBox(page)).toBeVisible();
    await expect(entriesList(page)).toHaveCount(0);
    await snap(page, 'sign-in-wrong-token');
  });

  test('an empty token is not sent', async ({ page, sim }) => {
    const before = sim.knobs.requestCount();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(entriesList(page)).toHaveCount(0);
    expect(sim.knobs.requestCount()).toBe(before);
  });

  test('the demo needs no account', async ({ page }) => {
    await page.getByRole('button', { name: 'Try the demo', exact: true }).click();
    await waitForEntries(page);
    await snap(page, 'demo-today');
  });
});

test.describe('signing in, what the screen says', () => {
  test("shows the app's mark, the same ring as the tray icon", async ({ page }) => {
    const mark = page.locator('.brand svg');
    await expect(mark).toBeVisible();
    // A ring (and the running centre): the shape shared/brandMark.ts gives the tray icons.
    await expect(mark.locator('circle')).toHaveCount(2);
    expect(await mark.locator('circle').first().getAttribute('fill')).toBe('none');
  });

  test('offline, a sign-in is refused with one message, and it is true', async ({ page, sim }) => {
    sim.knobs.setOffline(true);
    await signIn(page, SIMULATOR_TOKENS.single);
    await expect(alert(page)).toBeVisible();
    await expect(alert(page)).toHaveCount(1);
    // Nothing was ever loaded: no word of "showing what was last loaded".
    await expect(page.getByText(/last loaded/i)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /offline/i })).toHaveCount(0);
    await snap(page, 'sign-in-offline');
  });
});
