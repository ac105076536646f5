// Types for scripts/cliBundleFreshness.mjs (plain JavaScript, so the launcher runs it without a compiler).
export function isCliBundleStale(root: string, outDir: string): boolean;
