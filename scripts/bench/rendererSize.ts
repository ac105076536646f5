// The popover's JavaScript as the user's machine loads it, gzipped: it is parsed on every start.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figures';

export function rendererSize(rendererDir: string): Figure {
  const assets = join(rendererDir, 'assets');
  let files: string[];
  try {
    files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  } catch {
    return {
      name: 'renderer JS gzipped',
      value: null,
      unit: 'KB',
      limit: 150,
      note: `${assets} not found`,
    };
  }
  const bytes = files.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
    0,
  );
  return {
    name: 'renderer JS gzipped',
    value: Math.round((bytes / 1024) * 10) / 10,
    unit: 'KB',
    limit: 150,
    note: `${files.length} file${files.length === 1 ? '' : 's'}`,
  };
}
