// End-to-end tests. 'web': the real app (web host + core + built renderer) in Chromium (the one
// scripts/browser/findChromium.ts finds) against the in-process Harvest simulator. 'electron': the desktop app through `_electron`,
// where the Electron binary exists (its specs skip themselves elsewhere, saying why).
// The reporter is chosen by scripts/test.mjs (list + json); here the default is for people.
import { defineConfig } from '@playwright/test';
import { chromiumHere } from './scripts/browser/chromiumHere';

const onCi = Boolean(process.env.CI);
// Where none is found, Playwright's own message says how to install one (`npm test` says it in
// one sentence before starting Playwright at all).
const browser = chromiumHere();

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './electron/web/testing/playwrightGlobalSetup.ts',
  fullyParallel: false,
  forbidOnly: onCi,
  retries: onCi ? 1 : 0,
  // Two cores here: more workers only make every test slower and timing-sensitive ones flaky.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        viewport: { width: 380, height: 560 },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
        launchOptions: {
          executablePath: browser.found ? browser.path : undefined,
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-gpu',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
});
