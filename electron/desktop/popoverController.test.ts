import { beforeEach, describe, expect, it } from 'vitest';
import { BLUR_CLICK_GRACE_MS, createPopoverController, type PopoverWindowLike } from './popoverController';
import { BrowserWindow, Tray, fake, nativeImage } from './testing/fakeElectron';

let clock: number;
let shown: number;

function setUp(mode: 'popover' | 'window', platform: NodeJS.Platform = 'linux') {
  const window = new BrowserWindow({ show: false });
  const controller = createPopoverController({
    window: window as unknown as PopoverWindowLike,
    mode,
    app: fake.app,
    platform,
    onShown: () => (shown += 1),
    now: () => clock,
  });
  return { window, controller };
}

beforeEach(() => {
  fake.reset();
  clock = 1_000_000;
  shown = 0;
});

describe('popover controller', () => {
  it('hides on blur and on Escape', () => {
    const { window, controller } = setUp('popover');
    controller.show('tray');
    window.blur();
    expect(window.isVisible()).toBe(false);
    controller.show('tray');
    window.webContents.pressKey('a');
    expect(window.isVisible()).toBe(true);
    window.webContents.pressKey('Escape');
    expect(window.isVisible()).toBe(false);
  });

  it('a tray click on the open popover closes it, although its blur came first', () => {
    const { window, controller } = setUp('popover');
    const tray = new Tray(nativeImage.createEmpty());
    tray.on('click', () => controller.toggle('tray'));
    tray.press();
    expect(window.isVisible()).toBe(true);
    tray.press();
    expect(window.isVisible()).toBe(false);
    expect(shown).toBe(1);
    tray.press(); // the next click, however soon, opens it again
    expect(window.isVisible()).toBe(true);
  });

  it('a tray click well after the popover hid on blur opens it again', () => {
    const { window, controller } = setUp('popover');
    controller.show('tray');
    window.blur(); // the user clicked another app
    clock += BLUR_CLICK_GRACE_MS;
    controller.toggle('tray');
    expect(window.isVisible()).toBe(true);
  });

  it('the shortcut opens right after a blur: only the tray click is the one that blurred it', () => {
    const { window, controller } = setUp('popover');
    controller.show('tray');
    window.blur();
    controller.toggle('shortcut');
    expect(window.isVisible()).toBe(true);
  });

  it('closing hides instead of destroying, in both modes, and every later show works', () => {
    for (const mode of ['popover', 'window'] as const) {
      const { window, controller } = setUp(mode);
      controller.show('start');
      expect(window.close()).toBe(false);
      expect(window.isVisible()).toBe(false);
      controller.show('launch');
      expect(window.isVisible()).toBe(true);
    }
  });

  it('quitting still closes the window', () => {
    const { window } = setUp('window');
    fake.app.quit();
    expect(fake.app.quitted).toBe(true);
    expect(window.isDestroyed()).toBe(true);
  });

  it('as a window, stays open when it loses focus', () => {
    const { window, controller } = setUp('window');
    controller.show('start');
    window.blur();
    expect(window.isVisible()).toBe(true);
  });

  it('on macOS, a shortcut or a second launch activates the app so the popover takes keys', () => {
    fake.app.platform = 'darwin';
    for (const reason of ['shortcut', 'launch'] as const) {
      fake.app.active = false;
      const { window, controller } = setUp('popover', 'darwin');
      controller.show(reason);
      expect(window.isFocused()).toBe(true);
    }
    expect(fake.app.focusCalls).toEqual([{ steal: true }, { steal: true }]);
  });

  it('elsewhere, never steals focus', () => {
    const { controller } = setUp('popover', 'win32');
    controller.show('shortcut');
    expect(fake.app.focusCalls).toEqual([]);
  });
});
