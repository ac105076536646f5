// The web host's command line: `--port N` (0 = a free port) and `--demo`.
import { parseArgs } from 'node:util';

export interface WebHostArgs {
  port: number;
  demo: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nUsage: npm run web -- [--port N] [--demo]   (--port 0 picks a free port)`);
    this.name = 'UsageError';
  }
}

export function parseWebHostArgs(argv: string[]): WebHostArgs {
  let values: { port?: string; demo?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, demo: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65_535) {
    throw new UsageError(`--port must be a number from 0 to 65535 (got "${values.port}").`);
  }
  return { port, demo: values.demo ?? false };
}
