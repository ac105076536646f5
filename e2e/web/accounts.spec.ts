// Several named accounts in the browser, against the simulator, with two tokens: signing in,
// adding a second account in settings (the sign-in's steps), renaming, switching in the header by
// mouse and by keyboard (entries and quick restart follow), removing after being asked.
// Accessible in light and dark, the switcher's menu and every accounts screen included.
import type { Page } from '@playwright/test';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { entriesAtHarvest, entryItems, signIn, waitForEntries } from './popover';

test.use({ signedIn: false });

const switcher = (page: Page, name: string) => page.getByRole('button', { name: `Account: ${name}`, exact: true });
const accountsList = (page: Page) => page.getByRole('list', { name: 'Accounts', exact: true });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
}

/** Signed in with the single token ("work": Northwind Studio), the multi token's Labs added as "personal". */
async function twoAccounts(page: Page): Promise<void> {
  await signIn(page, SIMULATOR_TOKENS.single);
  await waitForEntries(page);
  await expect(switcher(page, 'northwind-studio')).toBeVisible();

  await openSettings(page);
  await page.getByRole('button', { name: 'Rename northwind-studio' }).click();
  await page.getByLabel('New name for northwind-studio').fill('work');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(accountsList(page).getByText('work', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  await page.getByLabel('Name (optional)').fill('personal');
  await page.getByLabel('Personal access token').fill(SIMULATOR_TOKENS.multi);
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  await page.getByRole('button', { name: 'Northwind Labs', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Use personal' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await waitForEntries(page);
}

/** The notes of the user's entries today in an account, as Harvest holds them. */
async function notesAtHarvest(apiUrl: string, accountId: number): Promise<string[]> {
  const entries = await entriesAtHarvest(apiUrl, accountId, toLocalDate(new Date()));
  return entries.map((entry) => entry.notes ?? '').filter((notes) => notes !== '');
}

test.describe('several accounts', () => {
  test('two tokens: switching in the header changes the entries and what quick restart acts on', async ({ page, sim, host }) => {
    await twoAccounts(page);
    const studioNotes = await notesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration);
    const labsNotes = await notesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.timestamp);
    expect(studioNotes.length).toBeGreaterThan(0);
    expect(labsNotes.length).toBeGreaterThan(0);
    await expect(entryItems(page).filter({ hasText: studioNotes[0] ?? '' }).first()).toBeVisible();

    await switcher(page, 'work').click();
    const menu = page.getByRole('menu', { name: 'Accounts' });
    await expect(menu.getByRole('menuitemradio', { name: /work/ })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitemradio', { name: /personal/ }).click();
    await expect(switcher(page, 'personal')).toBeVisible();
    await expect(entryItems(page).filter({ hasText: labsNotes[0] ?? '' }).first()).toBeVisible();
    for (const notes of studioNotes.filter((text) => !labsNotes.includes(text))) {
      await expect(entryItems(page).filter({ hasText: notes })).toHaveCount(0);
    }

    // Quick restart (the shortcut's way in) acts in the current account, Labs.
    const studioBefore = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()));
    let result = await host.core.quickRestart();
    if (result.action === 'stopped') result = await host.core.quickRestart();
    const labsNow = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.timestamp, toLocalDate(new Date()));
    expect(labsNow.some((entry) => entry.id === result.entry?.id && entry.is_running)).toBe(true);
    expect(await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()))).toEqual(studioBefore);
    await expect(page.getByRole('region', { name: 'Running timer' })).toBeVisible();

    // Back by keyboard alone.
    await switcher(page, 'personal').focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitemradio', { name: /personal/ })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitemradio', { name: /work/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(switcher(page, 'work')).toBeFocused();
    await expect(entryItems(page).filter({ hasText: studioNotes[0] ?? '' }).first()).toBeVisible();

    // After a reload, the current account is still the one chosen last.
    await page.reload();
    await expect(switcher(page, 'work')).toBeVisible();
  });

  test('removing an account asks first; signing out of the current one leaves the other to choose', async ({ page }) => {
    await twoAccounts(page);
    await openSettings(page);
    await page.getByRole('button', { name: 'Remove personal' }).click();
    await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect(accountsList(page).getByText('personal', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out of work' }).click();
    // Signed out of "work"; "personal" is offered on the sign-in screen.
    const saved = page.getByRole('region', { name: 'Your accounts' });
    await saved.getByRole('button', { name: /personal/ }).click();
    await waitForEntries(page);
    await expect(switcher(page, 'personal')).toBeVisible();

    await openSettings(page);
    await expect(accountsList(page).getByText('work', { exact: true })).toHaveCount(0);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accounts, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the switcher, its menu and the accounts in settings are accessible', async ({ page }) => {
      await twoAccounts(page);
      await snap(page, 'accounts-header');
      await switcher(page, 'work').click();
      await expect(page.getByRole('menu', { name: 'Accounts' })).toBeVisible();
      await expectNoViolations(page, 'account switcher, open');
      await snap(page, 'accounts-switcher-open');
      await page.keyboard.press('Escape');

      await openSettings(page);
      await expectNoViolations(page, 'settings, accounts');
      await snap(page, 'accounts-settings');
      await page.getByRole('button', { name: 'Rename personal' }).click();
      await page.getByLabel('New name for personal').fill('Not A Name');
      await page.getByRole('button', { name: 'Save name' }).click();
      await expect(page.getByRole('alert')).toContainText('lower-case');
      await expectNoViolations(page, 'settings, renaming an account');
      await snap(page, 'accounts-rename-refused');
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Remove personal' }).click();
      await expectNoViolations(page, 'settings, removing an account');
      await snap(page, 'accounts-remove-asked');
      await page.getByRole('button', { name: 'Keep it' }).click();

      await page.getByRole('button', { name: 'Add account', exact: true }).click();
      await expectNoViolations(page, 'settings, adding an account');
      await snap(page, 'accounts-add');
      await page.getByLabel('Personal access token').fill(SIMULATOR_TOKENS.multi);
      await page.getByRole('button', { name: 'Add account', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Which Harvest account?' })).toBeVisible();
      await expectNoViolations(page, 'settings, adding an account: which one');
      await snap(page, 'accounts-add-choose');
    });

    test('signed out with an account kept, the sign-in screen offers it, accessibly', async ({ page }) => {
      await twoAccounts(page);
      await openSettings(page);
      await page.getByRole('button', { name: 'Sign out of work' }).click();
      await expect(page.getByRole('region', { name: 'Your accounts' })).toBeVisible();
      await expectNoViolations(page, 'sign-in with a saved account');
      await snap(page, 'accounts-sign-in-saved');
    });
  });
}

/** The switcher's name as drawn: whole (not cut to an ellipsis) and what it says. */
async function drawnName(page: Page): Promise<{ text: string; whole: boolean }> {
  return page
    .getByRole('button', { name: /^Account: / })
    .locator('.account-button-name')
    .evaluate((name) => ({ text: (name as HTMLElement).innerText, whole: name.scrollWidth <= name.clientWidth }));
}

test.describe('the header with the switcher', () => {
  test.use({ signedIn: true });

  test('names the account whole on every day, under the day, without covering a button', async ({ page }) => {
    await waitForEntries(page);
    // The account in HARVEST_ACCESS_TOKEN has no name of ours: Harvest's, whole.
    const account = page.getByRole('button', { name: 'Account: Northwind Studio', exact: true });
    await expect(account).toBeVisible();
    expect(await drawnName(page)).toEqual({ text: 'Northwind Studio', whole: true });
    // Nothing covers another: each button takes a trial click where it is drawn.
    for (const name of ['Previous day', 'Next day', 'Account: Northwind Studio', 'Review', 'Settings']) {
      await page.getByRole('button', { name, exact: true }).click({ trial: true, timeout: 2_000 });
    }
    await snap(page, 'accounts-header-long-name');
    await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    // Away from today the day's longer name and Today fit beside it too.
    await expect(account).toBeVisible();
    expect(await drawnName(page)).toEqual({ text: 'Northwind Studio', whole: true });
    for (const name of ['Previous day', 'Next day', 'Account: Northwind Studio', 'Today', 'Review', 'Settings']) {
      await page.getByRole('button', { name, exact: true }).click({ trial: true, timeout: 2_000 });
    }
    await snap(page, 'accounts-header-away-from-today');
  });
});

test('in the demo, beside its badge, the switcher still names the account whole and covers no button', async ({ page }) => {
  await page.getByRole('button', { name: 'Try the demo', exact: true }).click();
  await waitForEntries(page);
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible();
  expect((await drawnName(page)).whole).toBe(true);
  for (const name of ['Previous day', 'Next day', 'Review', 'Settings']) {
    await page.getByRole('button', { name, exact: true }).click({ trial: true, timeout: 2_000 });
  }
  await page.getByRole('button', { name: /^Account: / }).click({ trial: true, timeout: 2_000 });
  await snap(page, 'accounts-header-demo');
});
