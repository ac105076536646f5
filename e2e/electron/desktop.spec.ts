// The desktop app through Playwright's `_electron`, against the in-process Harvest simulator.
// Runs only where the Electron binary exists; elsewhere it says why in one line and skips.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../electron/simulator';
import { ensureBuilt } from '../../electron/web/launch/appBuild';
import { electronPackageDir, findElectronBinary } from '../../electron/web/launch/electronBinary';

const binary = findElectronBinary({ env: process.env, packageDir: electronPackageDir(import.meta.url) });
const missing =
  'the Electron binary is not installed here (it cannot be downloaded on this machine; set ELECTRON_OVERRIDE_DIST_PATH to an installed Electron to run these)';
if (!binary) console.log(`e2e/electron skipped: ${missing}.`);

test.describe('desktop app', () => {
  test.skip(!binary, missing);

  let sim: Simulator;
  let app: ElectronApplication;
  let env: Record<string, string>;

  test.beforeAll(() => {
    // The main process loads the built files in out/; a failed build fails here, with its log,
    // rather than letting the specs run yesterday's app.
    ensureBuilt(fileURLToPath(new URL('../../', import.meta.url)), 'desktop');
  });

  test.beforeEach(async () => {
    sim = await startSimulator();
    env = {
      ...(process.env as Record<string, string>),
      HARVEST_API_URL: sim.apiUrl,
      HARVEST_ID_URL: sim.url,
      HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.single,
      HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
      HARVEST_TRAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'harvest-tray-electron-')),
    };
    app = await electron.launch({ executablePath: binary ?? undefined, args: ['.', '--toggle'], env });
  });

  test.afterEach(async () => {
    await app?.close();
    await sim?.close();
  });

  test('the popover opens and lists today from Harvest', async () => {
    const popover = await app.firstWindow();
    await expect(popover.getByRole('list', { name: 'Time entries' }).getByRole('listitem').first()).toBeVisible({
      timeout: 15_000,
    });
    const visible = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()));
    expect(visible).toBe(true);
  });

  test('the token is never visible in the renderer', async () => {
    const popover = await app.firstWindow();
    await expect(popover.getByRole('list', { name: 'Time entries' })).toBeVisible({ timeout: 15_000 });
    const exposed = await popover.evaluate(() => {
      const api = (window as unknown as { harvestTray: Record<string, unknown> }).harvestTray;
      return JSON.stringify({ html: document.documentElement.outerHTML, keys: Object.keys(api), storage: { ...localStorage } });
    });
    expect(exposed).not.toContain(SIMULATOR_TOKENS.single);
    expect(await popover.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  });

  test('closing the window hides it, and a second launch shows it again', async () => {
    await app.firstWindow();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const afterClose = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ destroyed: w.isDestroyed(), visible: w.isVisible() })),
    );
    expect(afterClose).toEqual([{ destroyed: false, visible: false }]);
    spawnSync(binary ?? '', ['.'], { env, timeout: 15_000 });
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false))
      .toBe(true);
  });

  test('quick restart from a second launch stops the running timer', async () => {
    const popover = await app.firstWindow();
    await expect(popover.getByRole('button', { name: 'Stop timer' })).toHaveCount(1, { timeout: 15_000 });
    // A second instance forwards its argv to this one and quits (single-instance lock).
    spawnSync(binary ?? '', ['.', '--quick-restart'], { env, timeout: 15_000 });
    await expect(popover.getByRole('button', { name: 'Stop timer' })).toHaveCount(0, { timeout: 15_000 });
  });
});
