// The view follows Harvest: what changed elsewhere (the phone, the web, a revoked token) shows on
// the next show, which for the web host is a reload or the tab coming back into view.
import type { Page } from '@playwright/test';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { alert, entryItems, signIn, tokenBox, waitForEntries } from './popover';

const RUNNING = 'Logo refinements after client feedback';
const STAND_UP = 'Daily stand-up';
/** The core lets a read answer for its days this long; a change elsewhere is looked for after it. */
const SHARED_READ_MS = 500;

/** Harvest itself, as the phone or the web app would reach it. */
async function harvest(
  sim: { apiUrl: string },
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.apiUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${SIMULATOR_TOKENS.single}`,
      'Harvest-Account-Id': String(SIMULATOR_ACCOUNTS.duration),
      'User-Agent': 'Harvest for iPhone (tests@harvest-tray.example)',
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Waits until the popover has saved what it shows, so a reload starts from that snapshot. */
async function snapshotSaved(page: Page): Promise<void> {
  await page.waitForResponse((response) => response.url().includes('/api/queryCache.save'), { timeout: 10_000 });
}

type Listed = { id: number; notes: string | null; project: { id: number }; task: { id: number } };

async function todayAtHarvest(sim: { apiUrl: string }): Promise<Listed[]> {
  const day = toLocalDate(new Date());
  const reply = await harvest(sim, 'GET', `/time_entries?from=${day}&to=${day}`);
  expect(reply.status).toBe(200);
  return (reply.body as { time_entries: Listed[] }).time_entries;
}

test.describe('the view follows Harvest', () => {
  test('a timer started on the phone and an entry deleted on the web show on the next reload', async ({ page, sim }) => {
    const saved = snapshotSaved(page);
    await waitForEntries(page);
    await saved;
    const today = await todayAtHarvest(sim);
    const running = today.find((entry) => entry.notes === RUNNING);
    const standUp = today.find((entry) => entry.notes === STAND_UP);
    expect((await harvest(sim, 'DELETE', `/time_entries/${standUp?.id}`)).status).toBe(200);
    expect((await harvest(sim, 'PATCH', `/time_entries/${running?.id}/stop`)).status).toBe(200);
    const started = await harvest(sim, 'POST', '/time_entries', {
      project_id: running?.project.id,
      task_id: running?.task.id,
      spent_date: toLocalDate(new Date()),
      notes: 'Started on the phone',
    });
    expect(started.status).toBe(201);

    await page.reload();
    const phone = entryItems(page).filter({ hasText: 'Started on the phone' });
    await expect(phone.getByRole('button', { name: 'Stop timer', exact: true })).toBeVisible();
    await expect(entryItems(page).filter({ hasText: STAND_UP })).toHaveCount(0);
    await expect(
      entryItems(page).filter({ hasText: RUNNING }).getByRole('button', { name: 'Restart timer', exact: true }),
    ).toBeVisible();
  });

  test('the tab coming back into view shows what changed meanwhile, and a burst of focus asks Harvest once', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    const standUp = (await todayAtHarvest(sim)).find((entry) => entry.notes === STAND_UP);
    expect((await harvest(sim, 'DELETE', `/time_entries/${standUp?.id}`)).status).toBe(200);
    await page.waitForTimeout(SHARED_READ_MS + 200);
    const before = sim.knobs.requestCount();
    await page.evaluate(() => {
      for (let round = 0; round < 20; round += 1) {
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
      }
    });
    await expect(entryItems(page).filter({ hasText: STAND_UP })).toHaveCount(0);
    // Anything else the burst set off would have been sent by now.
    await page.waitForTimeout(500);
    expect(sim.knobs.requestCount() - before).toBe(1);
  });

  test('an edit of an entry deleted on the web meanwhile ends in plain words, and the entry leaves the list', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    const standUp = (await todayAtHarvest(sim)).find((entry) => entry.notes === STAND_UP);
    await entryItems(page).filter({ hasText: STAND_UP }).getByRole('button', { name: 'Edit entry', exact: true }).click();
    await page.getByLabel('Notes', { exact: true }).fill('Stand-up, notes added too late');
    expect((await harvest(sim, 'DELETE', `/time_entries/${standUp?.id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Save entry', exact: true }).click();
    await expect(alert(page)).toContainText('This entry was deleted in Harvest');
    await expect(alert(page)).not.toContainText(String(standUp?.id));
    await snap(page, 'edit-entry-deleted-elsewhere');
    await page.emulateMedia({ colorScheme: 'dark' });
    await snap(page, 'edit-entry-deleted-elsewhere');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitForEntries(page);
    await expect(entryItems(page).filter({ hasText: STAND_UP })).toHaveCount(0);
    await expect(entryItems(page).filter({ hasText: 'notes added too late' })).toHaveCount(0);
  });
});

test.describe('a token revoked while the popover shows today', () => {
  test('with credentials from the environment: the next reload says the token was refused', async ({ page, sim }) => {
    const saved = snapshotSaved(page);
    await waitForEntries(page);
    await saved;
    sim.knobs.revokeToken(SIMULATOR_TOKENS.multi);
    await page.reload();
    await expect(alert(page)).toContainText('Harvest refused the token in HARVEST_ACCESS_TOKEN');
    await expect(alert(page)).toContainText(/access token provided is expired, revoked/);
    await expect(entryItems(page)).toHaveCount(0);
    await snap(page, 'env-token-refused');
    await page.emulateMedia({ colorScheme: 'dark' });
    await snap(page, 'env-token-refused');
  });

  test.describe('with a saved token', () => {
    test.use({ signedIn: false });

    test('the next reload brings back sign-in, saying why', async ({ page, sim }) => {
      await signIn(page, SIMULATOR_TOKENS.single);
      const saved = snapshotSaved(page);
      await waitForEntries(page);
      await saved;
      sim.knobs.revokeToken(SIMULATOR_TOKENS.single);
      await page.reload();
      await expect(tokenBox(page)).toBeVisible();
      await expect(alert(page)).toContainText(/access token provided is expired, revoked/);
      await expect(entryItems(page)).toHaveCount(0);
    });

    test('the tab coming back into view brings back sign-in too', async ({ page, sim }) => {
      await signIn(page, SIMULATOR_TOKENS.single);
      await waitForEntries(page);
      sim.knobs.revokeToken(SIMULATOR_TOKENS.single);
      await page.waitForTimeout(SHARED_READ_MS + 200);
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect(tokenBox(page)).toBeVisible();
    });
  });
});
