// `npm run dev [-- --port N]`: the renderer with Vite's hot reload, served by the web host against
// the built-in Harvest simulator's demo data. Nothing to build first; one line with the URL to
// open; Ctrl+C stops the host, Vite and the simulator together (they all live in this process).
import { register } from 'tsx/esm/api';

register();
// Before anything loads Vite, and whatever the shell says: this is a development server. A NODE_ENV
// of production (set by the shell, or inherited from a process that ran a Vite build, as the web
// host's page-script build does) makes React's plugin turn hot replacement into full reloads.
process.env.NODE_ENV = 'development';

const { runWebHost } = await import('../electron/web/runWebHost.ts');
await runWebHost(['--demo', ...process.argv.slice(2)], process.env, { dev: true });
