import { describe, expect, it } from 'vitest';
import { coldStartParts } from './coldStartParts';

describe('coldStartParts', () => {
  it('splits the start into Node, the bundle and the rest, and names the largest part', () => {
    expect(coldStartParts({ cliMs: 175, floorMs: 120, nodeMs: 22, loadedMs: 80, bundledDuringRuns: false })).toBe(
      'Node starting 22 ms, loading the bundle 58 ms, the rest 95 ms ' +
        "(Node's fetch loading on first use and, after it, a slower end of the process, both as in the floor; the request; the settings file; output); " +
        'most: the rest, 95 of 175 ms; 55 ms beyond the floor',
    );
  });

  it('names the bundle when loading it is the largest part', () => {
    expect(coldStartParts({ cliMs: 429, floorMs: 121, nodeMs: 24, loadedMs: 318, bundledDuringRuns: false })).toContain(
      'most: loading the bundle, 294 of 429 ms; 308 ms beyond the floor',
    );
  });

  it('says so when the launcher bundled again during the timed runs, which puts esbuild in every figure', () => {
    expect(coldStartParts({ cliMs: 429, floorMs: 121, nodeMs: 24, loadedMs: 318, bundledDuringRuns: true })).toMatch(
      /; THE LAUNCHER BUNDLED AGAIN during the timed runs: .*inputs\.json/,
    );
  });
});
