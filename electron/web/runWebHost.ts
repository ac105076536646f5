// Runs the web host until SIGINT/SIGTERM: prints one line with the URL to open (scripts and
// people look for exactly that line), and closes the core cleanly so queued changes are saved.
import { ConfigError } from '../core/config';
import { parseWebHostArgs, UsageError } from './cliArgs';
import { startConfiguredWebHost } from './configuredWebHost';

export async function runWebHost(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let host;
  try {
    const args = parseWebHostArgs(argv);
    host = await startConfiguredWebHost({ env, port: args.port, demo: args.demo });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  process.stdout.write(`Harvest Tray is running at ${host.url} (open it in your browser; Ctrl+C stops it)\n`);

  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`Stopping Harvest Tray (${signal})…\n`);
    // A second signal while closing means "now".
    process.once(signal, () => process.exit(130));
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
