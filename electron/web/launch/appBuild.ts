// What each way of running the app needs built, and the build itself. The web host runs the
// core from source (tsx), so it needs only the renderer; the desktop app runs out/main as well.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isBuildStale } from './buildFreshness';

export type BuildTarget = 'renderer' | 'desktop';

export function buildInputs(root: string, target: BuildTarget): { outputs: string[]; sources: string[] } {
  const renderer = {
    outputs: [join(root, 'out/renderer/index.html')],
    sources: ['renderer', 'shared', 'electron.vite.config.ts'].map((path) => join(root, path)),
  };
  if (target === 'renderer') return renderer;
  return {
    outputs: [...renderer.outputs, join(root, 'out/main/main.js'), join(root, 'out/preload/preload.mjs')],
    sources: [...renderer.sources, join(root, 'electron'), join(root, 'package.json')],
  };
}

/**
 * Runs `electron-vite build` when the output is stale. Its log goes to stderr: a host's stdout
 * carries only the line with the URL, which scripts and people look for.
 */
export function ensureBuilt(root: string, target: BuildTarget): void {
  if (!isBuildStale(buildInputs(root, target))) return;
  process.stderr.write('Building Harvest Tray (electron-vite build)…\n');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error('Building Harvest Tray failed; the messages above say why.');
}
