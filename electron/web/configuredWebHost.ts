// The web host as the command line and the end-to-end tests start it: configuration from the
// environment (core/config.ts; README "Configuration"), the real core, and a store on disk or in memory.
import { createCore } from '../core/app/createCore';
import { createMemoryStore } from '../core/app/memory';
import { readConfig } from '../core/config';
import { createFileStore } from './fileStore';
import { defaultDataDir } from './userDataDir';
import type { StartPages } from './bridge';
import { startWebHost, type WebHost } from './webHost';

export interface ConfiguredWebHostOptions {
  env: NodeJS.ProcessEnv;
  port?: number;
  /** Start straight into the demo, as `npm run demo` does (HARVEST_TRAY_DEMO=1 does the same). */
  demo?: boolean;
  /** 'memory' for tests that must leave nothing behind; the command line keeps it on disk. */
  store?: 'disk' | 'memory';
  rendererDir?: string;
  pages?: StartPages;
}

export async function startConfiguredWebHost(options: ConfiguredWebHostOptions): Promise<WebHost> {
  const config = readConfig(options.env, { dataDir: defaultDataDir() });
  return startWebHost({
    createCore,
    config: { ...config, demo: config.demo || (options.demo ?? false) },
    store: options.store === 'memory' ? createMemoryStore() : createFileStore(config.dataDir),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
    ...(options.pages === undefined ? {} : { pages: options.pages }),
  });
}
