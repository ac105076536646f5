// A warm popover show, in headless Chromium against the web host and the simulator. The web host
// has no tray: a reload of a page that has run before is its "show". The renderer restores its
// persisted query cache before the first render, then refreshes today's entries once.
import type { Browser, Page } from '@playwright/test';
import type { Simulator } from '../../electron/simulator';
import { median, type Figure } from './figures';
import { quietApartFromEvents } from './quietApartFromEvents';

/** Installed before any page script: notes when the entries list first has items. */
const WATCH_ENTRIES = `
  (() => {
    const mark = () => {
      if (window.__entriesShownAt === undefined && document.querySelector('[aria-label="Time entries"] li')) {
        window.__entriesShownAt = performance.now();
      }
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  })();
`;

/** Harvest's answers are held back this long during the warm show, so a list that appears sooner came from the cache. */
const HARVEST_LATENCY_MS = 1_000;

async function entriesShownAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as { __entriesShownAt?: number }).__entriesShownAt !== undefined,
    null,
    {
      timeout: 15_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __entriesShownAt: number }).__entriesShownAt);
}

/** The renderer keeps entries fresh this long (queryClient's staleTime); a show after it refreshes. */
const RENDERER_FRESH_MS = 30_000;

export async function popoverTiming(
  browser: Browser,
  url: string,
  sim: Simulator,
): Promise<Figure[]> {
  const page = await browser.newPage();
  await page.addInitScript(WATCH_ENTRIES);
  try {
    // Cold: signs in from the environment, fetches everything, and persists the cache.
    await page.goto(url);
    await entriesShownAt(page);
    await quietApartFromEvents(page);
    // Past the renderer's debounced cache save.
    await page.waitForTimeout(1_500);

    // Warm loads straight after one another: the page, its scripts and the cache, nothing else.
    const loads: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await page.reload();
      loads.push(await entriesShownAt(page));
    }

    // A show some time later, when today's entries are due a refresh: the case that costs requests.
    await page.waitForTimeout(RENDERER_FRESH_MS + 1_000);
    sim.knobs.setLatency(HARVEST_LATENCY_MS);
    const before = sim.knobs.requestCount();
    // Which bridge channels the show called, so a missed target says where the requests came from.
    const channels: string[] = [];
    const noteChannel = (request: { url(): string }) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/') && path !== '/api/events')
        channels.push(decodeURIComponent(path.slice(5)));
    };
    page.on('request', noteChannel);
    await page.reload();
    const shownAt = await entriesShownAt(page);
    // Let the show's refresh finish (and anything else it set off) before counting.
    await page.waitForTimeout(HARVEST_LATENCY_MS * 2 + 500);
    await quietApartFromEvents(page);
    const requests = sim.knobs.requestCount() - before;
    page.off('request', noteChannel);
    sim.knobs.setLatency(0);

    return [
      {
        name: 'warm popover show: requests to Harvest',
        value: requests,
        unit: 'requests',
        limit: 1,
        note: `shown ${(RENDERER_FRESH_MS + 1_000) / 1000} s after the last load; bridge calls: ${channels.join(', ')}`,
      },
      {
        name: 'warm popover show: entries from cache before Harvest answers',
        value: Math.round(shownAt),
        unit: 'ms',
        limit: HARVEST_LATENCY_MS - 1,
        note: `Harvest answering after ${HARVEST_LATENCY_MS} ms`,
      },
      {
        name: 'warm page load: entries list visible',
        value: Math.round(median(loads)),
        unit: 'ms',
        limit: 100,
        note: `from navigation start, median of ${loads.length} (${loads.map((load) => Math.round(load)).join(', ')})`,
      },
    ];
  } finally {
    await page.close();
  }
}
