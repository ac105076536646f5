// The command line run by a process that is nothing else: `node` (cli/main.ts) or the installed
// app given the command line's words (electron/main.ts). Both print the same and exit the same;
// only how the process exits differs (process.exit; app.exit in Electron's main process).
import { describeFailure, formatFailure } from './output/failure';
import { runCli } from './runCli';

/**
 * Runs one command on this process's standard streams, then hands its status to `exit` once
 * everything written has been flushed (a pipe on macOS is asynchronous: exiting early cuts it).
 */
export async function runCliInProcess(argv: string[], exit: (status: number) => void): Promise<void> {
  const json = argv.includes('--json');
  // A reader that went away (`harvest-tray entries list | head -1`, EPIPE) fails the write that
  // met it, which runCli reports; unheard, the stream's 'error' would end the process with a
  // stack trace, and in Electron's main process show a dialog a script cannot dismiss.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  // Anything else thrown out of reach: one line and status 1, never Electron's error dialog.
  process.on('uncaughtException', (error) => {
    process.stderr.write(formatFailure(describeFailure(error), json), () => exit(1));
  });

  const status = await runCli({
    argv,
    env: process.env,
    platform: process.platform,
    now: () => new Date(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
  exit(status);
}
