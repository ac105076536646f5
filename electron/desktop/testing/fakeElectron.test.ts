// One test per rule of Electron's that the fake follows: if a rule here is wrong, every adapter
// test built on it is wrong too. The rules and their sources are documented in fakeElectron.ts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, Tray, fake, nativeImage } from './fakeElectron';

beforeEach(() => fake.reset());

function shownWindow(): BrowserWindow {
  const window = new BrowserWindow({ show: false });
  window.show();
  return window;
}

describe('fake electron follows Electron', () => {
  it('ipcRenderer.invoke before ipcMain.handle rejects with Electron\'s message', async () => {
    await expect(fake.ipcRenderer.invoke('harvestTray:session.get', {})).rejects.toThrow(
      "Error invoking remote method 'harvestTray:session.get': Error: No handler registered for 'harvestTray:session.get'",
    );
    fake.ipcMain.handle('harvestTray:session.get', () => ({ ok: true, value: 'late but there' }));
    await expect(fake.ipcRenderer.invoke('harvestTray:session.get', {})).resolves.toEqual({ ok: true, value: 'late but there' });
  });

  it('a handler that throws reaches the renderer as a rejection naming the channel', async () => {
    fake.ipcMain.handle('boom', () => {
      throw new Error('inside');
    });
    await expect(fake.ipcRenderer.invoke('boom')).rejects.toThrow("Error invoking remote method 'boom': Error: inside");
  });

  it('a destroyed window throws on use, and only isDestroyed() still answers', () => {
    const window = shownWindow();
    window.destroy();
    expect(window.isDestroyed()).toBe(true);
    expect(() => window.show()).toThrow('Object has been destroyed');
    expect(() => window.isVisible()).toThrow('Object has been destroyed');
    expect(() => window.webContents).toThrow('Object has been destroyed');
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('close destroys the window unless a close listener prevents it', () => {
    const kept = shownWindow();
    kept.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    expect(kept.close()).toBe(false);
    expect(kept.isDestroyed()).toBe(false);

    const closed = shownWindow();
    const events: string[] = [];
    closed.on('close', () => events.push('close'));
    closed.on('closed', () => events.push('closed'));
    expect(closed.close()).toBe(true);
    expect(events).toEqual(['close', 'closed']);
    expect(closed.isDestroyed()).toBe(true);
  });

  it('app.quit closes every window; a prevented close cancels the quit', () => {
    const window = shownWindow();
    const veto = (event: { preventDefault(): void }) => event.preventDefault();
    window.on('close', veto);
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    window.off('close', veto);
    fake.app.quit();
    expect(fake.app.quitted).toBe(true);
    expect(window.isDestroyed()).toBe(true);
  });

  it("blur reaches the focused window before the tray's click", () => {
    const window = shownWindow();
    const tray = new Tray(nativeImage.createEmpty());
    const order: string[] = [];
    window.on('blur', () => order.push(`blur (visible: ${window.isVisible()})`));
    tray.on('click', () => order.push('click'));
    tray.press('click');
    expect(order).toEqual(['blur (visible: true)', 'click']);
  });

  it('requestSingleInstanceLock: the first instance gets the lock and hears later launches, after ready', () => {
    fake.app.startUnready();
    expect(fake.app.requestSingleInstanceLock()).toBe(true);
    const heard: string[][] = [];
    fake.app.on('second-instance', (_event: unknown, argv: string[]) => heard.push(argv));
    fake.app.launchSecondInstance(['harvest-tray', 'extra', '--quick-restart']);
    expect(heard).toEqual([]);
    fake.app.becomeReady();
    expect(heard).toHaveLength(1);
    // The order may change and Chromium appends arguments of its own.
    expect(heard[0]).toContain('--quick-restart');
    expect(heard[0]).not.toEqual(['harvest-tray', 'extra', '--quick-restart']);
  });

  it('requestSingleInstanceLock is false while another instance holds it; no lock, no second-instance', () => {
    fake.app.otherInstanceHoldsLock = true;
    expect(fake.app.requestSingleInstanceLock()).toBe(false);
    fake.reset();
    let heard = 0;
    fake.app.on('second-instance', () => (heard += 1));
    expect(fake.app.launchSecondInstance(['harvest-tray'])).toBe(false);
    expect(heard).toBe(0);
  });

  it('safeStorage before ready: unavailable, backend unknown, and encrypting rejects', async () => {
    fake.app.startUnready();
    expect(fake.safeStorage.isEncryptionAvailable()).toBe(false);
    await expect(fake.safeStorage.isAsyncEncryptionAvailable()).resolves.toBe(false);
    expect(fake.safeStorage.getSelectedStorageBackend()).toBe('unknown');
    await expect(fake.safeStorage.encryptStringAsync('token')).rejects.toThrow('safeStorage cannot be used before app is ready');
    fake.app.becomeReady();
    const encrypted = await fake.safeStorage.encryptStringAsync('token');
    await expect(fake.safeStorage.decryptStringAsync(encrypted)).resolves.toMatchObject({ result: 'token' });
  });

  it('globalShortcut.register returns false when taken, twice, or with no listener; throws before ready', () => {
    fake.globalShortcut.heldElsewhere.add('Alt+F1');
    expect(fake.globalShortcut.register('Alt+F1', () => {})).toBe(false);
    expect(fake.globalShortcut.register('Alt+F2', () => {})).toBe(true);
    expect(fake.globalShortcut.register('Alt+F2', () => {})).toBe(false);
    expect(() => fake.globalShortcut.register('Alt+Nope', () => {})).toThrow(/conversion failure/);
    fake.globalShortcut.backend = 'none';
    expect(fake.globalShortcut.register('Alt+F3', () => {})).toBe(false);
    fake.globalShortcut.backend = 'portal';
    fake.globalShortcut.heldElsewhere.add('Alt+F4');
    expect(fake.globalShortcut.register('Alt+F4', () => {})).toBe(true);
    fake.app.startUnready();
    expect(() => fake.globalShortcut.register('Alt+F5', () => {})).toThrow('globalShortcut cannot be used before the app is ready');
  });

  it('command-line switches count only when appended before ready', () => {
    fake.app.startUnready();
    fake.app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
    fake.app.becomeReady();
    fake.app.commandLine.appendSwitch('enable-features', 'TooLate');
    expect(fake.app.commandLine.effectiveFeatures()).toEqual(['GlobalShortcutsPortal']);
  });

  it('macOS: a window shown while another app is active gets no focus until the app is activated', () => {
    fake.app.platform = 'darwin';
    fake.app.active = false;
    const window = shownWindow();
    expect(window.isVisible()).toBe(true);
    expect(window.isFocused()).toBe(false);
    fake.app.focus();
    expect(window.isFocused()).toBe(false);
    fake.app.focus({ steal: true });
    expect(window.isFocused()).toBe(true);
  });

  it('login items exist on macOS and Windows only', () => {
    fake.app.setLoginItemSettings({ openAtLogin: true });
    expect(fake.app.getLoginItemSettings().openAtLogin).toBe(false);
    fake.app.platform = 'win32';
    fake.app.setLoginItemSettings({ openAtLogin: true });
    expect(fake.app.getLoginItemSettings().openAtLogin).toBe(true);
  });

  it("names the app after package.json's productName, else its name, and userData after the app", () => {
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      productName?: string;
    };
    expect(fake.app.getName()).toBe(packageJson.productName ?? packageJson.name);
    expect(fake.app.name).toBe(fake.app.getName());
    expect(basename(fake.app.getPath('userData'))).toBe(fake.app.getName());
  });

  it('no BrowserWindow before ready', () => {
    fake.app.startUnready();
    expect(() => new BrowserWindow({})).toThrow('Cannot create BrowserWindow before app is ready');
  });
});
