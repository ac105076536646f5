// The launcher's question, asked of a bundle built into a folder of the test's own: a bundle just
// built is fresh (so `harvest-tray` runs it as it is), one older than a file it came from is not.
import { mkdir, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT } from './buildCli.mjs';
import { isCliBundleStale } from './cliBundleFreshness.mjs';

let outDir: string;

beforeAll(async () => {
  await mkdir(join(ROOT, 'out'), { recursive: true });
  outDir = await mkdtemp(join(ROOT, 'out', 'cli-freshness-'));
  await buildCli({ outDir });
}, 60_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the inputs a bundle lists', () => {
  it('name installed packages by npm\'s record of the installation, not file by file', async () => {
    const inputs = JSON.parse(await readFile(join(outDir, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs.filter((input) => input.includes('node_modules/'))).toEqual([
      expect.stringMatching(/(^|\/)node_modules\/\.package-lock\.json$/),
    ]);
  });
});

describe('isCliBundleStale', () => {
  it('is false for a bundle just built', () => {
    expect(isCliBundleStale(ROOT, outDir)).toBe(false);
  });

  it('is true for a bundle older than the files it was built from', async () => {
    const longAgo = new Date('2000-01-01T00:00:00Z');
    await utimes(join(outDir, 'harvest-tray.mjs'), longAgo, longAgo);
    expect(isCliBundleStale(ROOT, outDir)).toBe(true);
  });

  it('is true when there is no bundle', () => {
    expect(isCliBundleStale(ROOT, join(outDir, 'nothing-here'))).toBe(true);
  });
});
