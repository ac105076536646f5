// Bundles the command line (electron/cli/main.ts and the core it uses) into out/cli with esbuild:
// one file to load instead of hundreds of modules, which is most of a cold start (see
// scripts/bench/cliColdStart.ts). The MCP server is a separate chunk, loaded only by `mcp`.
// Beside the bundle, the list of files it was built from, so the launcher can tell cheaply
// whether it is stale (scripts/cliBundleFreshness.mjs).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(import.meta.dirname, '..');
export const CLI_OUT_DIR = join(ROOT, 'out', 'cli');
export const CLI_BUNDLE = join(CLI_OUT_DIR, 'harvest-tray.mjs');

/** `outDir`: tests bundle into a folder of their own (inside the checkout, to find node_modules). */
export async function buildCli({ outDir = CLI_OUT_DIR } = {}) {
  // Chunks are named by their content: an old one left behind would only take space.
  rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'harvest-tray': 'electron/cli/main.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    // Kept readable in stack traces of bug reports; names only, no source maps shipped.
    keepNames: true,
    // A native module: it cannot be inlined, and is loaded only when a token is kept or read.
    external: ['@napi-rs/keyring'],
    // Bundled CommonJS (commander, write-file-atomic) calls require() for Node's own modules and
    // names its own file (write-file-atomic's temporary names use __filename).
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
      ].join(' '),
    },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...new Set(Object.keys(result.metafile.inputs).map(inputFile).map(installedAs))];
  writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
  return result;
}

/**
 * The file behind one of esbuild's inputs, relative to the checkout. An import with attributes is
 * named with them ("package.json with { type: 'json' }"): no such file, so the launcher would
 * think the bundle stale and build it again on every run.
 */
function inputFile(input) {
  return relative(ROOT, join(ROOT, input.replace(/ with \{.*\}$/, '')));
}

/**
 * A file of an installed package stands for the whole installation: npm rewrites
 * node_modules/.package-lock.json on every install, update and ci, so the launcher looks at one
 * file where it looked at hundreds (zod alone is some 300) on every run. A package's file edited
 * by hand is not seen; without that record (another installer), each file is listed as it is.
 */
function installedAs(file) {
  const packages = file.match(/^(.*?node_modules)\//);
  if (!packages) return file;
  const record = join(packages[1], '.package-lock.json');
  return existsSync(join(ROOT, record)) ? record : file;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
