// The web host: the app's core (the same one the desktop app runs) behind the loopback bridge.
// The token lives only in memory here: a browser tab is no place for the OS keychain's promise,
// so a web host forgets the sign-in when it stops (credentials from the environment excepted).
// Its named accounts are in memory too, apart from the tray's and the command line's list on
// disk: that list names tokens in the keyring, which this host does not touch.
import { fileURLToPath } from 'node:url';
import type { Core, CreateCore, HostHooks } from '../core/app/Core';
import { createMemoryVault } from '../core/app/memory';
import { memoryAccountBook } from '../core/accounts/memoryAccounts';
import { createHarvestClient } from '../core/harvest/createHarvestClient';
import type { AppConfig, JsonStore } from '../core/ports';
import { startBridge, type StartPages } from './bridge';
import { createEventStream } from './eventStream';
import { pageScript } from './pageScript';

export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface WebHostOptions {
  createCore: CreateCore;
  config: AppConfig;
  store: JsonStore;
  /** 0 or absent: a free port. */
  port?: number;
  rendererDir?: string;
  /** Serves the page instead of rendererDir: Vite's dev server for `npm run dev` (dev/vitePages.ts). */
  pages?: StartPages;
}

export interface WebHost {
  /** The URL to open, with this start's session key. */
  url: string;
  origin: string;
  port: number;
  core: Core;
  close(): Promise<void>;
}

/** What only a desktop host can do; in a browser tab there is no tray, popover or shortcut. */
export const webHostHooks: HostHooks = {
  shortcutsStatus: () => [],
  // The page cannot be handed a new browser window from here; the renderer shows the link too.
  openExternal: async () => {},
  hidePopover: () => {},
  capabilities: () => ({
    launchAtLogin: false,
    globalShortcuts: false,
    idleTime: false,
    idleNote: 'A browser cannot see whether you are at the computer; the desktop app asks about idle time.',
  }),
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const events = createEventStream();
  const script = await pageScript();
  const core = await options.createCore({
    config: options.config,
    accounts: memoryAccountBook({ createClient: createHarvestClient, now: () => new Date() }),
    vault: createMemoryVault('memory'),
    store: options.store,
    emit: events.emit,
    host: webHostHooks,
  });
  try {
    const bridge = await startBridge({
      handlers: core.handlers,
      events,
      rendererDir: options.rendererDir ?? BUILT_RENDERER_DIR,
      pageScript: script,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.pages === undefined ? {} : { pages: options.pages }),
    });
    let closing: Promise<void> | undefined;
    return {
      url: bridge.url,
      origin: bridge.origin,
      port: bridge.port,
      core,
      close: () =>
        (closing ??= (async () => {
          await bridge.close();
          await core.dispose();
        })()),
    };
  } catch (error) {
    events.close();
    await core.dispose();
    throw error;
  }
}
