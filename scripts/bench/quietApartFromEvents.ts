// A page is quiet when no request is in flight, apart from its event stream, which stays open.
import type { Page } from '@playwright/test';

/**
 * Waits until the page has had no request in flight for half a second, the event stream aside:
 * it stays open for the page's life (a streamed fetch carrying the session key), so Playwright's
 * 'networkidle' would never come.
 */
export async function quietApartFromEvents(page: Page): Promise<void> {
  const inFlight = new Set<unknown>();
  const isEvents = (request: { url(): string }) => new URL(request.url()).pathname === '/api/events';
  const started = (request: { url(): string }) => void (isEvents(request) || inFlight.add(request));
  const ended = (request: unknown) => void inFlight.delete(request);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    let quietSince = Date.now();
    while (Date.now() - quietSince < 500) {
      await page.waitForTimeout(50);
      if (inFlight.size > 0) quietSince = Date.now();
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
