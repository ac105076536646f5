// `npm test`'s security scan: Electronegativity (Doyensec's checker for Electron misconfigurations)
// over the app's own code, offline. It scans a copy of what ships: electron/ and renderer/src
// without tests and test helpers, and renderer/index.html with the Content-Security-Policy the
// build puts in it. Every finding fails the run unless it is listed below with the reason it is
// acceptable; the reasons are printed with the figures.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCspMeta } from '../../electron/desktop/csp';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  location?: { line: number };
  description: string;
  manualReview: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}

/** Findings that stay, each with why. `file` is relative to the scanned copy. */
export const JUSTIFIED: Array<{ id: string; file: string; reason: string }> = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/desktop/externalLinks.ts',
    reason: 'shell.openExternal only after isAllowedExternalUrl: https Harvest hosts, no userinfo or port.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/desktop/window.ts',
    reason: 'the window-open handler opens only isAllowedExternalUrl pages in the browser and denies every window.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/core/app/createCore.ts',
    reason: 'app.openExternal checks isAllowedExternalUrl before asking the host, which checks again.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/desktop/window.ts',
    reason: 'the sandboxed preload exposes one function per contract channel and on(); lint keeps it free of main code.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'electron/desktop/window.ts',
    reason: 'the development CSP header for the dev server, never used by a packaged app (appPage ignores ELECTRON_RENDERER_URL there).',
  },
  {
    id: 'ELECTRON_VERSION_JSON_CHECK',
    file: 'package.json',
    reason: 'informational: where it read the Electron version from (the devDependency, 45 or later); nothing to change.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason: "script-src 'self' is the app's own packaged files: no JSONP, no uploads, nothing else served from there.",
  },
];

/** Electronegativity fetches translations over the network; this run stays offline. */
function offline(requireFrom: NodeJS.Require): void {
  const gotPath = requireFrom.resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('offline'));
  requireFrom.cache[gotPath] = stub;
}

function stageShippedCode(): string {
  const copy = mkdtempSync(join(tmpdir(), 'harvest-tray-scan-'));
  const skip = (path: string) => /\.(test|spec)\.tsx?$/.test(path) || basename(path) === 'testing';
  cpSync(join(root, 'electron'), join(copy, 'electron'), { recursive: true, filter: (path) => !skip(path) });
  cpSync(join(root, 'renderer/src'), join(copy, 'renderer/src'), { recursive: true, filter: (path) => !skip(path) });
  writeFileSync(join(copy, 'renderer/index.html'), withCspMeta(readFileSync(join(root, 'renderer/index.html'), 'utf8')));
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  return copy;
}

export async function scan(): Promise<{ result: ScanResult; unexpected: Finding[]; justified: Array<Finding & { reason: string }> }> {
  const packageDir = join(require.resolve('@doyensec/electronegativity/package.json'), '..');
  offline(createRequire(join(packageDir, 'dist/locales/i18n.js')));
  const loaded = require('@doyensec/electronegativity') as { default?: unknown };
  const run = (loaded.default ?? loaded) as (options: object, forCli: boolean) => Promise<ScanResult>;
  const copy = stageShippedCode();
  const quiet = console.log;
  console.log = () => {}; // its one line about translations it could not fetch
  try {
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const result = await run(
      {
        input: copy,
        isRelative: true,
        customScan: [],
        // Compares Electron with its release list online; the dependency update is where that belongs.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    const justified: Array<Finding & { reason: string }> = [];
    const unexpected: Finding[] = [];
    for (const issue of result.issues) {
      const known = JUSTIFIED.find((entry) => entry.id === issue.id && entry.file === issue.file);
      if (known) justified.push({ ...issue, reason: known.reason });
      else unexpected.push(issue);
    }
    return { result, unexpected, justified };
  } finally {
    console.log = quiet;
    rmSync(copy, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { result, unexpected, justified } = await scan();
  const unreadable = result.errors.filter((error) => !error.tolerable);
  console.log(
    `Electronegativity: ${result.globalChecks + result.atomicChecks} checks (${result.globalChecks} global, ${result.atomicChecks} per file), ` +
      `${result.issues.length} findings: ${justified.length} justified, ${unexpected.length} unexpected; ${unreadable.length} files it could not read.`,
  );
  for (const finding of justified) console.log(`  justified ${finding.id} ${finding.file}:${finding.location?.line ?? 0}: ${finding.reason}`);
  for (const finding of unexpected) console.log(`  FINDING ${finding.id} ${finding.file}:${finding.location?.line ?? 0}: ${finding.description}`);
  for (const error of unreadable) console.log(`  UNREAD ${error.file}: ${error.message}`);
  process.exit(unexpected.length === 0 && unreadable.length === 0 ? 0 : 1);
}
