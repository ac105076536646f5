// A start/end-time account (Northwind Labs: decimal hours, 24h clock). Harvest answers a restart
// here with a new entry, and entries carry clock times.
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { choose, entriesAtHarvest, entriesList, entryItems, waitForEntries } from './popover';

test.use({ account: 'timestamp' });

const LABS = SIMULATOR_ACCOUNTS.timestamp;
const today = () => toLocalDate(new Date());

test.describe('start/end-time account', () => {
  test('shows entries with their start and end times and decimal hours', async ({ page }) => {
    await waitForEntries(page);
    const telemetry = entryItems(page).filter({ hasText: 'Telemetry chart' });
    await expect(telemetry).toContainText('8:30');
    await expect(telemetry).toContainText('10:00');
    await expect(telemetry).toContainText('1.50');
    await snap(page, 'timestamp-today');
  });

  test('stopping and restarting follow the entry Harvest returns', async ({ page }) => {
    await waitForEntries(page);
    const running = entryItems(page).filter({ hasText: 'Checkout: shipping rates' });
    await running.getByRole('button', { name: 'Stop timer', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(0);

    const before = await entryItems(page).count();
    const sync = entryItems(page).filter({ hasText: 'Sync with Tidewater' });
    await sync.getByRole('button', { name: 'Restart timer', exact: true }).click();
    // The restart created a new, running entry; the old one keeps its times.
    await expect(entryItems(page)).toHaveCount(before + 1);
    // One in the list (the pinned bar above holds the other).
    await expect(entriesList(page).getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(1);
    await expect(sync).toHaveCount(2);
    await expect(sync.filter({ hasText: '10:15' }).filter({ hasText: '10:45' })).toHaveCount(1);
    await snap(page, 'timestamp-restarted');
  });

  test('an entry saved with start and end times reaches Harvest with them', async ({
    page,
    sim,
  }) => {
    await waitForEntries(page);
    await page.getByRole('button', { name: 'New entry', exact: true }).click();
    await choose(page, 'Project');
    await choose(page, 'Task');
    await page.getByLabel('Notes', { exact: true }).fill('Bench calibration');
    await page.getByLabel('Start time', { exact: true }).fill('13:00');
    await page.getByLabel('End time', { exact: true }).fill('13:45');
    await snap(page, 'timestamp-new-entry');
    await page.getByRole('button', { name: 'Save entry', exact: true }).click();
    const saved = entryItems(page).filter({ hasText: 'Bench calibration' });
    await expect(saved).toContainText('0.75');
    await expect(saved).toContainText('13:00');
    // The row shows the entry at once; Harvest has it when the write's answer comes.
    await expect
      .poll(async () => {
        const atHarvest = (await entriesAtHarvest(sim.apiUrl, LABS, today())).find(
          (entry) => entry.notes === 'Bench calibration',
        ) as { hours: number; started_time?: string | null; ended_time?: string | null } | undefined;
        return atHarvest && { hours: atHarvest.hours, started: atHarvest.started_time, ended: atHarvest.ended_time };
      })
      .toEqual({ hours: 0.75, started: '13:00', ended: '13:45' });
  });
});
