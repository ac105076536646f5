// `npm test`: type check, lint, security scan, unit + integration tests (vitest; they include the
// packaging configuration's schema and fuse checks), then end-to-end tests (Playwright),
// and one closing line `N passed, N failed` summed over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = '.test-output';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

// 1. Type check counts as one check: a red type check is a failed build.
const typecheck = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']);
if (typecheck === 0) passed += 1;
else failed += 1;

// 2. Lint counts as one check.
const lint = run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (lint === 0) passed += 1;
else failed += 1;

// 3. The security scan (Electronegativity, offline) counts as one check; it prints its figures.
const securityScan = run('security scan', 'npx', ['tsx', 'scripts/checks/electronegativity.ts']);
if (securityScan === 0) passed += 1;
else failed += 1;

// 4. Unit and integration tests.
const vitestReport = join(outDir, 'vitest.json');
const vitestStatus = run('unit and integration tests', 'npx', [
  'vitest',
  'run',
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

// 5. End-to-end tests (web host in Debian Chromium; Electron specs skip themselves where the
//    Electron binary is missing, saying why).
if (existsSync('playwright.config.ts')) {
  const playwrightReport = join(outDir, 'playwright.json');
  const playwrightStatus = run(
    'end-to-end tests',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
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

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
