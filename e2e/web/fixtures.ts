// The end-to-end fixture: for each test a fresh Harvest simulator and a fresh web host (the real
// core and the built renderer) in this worker's process, and a page already open at the app.
// Fresh per test, so no test sees another's entries, queue, caches or rate-limit budget.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../electron/simulator';
import { startConfiguredWebHost } from '../../electron/web/configuredWebHost';
import type { WebHost } from '../../electron/web/webHost';

export interface WebHostOptions {
  /** true (default): HARVEST_ACCESS_TOKEN is the simulator's multi-account token; false: the sign-in screen. */
  signedIn: boolean;
  /** Which Harvest account the env credentials name: duration (Northwind Studio) or timestamp (Labs). */
  account: 'duration' | 'timestamp';
}

export interface WebHostFixtures {
  sim: Simulator;
  host: WebHost;
}

export const test = base.extend<WebHostOptions & WebHostFixtures>({
  signedIn: [true, { option: true }],
  account: ['duration', { option: true }],

  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  sim: async ({}, use) => {
    const sim = await startSimulator();
    await use(sim);
    await sim.close();
  },

  host: async ({ sim, signedIn, account }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), `harvest-tray-e2e-${testInfo.workerIndex}-`));
    const env: NodeJS.ProcessEnv = {
      HARVEST_API_URL: sim.apiUrl,
      HARVEST_ID_URL: sim.url,
      HARVEST_TRAY_DATA_DIR: dataDir,
      ...(signedIn
        ? { HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.multi, HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS[account]) }
        : {}),
    };
    const host = await startConfiguredWebHost({ env, port: 0, store: 'memory' });
    await use(host);
    await host.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },

  page: async ({ page, host }, use) => {
    // The printed URL trades its key for the session cookie and lands on the app at '/'.
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };

const SCREENS_DIR = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

/** Saves a screenshot as test-results/screens/<name>-<light|dark>.png for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  const dark = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}-${dark ? 'dark' : 'light'}.png`) });
}
