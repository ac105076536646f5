// `npm run web -- [--port N] [--demo]`: builds the renderer when out/renderer is missing or older
// than its sources, then runs the web host (electron/web/cli.ts's work) in this process with tsx.
// stdout carries one line, the URL to open; build logs go to stderr.
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();

const root = join(import.meta.dirname, '..');
const { ensureBuilt } = await import('../electron/web/launch/appBuild.ts');
const { runWebHost } = await import('../electron/web/runWebHost.ts');

try {
  ensureBuilt(root, 'renderer');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
await runWebHost(process.argv.slice(2));
