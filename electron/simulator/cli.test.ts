import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsxPath = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('npm run sim', () => {
  it('prints one line with the URLs, tokens and accounts, serves Harvest, and exits cleanly on SIGTERM', async () => {
    const child = spawn(tsxPath, [cliPath, '--port', '0', '--page-size', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (output.includes('\n')) resolve(output.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const apiUrl = /HARVEST_API_URL=(\S+)/.exec(line)?.[1];
      expect(line).toMatch(/HARVEST_ID_URL=http:\/\/127\.0\.0\.1:\d+ /);
      expect(line).toContain('sim-token-multi');
      expect(line).toContain('100002');
      const reply = await fetch(`${apiUrl}/time_entries`, {
        headers: { Authorization: 'Bearer sim-token-multi', 'Harvest-Account-Id': '100001', 'User-Agent': 'T (t@t.t)' },
      });
      expect(((await reply.json()) as { per_page: number }).per_page).toBe(2);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
