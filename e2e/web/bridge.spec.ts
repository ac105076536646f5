// The web host as the page sees it: window.harvestTray shaped like preload's, working calls and
// events, and the session key kept out of the address bar.
import { channelNames, type HarvestTrayApi } from '../../shared/contract';
import { openEvents, send } from '../../electron/web/testing/httpClient';
import { expect, test } from './fixtures';
import { waitForEntries } from './popover';

// Functions passed to page.evaluate run in the page, so each one reaches the global itself.
type PageWindow = Window & { harvestTray: HarvestTrayApi; seenSettings: unknown[] };

test.describe('web bridge', () => {
  test('exposes one function per contract channel and answers session.get', async ({ page, host }) => {
    expect(page.url()).toBe(`${host.origin}/`);

    const shape = await page.evaluate(() =>
      Object.fromEntries(Object.entries((window as unknown as PageWindow).harvestTray).map(([name, value]) => [name, typeof value])),
    );
    expect(shape).toEqual(Object.fromEntries([...channelNames, 'on'].map((name) => [name, 'function'])));

    const reply = await page.evaluate(() => (window as unknown as PageWindow).harvestTray['session.get']({}));
    expect(reply).toMatchObject({ ok: true, value: { state: 'signed-in', account: { id: 100001 } } });
  });

  test('keeps the key in the tab alone: not in the address, not in a cookie, and a reload still works', async ({ page, context, host }) => {
    const key = new URLSearchParams(new URL(host.url).hash.slice(1)).get('key') ?? '';
    expect(page.url()).not.toContain(key);
    expect(JSON.stringify(await context.cookies())).not.toContain(key);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await waitForEntries(page);
    await page.reload();
    await waitForEntries(page);
    const reply = await page.evaluate(() => (window as unknown as PageWindow).harvestTray['session.get']({}));
    expect(reply).toMatchObject({ ok: true, value: { state: 'signed-in' } });
  });

  test('a tab opened without the printed link is told to open it, and gets nothing', async ({ browser, host }) => {
    const stranger = await browser.newPage();
    await stranger.goto(`${host.origin}/`);
    await expect(stranger.getByRole('alert')).toContainText('Open the link the web host printed');
    await stranger.close();
  });

  test('the page’s cookies replayed from another process with forged same-origin headers are refused on every channel and the event stream', async ({ page, context, host }) => {
    await waitForEntries(page);
    // Any other local web service the browser visits receives every cookie of 127.0.0.1.
    const cookie = (await context.cookies(host.origin)).map(({ name, value }) => `${name}=${value}`).join('; ');
    const forged = { Cookie: cookie, Origin: host.origin, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', Referer: `${host.origin}/` };
    for (const channel of channelNames) {
      const response = await send(`${host.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...forged },
        body: '{}',
      });
      expect(response.status, channel).toBe(401);
    }
    const stream = await openEvents(`${host.origin}/api/events`, { ...forged, Accept: 'text/event-stream' });
    expect(stream.status).toBe(401);
    stream.close();
  });

  test('delivers events from the core to the page', async ({ page }) => {
    await page.evaluate(() => {
      const pageWindow = window as unknown as PageWindow;
      pageWindow.seenSettings = [];
      pageWindow.harvestTray.on('settings.changed', (settings) => pageWindow.seenSettings.push(settings));
    });
    // The page's EventSource connects asynchronously; keep changing until a change arrives.
    await expect
      .poll(async () => {
        await page.evaluate(() => (window as unknown as PageWindow).harvestTray['settings.update']({ hoursDisplay: 'decimal' }));
        return page.evaluate(() => (window as unknown as PageWindow).seenSettings.length);
      })
      .toBeGreaterThan(0);
    const first = await page.evaluate(() => (window as unknown as PageWindow).seenSettings[0]);
    expect(first).toMatchObject({ hoursDisplay: 'decimal' });
  });
});
