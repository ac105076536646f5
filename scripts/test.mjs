// `npm test`: type check, lint, security scan, unit + integration tests (vitest; they include the
// packaging configuration's schema and fuse checks), then end-to-end tests (Playwright),
// and one closing line `N passed, N failed` summed over all of them.
// `npm test -- PATTERN`: only the unit, integration and end-to-end test files whose path matches.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { chromiumHere } = await import('./browser/chromiumHere.ts');

const patterns = process.argv.slice(2);
const focused = patterns.length > 0;

const outDir = '.test-output';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
/** Said just before the closing line, so it is the one thing to read when a stage could not run. */
let lastWord = '';

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  console.log(`=== ${label} took ${Math.round((Date.now() - started) / 1000)} s`);
  return result.status ?? 1;
}

// 1-3. Whole-project checks, each counted as one: a red type check is a failed build. A focused
//      run (a pattern) is for the tests at hand, so it leaves them out.
if (!focused) {
  const typecheck = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']);
  if (typecheck === 0) passed += 1;
  else failed += 1;

  const lint = run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  if (lint === 0) passed += 1;
  else failed += 1;

  // The security scan (Electronegativity, offline) prints its figures.
  const securityScan = run('security scan', 'npx', ['tsx', 'scripts/checks/electronegativity.ts']);
  if (securityScan === 0) passed += 1;
  else failed += 1;
}

// 4. Unit and integration tests. A pattern may match only end-to-end files: no vitest file is fine.
const vitestReport = join(outDir, 'vitest.json');
const vitestStatus = run('unit and integration tests', 'npx', [
  'vitest',
  'run',
  ...patterns,
  ...(focused ? ['--passWithNoTests'] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  failed += (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
} else if (vitestStatus !== 0) {
  failed += 1;
}

// 5. End-to-end tests (web host in Chromium; Electron specs skip themselves where the Electron
//    binary is missing, saying why). Without a browser Playwright would fail every web test with
//    its own long message: instead they count as one failure, and one sentence says what to install.
const browser = chromiumHere();
if (!browser.found) {
  failed += 1;
  lastWord = browser.instruction;
} else if (existsSync('playwright.config.ts')) {
  const playwrightReport = join(outDir, 'playwright.json');
  const playwrightStatus = run(
    'end-to-end tests',
    'npx',
    ['playwright', 'test', ...patterns, ...(focused ? ['--pass-with-no-tests'] : []), '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  );
  if (existsSync(playwrightReport)) {
    const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  } else if (playwrightStatus !== 0) {
    failed += 1;
  }
}

if (focused && passed + failed === 0) lastWord = `No test file matches ${patterns.join(' ')}.`;
if (lastWord) console.log(`\n${lastWord}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
