// Whether the bundled command line is older than what it was built from: the launcher asks on
// every run, so it reads one small list of files (written by buildCli.mjs) and their times, and
// loads nothing else (esbuild is loaded only to build).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** `root`: the checkout; `outDir`: where buildCli wrote the bundle and its inputs.json. */
export function isCliBundleStale(root, outDir) {
  const built = modified(join(outDir, 'harvest-tray.mjs'));
  const inputs = join(outDir, 'inputs.json');
  if (built === null || modified(inputs) === null) return true;
  let sources;
  try {
    sources = JSON.parse(readFileSync(inputs, 'utf8'));
  } catch {
    return true;
  }
  // A new source file can only matter through an import in one already listed, which changed.
  // A listed file that is gone (null) was moved or deleted since: build again.
  return [...sources, 'package.json', 'scripts/buildCli.mjs'].some((source) => (modified(join(root, source)) ?? Infinity) > built);
}
