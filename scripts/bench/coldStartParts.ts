// Where the command line's cold start goes, from the medians of four kinds of process timed side
// by side (scripts/bench/cliColdStart.ts): `node -e 0` (Node itself), `harvest-tray --version`
// (Node and the bundle, no request), the whole `entries list`, and the one-fetch floor. The note
// names the largest part, so a figure that moves says at once where it moved.

export interface ColdStartMedians {
  cliMs: number;
  floorMs: number;
  nodeMs: number;
  /** `harvest-tray --version`: Node starting and the bundle loaded. */
  loadedMs: number;
  /** The bundle on disk changed while the runs were timed: the launcher found it stale. */
  bundledDuringRuns: boolean;
}

export function coldStartParts(medians: ColdStartMedians): string {
  const parts = [
    { name: 'Node starting', ms: medians.nodeMs },
    { name: 'loading the bundle', ms: medians.loadedMs - medians.nodeMs },
    { name: 'the rest', ms: medians.cliMs - medians.loadedMs },
  ];
  const largest = parts.reduce((most, part) => (part.ms > most.ms ? part : most));
  const [node, bundle, rest] = parts;
  const note =
    `${node?.name} ${node?.ms} ms, ${bundle?.name} ${bundle?.ms} ms, ${rest?.name} ${rest?.ms} ms ` +
    "(Node's fetch loading on first use and, after it, a slower end of the process, both as in the floor; the request; the settings file; output); " +
    `most: ${largest.name}, ${largest.ms} of ${medians.cliMs} ms; ${medians.cliMs - medians.floorMs} ms beyond the floor`;
  // The launcher's staleness check once took a listed name for a missing file; every run then
  // bundled first, and the figure read as a slow bundle to load.
  return medians.bundledDuringRuns
    ? `${note}; THE LAUNCHER BUNDLED AGAIN during the timed runs: esbuild is in these times (out/cli/inputs.json names a file that is missing or newer than the bundle)`
    : note;
}
