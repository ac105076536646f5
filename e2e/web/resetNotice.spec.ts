// A store file the host could not read: the popover still opens, says once what was reset and
// where the old file is kept, and the notice goes when dismissed.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../electron/simulator';
import { startConfiguredWebHost } from '../../electron/web/configuredWebHost';
import { expect, snap, test } from './fixtures';
import { waitForEntries } from './popover';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`an unreadable settings file is set aside and said once (${colorScheme})`, async ({ page, sim }) => {
    await page.emulateMedia({ colorScheme });
    const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-e2e-reset-'));
    await writeFile(join(dataDir, 'web-host-store.json'), '{"settings": {"hoursDisplay": "dec');
    const host = await startConfiguredWebHost({
      env: {
        HARVEST_API_URL: sim.apiUrl,
        HARVEST_ID_URL: sim.url,
        HARVEST_TRAY_DATA_DIR: dataDir,
        HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.multi,
        HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
      },
      port: 0,
      store: 'disk',
    });
    try {
      await page.goto(host.url);
      await waitForEntries(page);
      const notice = page.getByRole('alert').filter({ hasText: 'could not read web-host-store.json' });
      await expect(notice).toContainText('Your settings are back to their defaults');
      const kept = (await readdir(dataDir)).find((name) => name.startsWith('web-host-store.unreadable-'));
      expect(kept).toBeDefined();
      await expect(notice).toContainText(kept ?? '');
      await snap(page, 'reset-notice');
      await page.getByRole('button', { name: 'Dismiss notice' }).click();
      await expect(notice).toHaveCount(0);
      await page.reload();
      await waitForEntries(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}
