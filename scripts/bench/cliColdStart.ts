// The command line's cold start: `harvest-tray entries list --json` for today as a whole process
// (the launcher, the bundle, the settings file, one request to the simulator), beside a floor
// measured in the same run: `node -e` doing one fetch of the same URL. Two more processes split
// the time: `node -e 0` (Node itself) and `harvest-tray --version` (Node and loading the bundle,
// no request), so the note says what dominates (scripts/bench/coldStartParts.ts). In the runs
// here the command line paid about 50 ms beyond the floor, nearly all of it loading the bundle
// (parsing it, zod building the schemas, commander the commands, Node's own modules they use);
// the rest the floor pays too: Node's fetch loading on first use, the request, and a process that
// takes some 70 ms to end once fetch has run (process.exit right after the answer does not help).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toLocalDate } from '../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator } from '../../electron/simulator';
import { USER_AGENT } from '../../electron/core/harvest/http';
import { buildCli, CLI_BUNDLE } from '../buildCli.mjs';
import { coldStartParts } from './coldStartParts';
import { median, type Figure } from './figures';

const ROUNDS = 9;
const TARGET_RATIO = 3;

function timeProcess(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0) resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited with ${String(status)}`));
    });
  });
}

export async function cliColdStart(root: string): Promise<Figure[]> {
  await buildCli();
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const sim = await startSimulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-bench-cli-'));
  try {
    const today = toLocalDate(new Date());
    const env = {
      PATH: process.env.PATH ?? '',
      HARVEST_API_URL: sim.apiUrl,
      HARVEST_ID_URL: sim.url,
      HARVEST_TRAY_DATA_DIR: dataDir,
      HARVEST_TRAY_NO_KEYRING: '1',
      HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.single,
      HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
    };
    const launcher = join(root, 'scripts', 'cli.mjs');
    const list = [launcher, 'entries', 'list', '--from', today, '--to', today, '--json'];
    // The first run asks Harvest who "me" is and keeps it in the data folder, as the tray does;
    // a later run asks for the entries alone: one request, like the floor.
    await timeProcess(list, env);

    const me = (await (await fetch(`${sim.apiUrl}/users/me`, { headers: harvestHeaders() })).json()) as { id: number };
    const url = `${sim.apiUrl}/time_entries?user_id=${me.id}&from=${today}&to=${today}&per_page=2000`;
    const fetchOnce = `fetch(${JSON.stringify(url)}, { headers: ${JSON.stringify(harvestHeaders())} }).then((reply) => reply.text()).then((text) => process.stdout.write(text))`;

    const cli: number[] = [];
    const floor: number[] = [];
    const bare: number[] = [];
    const loaded: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Interleaved, so a busy moment on a shared machine falls on all of them alike.
      floor.push(await timeProcess(['-e', fetchOnce], env));
      cli.push(await timeProcess(list, env));
      bare.push(await timeProcess(['-e', '0'], env));
      loaded.push(await timeProcess([launcher, '--version'], env));
    }
    const [cliMs = 0, floorMs = 0, nodeMs = 0, loadedMs = 0] = [cli, floor, bare, loaded].map((times) => Math.round(median(times)));
    const bundledDuringRuns = statSync(CLI_BUNDLE).mtimeMs !== built;
    return [
      {
        name: 'command line cold start (entries list --json, today)',
        value: cliMs,
        unit: 'ms',
        limit: TARGET_RATIO * floorMs,
        note:
          `${TARGET_RATIO} x the floor of ${floorMs} ms (node -e, one fetch of the same URL); ` +
          `median of ${ROUNDS}: ${coldStartParts({ cliMs, floorMs, nodeMs, loadedMs, bundledDuringRuns })}`,
      },
    ];
  } finally {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function harvestHeaders(): Record<string, string> {
  return {
    Authorization: `Bearer ${SIMULATOR_TOKENS.single}`,
    'Harvest-Account-Id': String(SIMULATOR_ACCOUNTS.duration),
    'User-Agent': USER_AGENT,
  };
}
