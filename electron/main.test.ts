// The composition root against the fake 'electron' and the real core + simulator: everything is
// wired (IPC for every channel, tray, shortcuts, argv actions reaching the core).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/contract';
import { toLocalDate } from '../shared/localDate';
import { SHARE_MS } from './core/app/entryReads';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from './simulator';
import { fake } from './desktop/testing/fakeElectron';
import { harvestRequester } from './simulator/testing/harvestRequest';

let sim: Simulator;
const saved = { ...process.env };

beforeAll(async () => {
  fake.reset();
  sim = await startSimulator();
  Object.assign(process.env, {
    HARVEST_API_URL: sim.apiUrl,
    HARVEST_ID_URL: sim.url,
    HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.single,
    HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
    HARVEST_TRAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'harvest-tray-main-')),
  });
  delete process.env.XDG_SESSION_TYPE;
  delete process.env.WAYLAND_DISPLAY;
  // A tray icon is expected: not GNOME's no-tray fallback of the machine running the tests.
  delete process.env.XDG_CURRENT_DESKTOP;
  delete process.env.HARVEST_TRAY_NO_TRAY;
  await import('./main');
  await vi.waitFor(() => expect(fake.trays()).toHaveLength(1), { timeout: 10_000 });
});

afterAll(async () => {
  fake.app.emit('will-quit');
  process.env = saved;
  await sim.close();
});

describe('the desktop app, wired', () => {
  it('registers one sender-checked IPC handler per contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((c) => `harvestTray:${c}`).sort());
  });

  it('creates the popover hidden, sandboxed and isolated', () => {
    const [popover] = fake.windows();
    expect(popover).toBeDefined();
    expect(popover?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('registers both global shortcuts with their defaults', () => {
    expect([...fake.globalShortcut.registered.keys()].sort()).toEqual(['CommandOrControl+Alt+H', 'CommandOrControl+Alt+R']);
  });

  it('stops the running timer when a second launch says --quick-restart, and says so', async () => {
    const before = sim.knobs.requestCount();
    fake.app.emit('second-instance', {}, ['harvest-tray', '--quick-restart']);
    await vi.waitFor(() => expect(fake.notifications().map((n) => n.title)).toContain('Timer stopped'), { timeout: 10_000 });
    expect(sim.knobs.requestCount()).toBeGreaterThan(before);
  });

  it('applies the launch-at-login setting at start-up (off by default)', () => {
    expect(fake.app.loginItemSettings).toEqual([{ openAtLogin: false }]);
  });

  it('a wake-up or an unlock re-reads Harvest and tells the popover which days moved', async () => {
    const [popover] = fake.windows();
    const today = toLocalDate(new Date());
    const web = harvestRequester(sim, { token: SIMULATOR_TOKENS.multi });
    const listed = (await web.get(`/time_entries?from=${today}&to=${today}`)).body as { time_entries: Array<{ id: number; is_running: boolean }> };
    const stopped = listed.time_entries.find((entry) => !entry.is_running);
    expect((await web.delete(`/time_entries/${stopped?.id}`)).status).toBe(200);
    // Past the moments in which the last read still answers for these days.
    await new Promise((resolve) => setTimeout(resolve, SHARE_MS + 100));
    const news = () =>
      (popover?.webContents.sent ?? [])
        .map((sent) => sent.args[0] as { event: string; payload: { dates?: string[] } })
        .filter((message) => message.event === 'entries.changed');
    const before = news().length;
    fake.powerMonitor.emit('resume');
    await vi.waitFor(() => expect(news().slice(before)).toContainEqual({ event: 'entries.changed', payload: { dates: [today] } }), {
      timeout: 10_000,
    });
  });

  it('a plain second launch shows the popover', () => {
    const [popover] = fake.windows();
    popover?.hide();
    fake.app.emit('second-instance', {}, ['harvest-tray']);
    expect(popover?.isVisible()).toBe(true);
  });
});
