import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { DESKTOP_ID, autostartEntry, createLoginItem, execArgument, launchCommand } from './loginItem';
import { fake } from './testing/fakeElectron';

beforeEach(() => fake.reset());

function linuxHost(env: NodeJS.ProcessEnv = {}) {
  const configHome = mkdtempSync(join(tmpdir(), 'harvest-tray-xdg-'));
  return {
    platform: 'linux' as const,
    env: { XDG_CONFIG_HOME: configHome, ...env },
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => fake.app.setLoginItemSettings(settings),
    execPath: '/opt/Harvest Tray/harvest-tray',
    appPath: '/opt/Harvest Tray/resources/app.asar',
    isPackaged: true,
  };
}

describe('launch at login', () => {
  it('on Linux writes an XDG autostart entry and removes it again', () => {
    const host = linuxHost();
    const item = createLoginItem(host);
    expect(item.entryPath).toBe(join(host.env.XDG_CONFIG_HOME, 'autostart', `${DESKTOP_ID}.desktop`));
    item.apply(true);
    const text = readFileSync(item.entryPath ?? '', 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    expect(text).toContain('Exec="/opt/Harvest Tray/harvest-tray"\n');
    item.apply(false);
    expect(existsSync(item.entryPath ?? '')).toBe(false);
    item.apply(false); // removing what is not there is fine
  });

  it('on Linux falls back to ~/.config when XDG_CONFIG_HOME is unset', () => {
    const item = createLoginItem({ ...linuxHost(), env: {}, homeDir: '/home/ada' });
    expect(item.entryPath).toBe(`/home/ada/.config/autostart/${DESKTOP_ID}.desktop`);
  });

  it('on macOS and Windows uses the login item, which the fake keeps only there', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      fake.reset();
      fake.app.platform = platform;
      createLoginItem({ ...linuxHost(), platform }).apply(true);
      expect(fake.app.getLoginItemSettings()).toEqual({ openAtLogin: true });
    }
  });

  it('starts the AppImage the user keeps, not its temporary mount; from a checkout, Electron with the app', () => {
    const base = { execPath: '/tmp/.mount_x/harvest-tray', appPath: '/tmp/.mount_x/resources/app.asar', isPackaged: true };
    expect(launchCommand({ ...base, env: { APPIMAGE: '/home/ada/Apps/Harvest Tray.AppImage' } })).toEqual([
      '/home/ada/Apps/Harvest Tray.AppImage',
    ]);
    expect(launchCommand({ env: {}, execPath: '/src/node_modules/electron/dist/electron', appPath: '/src', isPackaged: false })).toEqual([
      '/src/node_modules/electron/dist/electron',
      '/src',
    ]);
  });

  it('quotes Exec arguments as the Desktop Entry Specification asks', () => {
    expect(execArgument('/usr/bin/harvest-tray')).toBe('/usr/bin/harvest-tray');
    expect(execArgument('/opt/My App/run')).toBe('"/opt/My App/run"');
    expect(execArgument('/opt/$HOME"x`y')).toBe('"/opt/\\\\$HOME\\\\"x\\\\`y"');
    expect(execArgument('/opt/a\\b')).toBe('"/opt/a\\\\\\\\b"');
    expect(execArgument('/opt/100%')).toBe('/opt/100%%');
    expect(() => execArgument('/opt/a\nExec=rm -rf ~')).toThrow(/line break/);
    expect(autostartEntry(['/opt/a b'])).toMatch(/^Exec="\/opt\/a b"$/m);
  });

  it("uses the desktop id package.json gives Electron and electron-builder", () => {
    expect(packageJson.desktopName).toBe(`${DESKTOP_ID}.desktop`);
  });
});
