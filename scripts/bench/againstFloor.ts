// The popover's speed as a ratio to a floor measured in the same run, so a loaded machine moves
// both and noise cannot fake the figure:
// - warm load: navigation to the entries list on screen, beside an empty page that loads the same
//   bundle (same HTML, scripts and styles, no bridge: it renders its one-line error and stops);
// - review: a click on Review to its per-project figures, beside a click on Settings to its heading
//   (a view that needs no data), in the same page.
// Each time is taken inside the page (performance.now), so Playwright's own round trips count for
// neither side.
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, type Figure } from './figures';
import { quietApartFromEvents } from './quietApartFromEvents';

const ROUNDS = 7;

/** Notes, before any page script, when an element matching `selector` first appears. */
const WATCH = (selector: string) => `
  (() => {
    const mark = () => {
      if (window.__shownAt === undefined && document.querySelector(${JSON.stringify(selector)})) {
        window.__shownAt = performance.now();
      }
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  })();
`;

async function shownAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as { __shownAt?: number }).__shownAt !== undefined, null, { timeout: 15_000 });
  return page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
}

/** Where the time of a warm load goes, from the browser's own timings. */
async function breakdown(page: Page, shown: number): Promise<string> {
  const timings = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const bundle = resources.find((entry) => /\/assets\/index-.*\.js$/.test(entry.name));
    const api = resources
      .filter((entry) => entry.name.includes('/api/') && !entry.name.endsWith('/api/events'))
      .map((entry) => ({ name: decodeURIComponent(new URL(entry.name).pathname.slice(5)), start: entry.startTime, end: entry.responseEnd }));
    return { html: nav?.responseEnd ?? 0, bundleEnd: bundle?.responseEnd ?? 0, api };
  });
  const firstCall = timings.api[0]?.start ?? shown;
  const lastCallEnd = Math.max(0, ...timings.api.filter((call) => call.end <= shown).map((call) => call.end));
  const calls = timings.api
    .filter((call) => call.end <= shown)
    .map((call) => `${call.name} ${Math.round(call.end - call.start)}`)
    .join(', ');
  return (
    `html ${Math.round(timings.html)} ms, bundle fetched by ${Math.round(timings.bundleEnd)}, ` +
    `bundle run until its first bridge call ${Math.round(firstCall - timings.bundleEnd)}, ` +
    `bridge calls before the list [${calls}] ending at ${Math.round(lastCallEnd)}, ` +
    `render after the last ${Math.round(shown - lastCallEnd)}`
  );
}

export async function warmLoadAgainstFloor(browser: Browser, url: string, rendererDir: string): Promise<Figure[]> {
  const origin = new URL(url).origin;
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const context = await browser.newContext();
  const app = await context.newPage();
  const floor = await context.newPage();
  try {
    await app.addInitScript(WATCH('[aria-label="Time entries"] li'));
    await app.goto(url);
    await shownAt(app);
    await quietApartFromEvents(app);
    // Past the renderer's debounced cache save, so the warm loads read a cache.
    await app.waitForTimeout(1_500);

    // The same bundle on an empty page: no bridge, so the app renders its error line and stops.
    await floor.route(`${origin}/bench-floor.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await floor.addInitScript(WATCH('#root > *'));
    await floor.goto(`${origin}/bench-floor.html`);
    await shownAt(floor);

    const loads: number[] = [];
    const floors: number[] = [];
    let detail = '';
    // Alternated, so a busy moment of the machine falls on both.
    for (let round = 0; round < ROUNDS; round += 1) {
      await floor.reload();
      floors.push(await shownAt(floor));
      await app.reload();
      const shown = await shownAt(app);
      loads.push(shown);
      if (round === ROUNDS - 1) detail = await breakdown(app, shown);
    }
    const load = median(loads);
    const base = median(floors);
    return [
      {
        name: 'warm page load beside an empty page with the same bundle',
        value: Math.round((load / base) * 100) / 100,
        unit: '×',
        limit: 1.5,
        note: `entries at ${Math.round(load)} ms, empty page at ${Math.round(base)} ms (medians of ${ROUNDS}); last load: ${detail}`,
      },
    ];
  } finally {
    await context.close();
  }
}

/** In-page time from a click on `button` to `selector` on screen. */
async function clickToShown(page: Page, button: string, selector: string): Promise<number> {
  await page.evaluate(
    ({ button, selector }) => {
      const state = window as unknown as { __clickedAt?: number; __viewAt?: number };
      state.__clickedAt = undefined;
      state.__viewAt = undefined;
      const target = [...document.querySelectorAll('button')].find((element) => element.getAttribute('aria-label') === button);
      const observer = new MutationObserver(() => {
        if (state.__viewAt === undefined && document.querySelector(selector)) {
          state.__viewAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
      target?.addEventListener('click', () => (state.__clickedAt = performance.now()), { capture: true, once: true });
    },
    { button, selector },
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(() => (window as { __viewAt?: number }).__viewAt !== undefined, null, { timeout: 15_000 });
  return page.evaluate(() => {
    const state = window as unknown as { __clickedAt: number; __viewAt: number };
    return state.__viewAt - state.__clickedAt;
  });
}

/** `url` is a web host whose account holds a year of entries (see reviewRendering's seeding). */
export async function reviewAgainstFloor(browser: Browser, url: string): Promise<Figure> {
  const name = 'review view beside a view that needs no data';
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByRole('list', { name: 'Time entries' }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    await page.getByRole('list', { name: 'Time entries' }).getByRole('listitem').first().waitFor();
    const reviews: number[] = [];
    const floors: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      floors.push(await clickToShown(page, 'Settings', 'h1'));
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      reviews.push(await clickToShown(page, 'Review', '[aria-label="Hours per project"] li'));
      await page.getByRole('button', { name: 'Back', exact: true }).click();
    }
    const review = median(reviews);
    const base = median(floors);
    return {
      name,
      value: Math.round((review / base) * 100) / 100,
      unit: '×',
      limit: 1.5,
      note: `review figures at ${review.toFixed(1)} ms, settings at ${base.toFixed(1)} ms after the click (medians of ${ROUNDS}, a year of 2,000 entries)`,
    };
  } catch (error) {
    return { name, value: null, unit: '×', limit: 1.5, note: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await page.close();
  }
}
