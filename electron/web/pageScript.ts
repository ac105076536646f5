// Builds /web-bridge.js from page/entry.ts with vite, in memory, when the host starts. Built here
// rather than by electron-vite so the desktop build stays unaware of the web host; it takes well
// under a second and is cached for the life of the process.
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { API_GLOBAL, channelNames } from '../../shared/contract';

const ENTRY = fileURLToPath(new URL('./page/entry.ts', import.meta.url));

let cached: Promise<string> | undefined;

export function pageScript(): Promise<string> {
  cached ??= buildPageScript().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildPageScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    define: {
      __HARVEST_TRAY_CHANNELS__: JSON.stringify(channelNames),
      __HARVEST_TRAY_GLOBAL__: JSON.stringify(API_GLOBAL),
    },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'harvestTrayWebBridge', fileName: () => 'web-bridge.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('Building the web bridge script produced no code.');
  return chunk.code;
}
