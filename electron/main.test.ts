// The composition root against the fake 'electron' and the real core + simulator, started as
// Electron starts it (not ready at first, the page calling the bridge as soon as it loads).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/contract';
import { toLocalDate } from '../shared/localDate';
import { SHARE_MS } from './core/app/entryReads';
import * as dispatchModule from './core/app/dispatch';
import { fake } from './desktop/testing/fakeElectron';
import { SIMULATOR_TOKENS } from './simulator';
import { harvestRequester } from './simulator/testing/harvestRequest';
import { startDesktopApp, type DesktopApp } from './testing/desktopApp';

// Every call main.ts makes into the core must go through the one door the bridge uses.
vi.mock('./core/app/dispatch', async (importOriginal) => {
  const real = await importOriginal<typeof dispatchModule>();
  return { ...real, dispatch: vi.fn(real.dispatch) };
});
const dispatched = () => vi.mocked(dispatchModule.dispatch).mock.calls.map(([, channel]) => channel);

let app: DesktopApp;

beforeAll(async () => {
  app = await startDesktopApp({
    env: { XDG_SESSION_TYPE: 'wayland', HARVEST_TRAY_SHORTCUT_PORTAL: '1' },
  });
});

afterAll(() => app.stop());

describe('the desktop app, wired', () => {
  it('answers the popover page from its first call: the handlers exist before the page loads', async () => {
    const replies = await app.firstPageCalls;
    expect(replies.map((reply) => reply.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(replies[1]).toMatchObject({ value: { ok: true, value: { state: 'signed-in' } } });
  });

  it('registers one sender-checked IPC handler per contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((c) => `harvestTray:${c}`).sort());
  });

  it('creates the popover hidden, sandboxed and isolated', () => {
    expect(app.popover().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it("on Wayland, turns on Electron's GlobalShortcutsPortal feature before ready when asked to", () => {
    expect(fake.app.commandLine.effectiveFeatures()).toContain('GlobalShortcutsPortal');
    expect([...fake.globalShortcut.registered.keys()].sort()).toEqual(['CommandOrControl+Alt+H', 'CommandOrControl+Alt+R']);
  });

  it('a tray click toggles the popover: the click that blurs an open popover closes it', () => {
    const tray = app.tray();
    if (!tray) throw new Error('no tray');
    tray.press('click');
    expect(app.popover().isVisible()).toBe(true);
    tray.press('click');
    expect(app.popover().isVisible()).toBe(false);
    tray.press('click');
    expect(app.popover().isVisible()).toBe(true);
    app.popover().hide();
  });

  it('stops the running timer when a second launch says --quick-restart, and says so', async () => {
    const before = app.sim.knobs.requestCount();
    expect(fake.app.launchSecondInstance(['harvest-tray', '--quick-restart'])).toBe(true);
    await vi.waitFor(() => expect(fake.notifications().map((n) => n.title)).toContain('Timer stopped'), { timeout: 10_000 });
    expect(app.sim.knobs.requestCount()).toBeGreaterThan(before);
  });

  it('the tray menu and --stop reach the core through dispatch, as the popover does', async () => {
    vi.mocked(dispatchModule.dispatch).mockClear();
    const restart = app.tray()?.contextMenu?.items.find((item) => item.label === 'Restart timer');
    restart?.click?.();
    await vi.waitFor(() => expect(dispatched()).toContain('timer.restart'), { timeout: 10_000 });
    await vi.waitFor(() => expect(app.tray()?.contextMenu?.labels()).toContain('Stop timer'), { timeout: 10_000 });
    fake.app.launchSecondInstance(['harvest-tray', '--stop']);
    await vi.waitFor(() => expect(dispatched()).toContain('timer.stop'), { timeout: 10_000 });
  });

  it('launch at login on Linux writes an XDG autostart entry and removes it again', async () => {
    const entry = join(process.env.XDG_CONFIG_HOME ?? '', 'autostart', 'app.harvesttray.HarvestTray.desktop');
    expect(existsSync(entry)).toBe(false);
    await app.call('settings.update', { launchAtLogin: true });
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=.+/m);
    await app.call('settings.update', { launchAtLogin: false });
    expect(existsSync(entry)).toBe(false);
  });

  it('a wake-up or an unlock re-reads Harvest and tells the popover which days moved', async () => {
    const popover = app.popover();
    const today = toLocalDate(new Date());
    const web = harvestRequester(app.sim, { token: SIMULATOR_TOKENS.multi });
    const listed = (await web.get(`/time_entries?from=${today}&to=${today}`)).body as { time_entries: Array<{ id: number; is_running: boolean }> };
    const stopped = listed.time_entries.find((entry) => !entry.is_running);
    expect((await web.delete(`/time_entries/${stopped?.id}`)).status).toBe(200);
    // Past the moments in which the last read still answers for these days.
    await new Promise((resolve) => setTimeout(resolve, SHARE_MS + 100));
    const news = () =>
      popover.webContents.sent
        .map((sent) => sent.args[0] as { event: string; payload: { dates?: string[] } })
        .filter((message) => message.event === 'entries.changed');
    const before = news().length;
    fake.powerMonitor.emit('resume');
    await vi.waitFor(() => expect(news().slice(before)).toContainEqual({ event: 'entries.changed', payload: { dates: [today] } }), {
      timeout: 10_000,
    });
  });

  it('a plain second launch shows the popover', () => {
    app.popover().hide();
    fake.app.launchSecondInstance(['harvest-tray']);
    expect(app.popover().isVisible()).toBe(true);
  });

  it('quits from the tray menu', () => {
    app.tray()?.contextMenu?.click('Quit Harvest Tray');
    expect(fake.app.quitted).toBe(true);
  });
});
