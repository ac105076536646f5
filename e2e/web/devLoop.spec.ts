// The development loop as a new contributor meets it: `npm run dev` prints one URL, the page there
// shows the demo, and an edit to a renderer file shows in that open page without a reload.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EDITED_FILE = fileURLToPath(new URL('../../renderer/src/components/DayHeader.tsx', import.meta.url));
const URL_LINE = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

let dev: ChildProcess | undefined;
let original: { text: string; mtime: Date } | undefined;

test.afterEach(async () => {
  // The file goes back as it was, modification time included, so no build thinks it is stale.
  if (original) {
    await writeFile(EDITED_FILE, original.text);
    await utimes(EDITED_FILE, original.mtime, original.mtime);
    original = undefined;
  }
  if (dev?.pid !== undefined && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev?.once('exit', resolve));
    // Ctrl+C: the terminal signals npm and everything under it, as one process group.
    process.kill(-dev.pid, 'SIGINT');
    await exited;
  }
});

/** Starts `npm run dev` and waits for the one line with the URL; stderr is kept for the failure message. */
async function startDev(): Promise<{ url: string; output: () => string }> {
  const child = spawn('npm', ['run', '--silent', 'dev'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  dev = child;
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = URL_LINE.exec(stdout);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm run dev exited (${code}) before printing a URL:\n${stdout}${output}`)));
  });
  return { url, output: () => output };
}

test('npm run dev serves the demo, and an edited component shows in the open page without a reload', async ({
  page,
}) => {
  test.skip(process.platform === 'win32', 'Stopping npm and what it started relies on POSIX process groups.');
  // The first start optimises the renderer's dependencies, which a loaded machine takes a while over.
  test.setTimeout(120_000);
  const { url, output } = await startDev();
  await page.goto(url);
  const badge = page.getByText('Demo', { exact: true });
  await expect(badge, output()).toBeVisible({ timeout: 60_000 });

  // A reload would lose this; hot replacement keeps the page (and this mark) as it is.
  await page.evaluate(() => Object.assign(window, { devLoopMark: 'still here' }));
  const text = await readFile(EDITED_FILE, 'utf8');
  original = { text, mtime: (await stat(EDITED_FILE)).mtime };
  expect(text).toMatch(/^\s*Demo$/m);
  await writeFile(EDITED_FILE, text.replace(/^(\s*)Demo$/m, '$1Demo, edited'));

  await expect(page.getByText('Demo, edited', { exact: true }), output()).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { devLoopMark?: string }).devLoopMark)).toBe('still here');
});
