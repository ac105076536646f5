// macOS: a popover opened by the global shortcut while another app is active takes the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake } from './desktop/testing/fakeElectron';
import { startDesktopApp, type DesktopApp } from './testing/desktopApp';

let app: DesktopApp;

beforeAll(async () => {
  app = await startDesktopApp({ platform: 'darwin' });
});

afterAll(() => app.stop());

describe('the desktop app on macOS', () => {
  it('hides the Dock icon', () => {
    expect(fake.app.dockHidden).toBe(true);
  });

  it('the toggle shortcut, pressed in another app, opens the popover with keyboard focus', () => {
    fake.app.active = false;
    fake.globalShortcut.press('CommandOrControl+Alt+H');
    expect(app.popover().isVisible()).toBe(true);
    expect(app.popover().isFocused()).toBe(true);
    expect(fake.app.focusCalls).toContainEqual({ steal: true });
  });
});
