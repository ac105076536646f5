// Types for scripts/buildCli.mjs (plain JavaScript, so the launcher runs it without a compiler).
import type { BuildResult } from 'esbuild';

export const ROOT: string;
export const CLI_OUT_DIR: string;
export const CLI_BUNDLE: string;
export function buildCli(options?: { outDir?: string }): Promise<BuildResult<{ metafile: true }>>;
