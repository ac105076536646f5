import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILD_TARGET_VARIABLE, buildInputs, ensureBuilt, type BuildTarget } from './appBuild';

afterEach(() => vi.unstubAllEnvs());

function emptyCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'harvest-tray-checkout-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer/index.html'), '<html></html>');
  return root;
}

describe('ensureBuilt', () => {
  it('says one line while it builds, and nothing of the build log when it works', () => {
    const lines: string[] = [];
    const targets: BuildTarget[] = [];
    ensureBuilt(emptyCheckout(), 'renderer', {
      log: (line) => lines.push(line),
      run: (_root, target) => (targets.push(target), { status: 0, output: 'vite v8 building for production…\n✓ 210 modules' }),
    });
    expect(lines).toEqual(['Building the Harvest Tray popover…']);
    expect(targets).toEqual(['renderer']);
  });

  it('shows the build log when the build fails', () => {
    expect(() =>
      ensureBuilt(emptyCheckout(), 'desktop', { log: () => {}, run: () => ({ status: 1, output: 'src/App.tsx: Unexpected token' }) }),
    ).toThrow(/failed:\nsrc\/App.tsx: Unexpected token/);
  });

  it('the desktop build waits for the files electron-vite writes (the preload is .cjs)', () => {
    expect(buildInputs('/r', 'desktop').outputs).toEqual([
      '/r/out/renderer/index.html',
      '/r/out/main/main.js',
      '/r/out/preload/preload.cjs',
    ]);
  });
});

describe('electron.vite.config.ts', () => {
  it('builds only the popover for the browser, and everything for the desktop', async () => {
    vi.resetModules();
    vi.stubEnv(BUILD_TARGET_VARIABLE, 'renderer');
    const browser = (await import('../../../electron.vite.config')).default as object;
    expect(Object.keys(browser)).toEqual(['renderer']);
    vi.resetModules();
    vi.stubEnv(BUILD_TARGET_VARIABLE, 'desktop');
    const desktop = (await import('../../../electron.vite.config')).default as object;
    expect(Object.keys(desktop).sort()).toEqual(['main', 'preload', 'renderer']);
  });
});
