// `harvest-tray`: the command line's process. Runs one command and exits with its status once
// everything written has been flushed (a pipe on macOS is asynchronous: exiting early cuts it).
import { runCli } from './runCli';

const status = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  platform: process.platform,
  now: () => new Date(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exit(status);
