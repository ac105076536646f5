// `npm run dist [-- electron-builder options]`: the packages for this platform, in dist/.
// Electron's own tooling (its runtime download, electron-builder's native rebuild step) asks for
// Node 22.12 or later, unlike the rest of the project (Node 20.19): say so before starting rather
// than fail half-way through a package.
import { spawnSync } from 'node:child_process';

const NEEDED = [22, 12];
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  console.error(
    `Building packages needs Node ${NEEDED.join('.')} or later, as Electron's packaging tools require; this is Node ${process.versions.node}.`,
  );
  process.exit(1);
}

const run = (args) => {
  const result = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['electron-vite', 'build', '--logLevel', 'warn']);
run(['electron-builder', ...process.argv.slice(2)]);
