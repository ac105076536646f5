// Starts the composition root (main.ts) as Electron would: a fresh process, the app not yet
// ready, the popover page calling the bridge as soon as it loads, against the simulator.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { fake, type BrowserWindow, type Tray } from '../desktop/testing/fakeElectron';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../simulator';

export interface DesktopApp {
  sim: Simulator;
  /** Replies to the calls the popover page made the moment it loaded. */
  firstPageCalls: Promise<PromiseSettledResult<unknown>[]>;
  popover(): BrowserWindow;
  tray(): Tray | undefined;
  /** Each IPC call as the popover would make it. */
  call(channel: string, request?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

function sentEvents(): string[] {
  const window = fake.windows()[0];
  if (!window || window.isDestroyed()) return [];
  return window.webContents.sent.map(({ args }) => String((args[0] as { event?: unknown } | undefined)?.event));
}

export async function startDesktopApp(options: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}): Promise<DesktopApp> {
  fake.reset();
  fake.app.startUnready();
  if (options.platform === 'darwin') fake.withDock();
  if (options.platform) {
    fake.app.platform = options.platform;
    Object.defineProperty(process, 'platform', { value: options.platform });
  }
  const sim = await startSimulator();
  const saved = { ...process.env };
  const dataDir = mkdtempSync(join(tmpdir(), 'harvest-tray-main-'));
  for (const name of ['XDG_SESSION_TYPE', 'WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'HARVEST_TRAY_NO_TRAY', 'HARVEST_TRAY_SHORTCUT_PORTAL']) {
    delete process.env[name];
  }
  Object.assign(process.env, {
    HARVEST_API_URL: sim.apiUrl,
    HARVEST_ID_URL: sim.url,
    HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.single,
    HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
    HARVEST_TRAY_DATA_DIR: dataDir,
    // Named accounts added in a test must never reach the machine's own keyring.
    HARVEST_TRAY_NO_KEYRING: '1',
    XDG_CONFIG_HOME: join(dataDir, 'config'),
    ...options.env,
  });

  let settle: (replies: Promise<PromiseSettledResult<unknown>[]>) => void = () => {};
  const firstPageCalls = new Promise<PromiseSettledResult<unknown>[]>((resolve) => (settle = resolve));
  fake.pageScript = (contents) => {
    fake.ipcRenderer.contents = contents;
    // What the popover's renderer asks first: the persisted query cache and the session.
    settle(
      Promise.allSettled([
        fake.ipcRenderer.invoke('harvestTray:queryCache.load', {}),
        fake.ipcRenderer.invoke('harvestTray:session.get', {}),
      ]),
    );
  };

  await import('../main');
  fake.app.becomeReady();
  // Started: the shortcuts were applied and their state sent to the popover.
  await vi.waitFor(() => expect(sentEvents().includes('shortcuts.changed')).toBe(true), { timeout: 15_000 });

  return {
    sim,
    firstPageCalls,
    popover: () => {
      const window = fake.windows()[0];
      if (!window) throw new Error('no popover window');
      return window;
    },
    tray: () => fake.trays()[0],
    call: (channel, request = {}) => fake.ipcRenderer.invoke(`harvestTray:${channel}`, request),
    async stop() {
      fake.app.quit();
      process.env = saved;
      await sim.close();
    },
  };
}
