import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // The real 'electron' package tries to download its binary when required from plain Node;
      // unit tests of the desktop adapters run against a fake that behaves like the parts we use.
      electron: fileURLToPath(new URL('./electron/desktop/testing/fakeElectron.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{shared,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core machine.
    // Most suites wait on HTTP to the simulator or on child processes rather than compute, so two
    // workers there take half the time (about 60 s instead of 120 s here) and stay green.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // electron-store imports 'electron' itself: inline it so the alias above reaches it too.
    server: { deps: { inline: ['electron-store'] } },
  },
});
