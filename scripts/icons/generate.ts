// `npx tsx scripts/icons/generate.ts`: writes build/'s icons from art.ts. Run after changing the
// art; icons.test.ts fails while the files in build/ differ from what the art renders.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconFiles } from './icons';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
for (const [path, bytes] of iconFiles()) {
  mkdirSync(dirname(join(buildDir, path)), { recursive: true });
  writeFileSync(join(buildDir, path), bytes);
}
console.log(`Wrote ${iconFiles().size} icon files to build/.`);
