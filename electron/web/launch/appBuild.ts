// What each way of running the app needs built, and the build itself. The web host runs the
// core from source (tsx), so it needs only the renderer; the desktop app runs out/main and
// out/preload as well. The build is quiet: one line while it runs, its log only when it fails.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isBuildStale } from './buildFreshness';

export type BuildTarget = 'renderer' | 'desktop';

/** Read by electron.vite.config.ts: 'renderer' builds the popover alone. */
export const BUILD_TARGET_VARIABLE = 'HARVEST_TRAY_BUILD_TARGET';

export function buildInputs(root: string, target: BuildTarget): { outputs: string[]; sources: string[] } {
  const renderer = {
    outputs: [join(root, 'out/renderer/index.html')],
    sources: ['renderer', 'shared', 'electron.vite.config.ts', 'electron/desktop/csp.ts'].map((path) => join(root, path)),
  };
  if (target === 'renderer') return renderer;
  return {
    outputs: [...renderer.outputs, join(root, 'out/main/main.js'), join(root, 'out/preload/preload.cjs')],
    sources: [...renderer.sources, join(root, 'electron'), join(root, 'package.json')],
  };
}

export interface BuildRun {
  status: number | null;
  output: string;
}

export type BuildRunner = (root: string, target: BuildTarget) => BuildRun;

const runElectronVite: BuildRunner = (root, target) => {
  const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, [BUILD_TARGET_VARIABLE]: target },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
};

/**
 * Runs `electron-vite build` when the output is stale. Progress goes to stderr: a host's stdout
 * carries only the line with the URL, which scripts and people look for.
 */
export function ensureBuilt(
  root: string,
  target: BuildTarget,
  options: { run?: BuildRunner; log?: (line: string) => void } = {},
): void {
  if (!isBuildStale(buildInputs(root, target))) return;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  log(target === 'renderer' ? 'Building the Harvest Tray popover…' : 'Building Harvest Tray…');
  const result = (options.run ?? runElectronVite)(root, target);
  if (result.status !== 0) throw new Error(`Building Harvest Tray failed:\n${result.output}`);
}
