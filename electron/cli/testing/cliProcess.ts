// The real command line as a child process, for the integration tests: bundled from the current
// sources into a folder of the test's own (inside the checkout, so node_modules resolves), run
// with an environment that holds nothing of the developer's own (no token of theirs leaks in).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT } from '../../../scripts/buildCli.mjs';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, type Simulator } from '../../simulator';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  bundle: string;
  dataDir: string;
  /** The environment every run gets: the simulator's URLs, a data folder, no keyring. */
  env(credentials?: { token?: string; accountId?: number } | null): Record<string, string>;
  run(args: string[], options?: { env?: Record<string, string>; input?: string }): Promise<CliRun>;
  close(): Promise<void>;
}

export async function bundleCli(): Promise<{ bundle: string; remove(): Promise<void> }> {
  // A fresh clone has no out/ folder until something is built.
  await mkdir(join(ROOT, 'out'), { recursive: true });
  const outDir = await mkdtemp(join(ROOT, 'out', 'cli-test-'));
  await buildCli({ outDir });
  return { bundle: join(outDir, 'harvest-tray.mjs'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

export async function cliProcess(sim: Simulator, bundle: string): Promise<CliProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-cli-'));
  const env = (credentials: { token?: string; accountId?: number } | null = {}): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    HOME: dataDir,
    HARVEST_API_URL: sim.apiUrl,
    HARVEST_ID_URL: sim.url,
    HARVEST_TRAY_DATA_DIR: dataDir,
    // The same result on every machine, whether or not a keyring answers there.
    HARVEST_TRAY_NO_KEYRING: '1',
    ...(credentials === null
      ? {}
      : {
          HARVEST_ACCESS_TOKEN: credentials.token ?? SIMULATOR_TOKENS.multi,
          HARVEST_ACCOUNT_ID: String(credentials.accountId ?? SIMULATOR_ACCOUNTS.duration),
        }),
  });
  return {
    bundle,
    dataDir,
    env,
    run: (args, options = {}) => runNode([bundle, ...args], options.env ?? env(), options.input),
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export function runNode(args: string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
