// Finds import cycles among a folder's TypeScript modules (type-only imports included: a cycle of
// types still ties the files' reasons to change together). Relative imports only; tests skipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g;

export function importCycles(folder: string): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(folder)) graph.set(file, relativeImports(file));

  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) cycles.push(path.slice(at).map((name) => relative(folder, name)));
      else if (!done.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return cycles;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = resolve(folder, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name)) files.push(path);
  }
  return files;
}

function relativeImports(file: string): string[] {
  const found: string[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1] ?? '');
    const candidate = [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((path) => existsSync(path));
    if (candidate) found.push(candidate);
  }
  return found;
}
