// `npm start` / `npm run demo`: the desktop tray app where the Electron runtime exists; where it
// does not (and cannot be downloaded), one sentence saying so and the same app in the browser.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();

const root = join(import.meta.dirname, '..');
const demo = process.argv.slice(2).includes('--demo');
const { ensureBuilt } = await import('../electron/web/launch/appBuild.ts');
const { electronPackageDir, findElectronBinary } = await import('../electron/web/launch/electronBinary.ts');

const electron = findElectronBinary({ env: process.env, packageDir: electronPackageDir(import.meta.url) });
if (!electron) {
  console.log(
    'The Electron runtime is not installed here and cannot be downloaded, so Harvest Tray is starting in your browser instead.',
  );
}

try {
  ensureBuilt(root, electron ? 'desktop' : 'renderer');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

if (electron) {
  const child = spawn(electron, [root], {
    stdio: 'inherit',
    env: { ...process.env, ...(demo ? { HARVEST_TRAY_DEMO: '1' } : {}) },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // The web host never stores a token, so "no account set up" means no credentials in the
  // environment: then the demo, as on a fresh machine's first `npm start`.
  const noAccount = !process.env.HARVEST_ACCESS_TOKEN?.trim();
  const { runWebHost } = await import('../electron/web/runWebHost.ts');
  await runWebHost(['--port', '0', ...(demo || noAccount ? ['--demo'] : [])]);
}
