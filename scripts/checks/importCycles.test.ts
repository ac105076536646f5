import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('import cycles', () => {
  it('finds a cycle made of type-only imports', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cycles-'));
    writeFileSync(join(folder, 'index.ts'), "export type { A } from './a';\nexport { b } from './b';\n");
    writeFileSync(join(folder, 'a.ts'), 'export interface A { x: number }\n');
    writeFileSync(join(folder, 'b.ts'), "import type { A } from './index';\nexport const b = (a: A) => a.x;\n");
    expect(importCycles(folder).map((cycle) => [...cycle].sort())).toEqual([['b.ts', 'index.ts']]);
  });

  it.each(['electron', 'shared', 'renderer/src'])('%s has none', (folder) => {
    expect(importCycles(join(root, folder))).toEqual([]);
  });
});
