// `npm run dev:desktop`: `npm run dev` inside Electron (electron-vite dev: the renderer hot-reloads,
// the main process and preload rebuild and restart on change), against the demo's data. Where the
// Electron runtime is missing (it cannot be downloaded everywhere), one sentence saying so and
// what to run instead.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();

const { electronPackageDir, findElectronBinary } = await import('../electron/web/launch/electronBinary.ts');

if (!findElectronBinary({ env: process.env, packageDir: electronPackageDir(import.meta.url) })) {
  console.log(
    'The Electron runtime is not installed here (`npx install-electron` downloads it on Node 22.12 or later), so there is no desktop to develop in: `npm run dev` runs the same app in your browser with hot reload.',
  );
  process.exit(1);
}

const child = spawn('npx', ['electron-vite', 'dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, HARVEST_TRAY_DEMO: '1' },
  shell: process.platform === 'win32',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
