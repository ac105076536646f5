// The idle question in the browser, against the simulator. A browser cannot see whether anyone is
// at the computer, so the test tells the core what the desktop's idle monitor would: the user is
// back after some time away. What the answer did is then checked at Harvest itself.
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { formatClockTime } from '../../shared/clockTime';
import { toLocalDate } from '../../shared/localDate';
import { expectNoViolations } from './axe';
import { expect, snap, test } from './fixtures';
import { choose, entriesAtHarvest, waitForEntries } from './popover';

const MINUTE = 60_000;
const clock24 = (moment: Date) => formatClockTime(moment.getHours() * 60 + moment.getMinutes(), '24h');

type AtHarvest = { notes: string | null; hours: number; is_running: boolean; started_time?: string | null; ended_time?: string | null };

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`idle question, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('is asked on return, and is accessible with its choices and the move fields open', async ({ page, host }) => {
      await waitForEntries(page);
      const now = Date.now();
      await host.core.reportIdle({ from: new Date(now - 11 * MINUTE), to: new Date(now - MINUTE) });
      const dialog = page.getByRole('dialog', { name: 'You were away 10 min' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Brand Identity');
      await expect(dialog.getByRole('radio', { name: 'Keep it on the timer' })).toBeFocused();
      await expectNoViolations(page, 'idle question');
      await snap(page, 'idle-question');

      await dialog.getByRole('radio', { name: 'Move it to a new entry' }).check();
      await expect(dialog.getByRole('combobox', { name: 'Project' })).toBeVisible();
      await expectNoViolations(page, 'idle question, moving the time');
      await snap(page, 'idle-question-move');
      // The project list opens inside the dialog, and Escape closes the list, not the dialog.
      await dialog.getByRole('combobox', { name: 'Project' }).click();
      await expect(page.getByRole('option').first()).toBeVisible();
      await snap(page, 'idle-question-project-list');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('option')).toHaveCount(0);
      await expect(dialog).toBeVisible();
    });
  });
}

test.describe('idle question, duration account', () => {
  test('“discard and continue” takes the time away off the running entry at Harvest', async ({ page, host, sim }) => {
    await waitForEntries(page);
    // "Logo refinements after client feedback" started 12 minutes before the simulator, on 0.5 h.
    const now = Date.now();
    await host.core.reportIdle({ from: new Date(now - 11 * MINUTE), to: new Date(now - MINUTE) });
    const dialog = page.getByRole('dialog', { name: 'You were away 10 min' });
    await dialog.getByRole('radio', { name: 'Discard it, and keep the timer running' }).check();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('10 min of idle time discarded; the timer goes on.')).toBeVisible();

    const logo = (await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()))).find(
      (entry) => entry.notes === 'Logo refinements after client feedback',
    );
    expect(logo?.is_running).toBe(true);
    // Kept, it would be 0.5 h + 12 min and more (0.70+); discarded, 0.5 h + the two minutes worked.
    expect(logo?.hours).toBeGreaterThanOrEqual(0.53);
    expect(logo?.hours).toBeLessThan(0.6);
  });

  test('“Later” puts the question off; it comes back when the popover is shown again', async ({ page, host }) => {
    await waitForEntries(page);
    const now = Date.now();
    await host.core.reportIdle({ from: new Date(now - 11 * MINUTE), to: new Date(now - MINUTE) });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Later' }).click();
    await expect(dialog).toBeHidden();
    // The popover behind it works again.
    await expect(page.getByRole('button', { name: 'New entry', exact: true })).toBeEnabled();
    await page.reload();
    await expect(page.getByRole('dialog', { name: 'You were away 10 min' })).toBeVisible();
  });
});

test.describe('idle question, start/end-time account', () => {
  test.use({ account: 'timestamp' });

  test('“move” makes a new entry with the idle span’s times, and the timer runs on from the return', async ({ page, host, sim }) => {
    await waitForEntries(page);
    const now = Date.now();
    const from = new Date(now - 11 * MINUTE);
    const to = new Date(now - MINUTE);
    await host.core.reportIdle({ from, to });
    const dialog = page.getByRole('dialog', { name: 'You were away 10 min' });
    await dialog.getByRole('radio', { name: 'Move it to a new entry' }).check();
    await expect(dialog).toContainText(`New entry: ${clock24(from)}–${clock24(to)} (10 min)`);
    await choose(page, 'Project');
    await choose(page, 'Task');
    await dialog.getByLabel('Notes', { exact: true }).fill('Supplier call');
    await snap(page, 'idle-move-filled');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();

    const atHarvest = (await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.timestamp, toLocalDate(new Date()))) as AtHarvest[];
    const pick = (entry: AtHarvest) => [entry.notes, entry.started_time, entry.ended_time, entry.is_running];
    const checkout = 'Checkout: shipping rates per region';
    expect(atHarvest.filter((entry) => entry.notes === 'Supplier call' || entry.notes === checkout).map(pick)).toEqual(
      expect.arrayContaining([
        ['Supplier call', clock24(from), clock24(to), false],
        [checkout, expect.any(String), clock24(from), false],
        [checkout, clock24(to), null, true],
      ]),
    );
  });
});
