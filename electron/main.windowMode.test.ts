// Window mode (no tray icon): closing the window hides it, and every later show works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake } from './desktop/testing/fakeElectron';
import { startDesktopApp, type DesktopApp } from './testing/desktopApp';

let app: DesktopApp;

beforeAll(async () => {
  app = await startDesktopApp({ env: { HARVEST_TRAY_NO_TRAY: '1' } });
});

afterAll(() => app.stop());

describe('the desktop app as a window', () => {
  it('opens as a framed window and says why', () => {
    expect(app.tray()).toBeUndefined();
    expect(app.popover().options).toMatchObject({ frame: true });
    expect(app.popover().isVisible()).toBe(true);
    expect(fake.notifications().map((n) => n.title)).toContain('Harvest Tray opened as a window');
  });

  it('closing the window hides it; a second launch brings it back', () => {
    app.popover().close();
    expect(app.popover().isDestroyed()).toBe(false);
    expect(app.popover().isVisible()).toBe(false);
    fake.app.launchSecondInstance(['harvest-tray']);
    expect(app.popover().isVisible()).toBe(true);
  });

  it('Alt+F4 (the window manager closing it) hides it too, and --toggle shows it again', () => {
    app.popover().close();
    expect(app.popover().isVisible()).toBe(false);
    fake.app.launchSecondInstance(['harvest-tray', '--toggle']);
    expect(app.popover().isVisible()).toBe(true);
  });

  it("offers Quit in the window's own menu, and quitting is not held up by the close handler", () => {
    const menu = app.popover().menu;
    const quit = menu?.items.flatMap((item) => [item, ...(item.submenu ?? [])]).find((item) => item.label === 'Quit Harvest Tray');
    expect(quit).toBeDefined();
    quit?.click?.();
    expect(fake.app.quitted).toBe(true);
    expect(app.popover().isDestroyed()).toBe(true);
  });
});
