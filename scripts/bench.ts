// `npm run bench`: the figures that decide whether the popover feels instant, each beside its
// target on one line. Everything runs here: the Harvest simulator and the web host in this
// process, Chromium headless (the one scripts/browser/findChromium.ts finds). A missed target is
// printed as MISSED; the exit code stays 0 so a slow machine never blocks anyone, and the numbers
// are there to read.
import { chromium, type Browser } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SIMULATOR_ACCOUNTS,
  SIMULATOR_TOKENS,
  startSimulator,
  type Simulator,
} from '../electron/simulator';
import { startConfiguredWebHost } from '../electron/web/configuredWebHost';
import { ensureBuilt } from '../electron/web/launch/appBuild';
import { BUILT_RENDERER_DIR, type WebHost } from '../electron/web/webHost';
import { reviewAgainstFloor, warmLoadAgainstFloor } from './bench/againstFloor';
import { chromiumHere } from './browser/chromiumHere';
import { cliColdStart } from './bench/cliColdStart';
import { formatFigure, type Figure } from './bench/figures';
import { popoverTiming } from './bench/popoverTiming';
import { queueReplay } from './bench/queueReplay';
import { rendererSize } from './bench/rendererSize';
import { reviewRendering } from './bench/reviewRendering';
import { reviewTiming } from './bench/reviewTiming';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];

function print(figure: Figure): void {
  console.log(formatFigure(figure));
}

/** A fresh simulator and a web host signed in to its duration account, with nothing on disk. */
async function startApp(): Promise<{ sim: Simulator; host: WebHost; close(): Promise<void> }> {
  const sim = await startSimulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-bench-'));
  const host = await startConfiguredWebHost({
    env: {
      HARVEST_API_URL: sim.apiUrl,
      HARVEST_ID_URL: sim.url,
      HARVEST_TRAY_DATA_DIR: dataDir,
      HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.single,
      HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
    },
    port: 0,
    store: 'memory',
  });
  return {
    sim,
    host,
    close: async () => {
      await host.close();
      await sim.close();
      // The core may still be finishing its last cache write as the host closes.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

async function inBrowser(
  names: string[],
  measure: (browser: Browser) => Promise<Figure[]>,
): Promise<void> {
  let browser: Browser | undefined;
  try {
    const found = chromiumHere();
    if (!found.found) throw new Error(found.instruction);
    browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
    (await measure(browser)).forEach(print);
  } catch (error) {
    const reason =
      error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    for (const name of names) print({ name, value: null, unit: '', limit: 0, note: reason });
  } finally {
    await browser?.close();
  }
}

async function main(): Promise<void> {
  ensureBuilt(ROOT, 'renderer');
  print(rendererSize(BUILT_RENDERER_DIR));
  print(reviewTiming());
  (await cliColdStart(ROOT)).forEach(print);
  (await queueReplay()).forEach(print);

  await inBrowser(['warm popover show', 'warm page load beside an empty page', 'review view shown', 'review view beside a view that needs no data'], async (browser) => {
    const figures: Figure[] = [];
    const warm = await startApp();
    try {
      figures.push(...(await popoverTiming(browser, warm.host.url, warm.sim)));
      figures.push(...(await warmLoadAgainstFloor(browser, warm.host.url, BUILT_RENDERER_DIR)));
    } finally {
      await warm.close();
    }
    const year = await startApp();
    try {
      figures.push(await reviewRendering(browser, year.host.url, year.sim));
      figures.push(await reviewAgainstFloor(browser, year.host.url));
    } finally {
      await year.close();
    }
    return figures;
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    // A bench that cannot run at all is a broken script, not a missed target.
    process.exit(1);
  },
);
