// The web host as the page sees it: window.harvestTray shaped like preload's, working calls and
// events, and the session key kept out of the address bar.
import { channelNames, type HarvestTrayApi } from '../../shared/contract';
import { expect, test } from './fixtures';

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

  test('refuses the API once the session cookie is gone', async ({ page, context }) => {
    await context.clearCookies();
    const reply = await page.evaluate(() => (window as unknown as PageWindow).harvestTray['session.get']({}));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
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
