import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
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
      rollupOptions: { input: { preload: resolve('electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified by default; the popover's JS budget is 150 KB gzipped.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
