// Runs the web host until SIGINT/SIGTERM: prints one line with the URL to open (scripts and
// people look for exactly that line), and closes the core cleanly so queued changes are saved.
// `dev`: the page comes from Vite's dev server, with hot reload (`npm run dev`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/config';
import { parseWebHostArgs, UsageError } from './cliArgs';
import { startConfiguredWebHost } from './configuredWebHost';
import { BUILT_RENDERER_DIR } from './webHost';

export async function runWebHost(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  { dev = false }: { dev?: boolean } = {},
): Promise<void> {
  let host;
  try {
    const args = parseWebHostArgs(argv);
    // Loaded only for development: the usual host never needs Vite's dev server.
    const pages = dev ? (await import('./dev/vitePages')).vitePages() : undefined;
    host = await startConfiguredWebHost({ env, port: args.port, demo: args.demo, ...(pages ? { pages } : {}) });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (!dev && !existsSync(join(BUILT_RENDERER_DIR, 'index.html'))) {
    // The host still answers the API; only the page is missing. `npm run web` builds it first.
    process.stderr.write('The app is not built yet (out/renderer is missing): run `npm run build`, or use `npm run web`.\n');
  }
  process.stdout.write(`Harvest Tray is running at ${host.url} (open it in your browser; Ctrl+C stops it)\n`);

  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`Stopping Harvest Tray (${signal})…\n`);
    // A second Ctrl+C while closing means "now". A repeated SIGTERM does not: wrappers and
    // service managers pass TERM on to the whole process group, so it can arrive twice for one
    // request to stop, and the clean close (the queue's last write) should not be cut short.
    if (signal === 'SIGINT') process.once('SIGINT', () => process.exit(130));
    else process.on('SIGTERM', () => undefined);
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
