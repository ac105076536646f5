import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildStale } from './buildFreshness';

let root: string;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 9, minutes));

async function file(path: string, minutes: number) {
  const full = join(root, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, 'x');
  await utimes(full, at(minutes), at(minutes));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'harvest-tray-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isBuildStale', () => {
  const inputs = () => ({ outputs: [join(root, 'out/index.html')], sources: [join(root, 'src')] });

  it('is stale when the output is missing', async () => {
    await file('src/app.tsx', 0);
    expect(isBuildStale(inputs())).toBe(true);
  });

  it('is fresh when every source is older than the output, stale when one is newer', async () => {
    await file('src/app.tsx', 0);
    await file('src/deep/view.tsx', 5);
    await file('out/index.html', 10);
    expect(isBuildStale(inputs())).toBe(false);
    await file('src/deep/view.tsx', 20);
    expect(isBuildStale(inputs())).toBe(true);
  });

  it('ignores tests, which are not part of the build', async () => {
    await file('src/app.tsx', 0);
    await file('out/index.html', 10);
    await file('src/app.test.tsx', 20);
    expect(isBuildStale(inputs())).toBe(false);
  });
});
