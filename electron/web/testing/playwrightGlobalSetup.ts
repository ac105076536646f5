// Before the end-to-end tests: build the renderer once if out/renderer is missing or older than
// its sources, so every worker's web host serves the app as the code stands now.
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../launch/appBuild';

export default function globalSetup(): void {
  ensureBuilt(fileURLToPath(new URL('../../../', import.meta.url)), 'renderer');
}
