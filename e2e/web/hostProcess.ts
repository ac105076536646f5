// The web host as a person or a script starts it (`node scripts/web.mjs --port 0`, what
// `npm run web` runs), in a process of its own: so a spec can kill it outright, as a crash, a
// power cut or `kill -9` would, and start it again on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../electron/simulator';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The one line the host prints on stdout (CONTRACT.md): the URL with its session key. */
const URL_LINE = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;
/** tsx compiles the core on a cold start; two busy cores take a while over it. */
const STARTS_WITHIN_MS = 60_000;

export interface HostProcess {
  /** The printed URL: opening it trades the key for the session cookie. */
  url: string;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<NodeJS.Signals | null>;
  /** SIGTERM, as Ctrl+C would: for cleaning up after a spec. */
  stop(): Promise<void>;
}

/** The environment a user signed in up front would give it, and nothing of the developer's own. */
export function hostEnv(harvest: { url: string; apiUrl: string }, dataDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: dataDir,
    HARVEST_API_URL: harvest.apiUrl,
    HARVEST_ID_URL: harvest.url,
    HARVEST_TRAY_DATA_DIR: dataDir,
    HARVEST_TRAY_NO_KEYRING: '1',
    HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.multi,
    HARVEST_ACCOUNT_ID: String(SIMULATOR_ACCOUNTS.duration),
  };
}

export async function startHostProcess(env: Record<string, string>): Promise<HostProcess> {
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host printed no URL within ${STARTS_WITHIN_MS} ms:\n${output}`)), STARTS_WITHIN_MS);
    child.stdout.on('data', () => {
      const found = URL_LINE.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The web host exited before printing a URL:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    kill: () => signal(child, exited, 'SIGKILL'),
    stop: async () => {
      await signal(child, exited, 'SIGTERM');
    },
  };
}

async function signal(child: ChildProcess, exited: Promise<NodeJS.Signals | null>, name: NodeJS.Signals): Promise<NodeJS.Signals | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
  return exited;
}

/** The queue files in the data folder (one per account and server), with their text. */
export async function queueFilesIn(dataDir: string): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(dataDir)).filter((name) => /^pending-changes-.*\.json$/.test(name));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dataDir, name), 'utf8') })));
}
