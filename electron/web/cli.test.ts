// The command line as people and scripts use it: a real process, one line on stdout with the URL,
// a working API behind it, and a clean exit on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send, keyHeaderFor } from './testing/httpClient';

const ROOT = join(import.meta.dirname, '../..');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, HARVEST_TRAY_DATA_DIR: dataDir, HARVEST_ACCESS_TOKEN: '', HARVEST_ACCOUNT_ID: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('\n') && resolve(stdout.split('\n')[0] ?? ''));
    child.on('exit', () => reject(new Error(`exited before printing a line: ${stderr}`)));
  });
  // Tests that expect an early exit never wait for a line; that rejection is not a failure.
  firstLine.catch(() => undefined);
  return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
}

describe('electron/web/cli.ts', () => {
  it('prints one line with the URL, serves the demo behind it, and stops cleanly on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--demo']);
    const line = await cli.firstLine;
    const url = /http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+/.exec(line)?.[0];
    expect(url).toBeDefined();

    const origin = new URL(url ?? '').origin;
    const session = await send(`${origin}/api/session.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...keyHeaderFor(url ?? '') },
      body: '{}',
    });
    expect(JSON.parse(session.body)).toMatchObject({ ok: true, value: { state: 'signed-in', demo: true } });

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout.trim().split('\n')).toHaveLength(1);
    await expect(send(`${origin}/`)).rejects.toThrow();
  });

  it('explains its usage and exits when the arguments are wrong', async () => {
    const cli = runCli(['--port', 'eighty']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/--port must be a number/);
    expect(cli.output().stdout).toBe('');
  });
});
