import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { withCspMeta } from './electron/desktop/csp';

/** file:// pages carry no response headers, so the built page states its own policy. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'harvest-tray-csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'pre', handler: (html) => withCspMeta(html) },
  };
}

// HARVEST_TRAY_BUILD_TARGET=renderer (electron/web/launch/appBuild.ts): the browser needs only the
// popover, so the main process and preload are not built for it.
const rendererOnly = process.env.HARVEST_TRAY_BUILD_TARGET === 'renderer';

const desktopParts: Pick<UserConfig, 'main' | 'preload'> = {
  main: {
    build: {
      // electron-store (and conf) are ESM-only: bundle them into the main build rather than
      // leaving a require() the CommonJS loader cannot satisfy.
      externalizeDeps: { exclude: ['electron-store', 'conf'] },
      rollupOptions: { input: { main: resolve('electron/main.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        // Sandboxed preloads are loaded as classic scripts: CommonJS, never ESM.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
};

export default defineConfig({
  ...(rendererOnly ? {} : desktopParts),
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      // electron-vite leaves output unminified by default; the popover's JS budget is 150 KB gzipped.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
