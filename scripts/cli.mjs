#!/usr/bin/env node
// `harvest-tray` (package.json bin) and `npm run --silent cli -- …`: runs the bundled command
// line, bundling it first when it is missing or a file it was built from has changed since.
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCliBundleStale } from './cliBundleFreshness.mjs';

// Node 22.1 and later keep the compiled bundle on disk between runs; Node 20 has no such cache.
module.enableCompileCache?.();

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'out', 'cli');
const bundle = join(outDir, 'harvest-tray.mjs');

if (isCliBundleStale(root, outDir)) {
  process.stderr.write('Bundling the command line (out/cli)…\n');
  const { buildCli } = await import('./buildCli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
