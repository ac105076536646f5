#!/usr/bin/env node
// `harvest-tray` (package.json bin) and `npm run --silent cli -- …`: runs the bundled command
// line, bundling it first when it is missing or a file it was built from has changed since.
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Node 22.1 and later keep the compiled bundle on disk between runs; Node 20 has no such cache.
module.enableCompileCache?.();

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out', 'cli', 'harvest-tray.mjs');
const inputs = join(root, 'out', 'cli', 'inputs.json');

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function isStale() {
  const built = modified(bundle);
  if (built === null || modified(inputs) === null) return true;
  let sources;
  try {
    sources = JSON.parse(readFileSync(inputs, 'utf8'));
  } catch {
    return true;
  }
  // A new source file can only matter through an import in one already listed, which changed.
  return [...sources, 'package.json', 'scripts/buildCli.mjs'].some((source) => (modified(join(root, source)) ?? Infinity) > built);
}

if (isStale()) {
  process.stderr.write('Bundling the command line (out/cli)…\n');
  const { buildCli } = await import('./buildCli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
