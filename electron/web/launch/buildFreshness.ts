// Decides whether `electron-vite build` must run before starting: when an output is missing, or
// any source file is newer than the oldest output. Starting a stale build would show yesterday's
// app, and rebuilding every time would make `npm start` slow for nothing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_NAMES = new Set(['node_modules', '.git', 'testing']);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

export function isBuildStale(options: { outputs: string[]; sources: string[] }): boolean {
  const outputTimes = options.outputs.map(modifiedTime);
  if (outputTimes.some((time) => time === null)) return true;
  const oldestOutput = Math.min(...(outputTimes as number[]));
  return options.sources.some((source) => newestSourceTime(source) > oldestOutput);
}

/** Newest modification time under a file or folder; tests and test helpers are not built. */
export function newestSourceTime(path: string): number {
  const info = statOrNull(path);
  if (!info) return 0;
  if (!info.isDirectory()) return TEST_FILE.test(path) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIPPED_NAMES.has(entry.name)) continue;
    newest = Math.max(newest, newestSourceTime(join(path, entry.name)));
  }
  return newest;
}

function modifiedTime(path: string): number | null {
  return statOrNull(path)?.mtimeMs ?? null;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
