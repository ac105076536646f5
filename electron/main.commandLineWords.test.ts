// The packages install the tray app as `harvest-tray`, the command line's name, and it is the
// command line when given its words: the same runCli in the main process, before `ready` and
// without it, no lock, nothing on screen, and the same output and exit status as
// `npm run --silent cli` (the bundled command line, run here as a child process against the
// simulator). A tray already running must not swallow the command, nor a command block a tray.
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import packageJson from '../package.json';
import { bundleCli, cliProcess, type CliProcess } from './cli/testing/cliProcess';
import type { fake as Fake } from './desktop/testing/fakeElectron';
import { startSimulator, type Simulator } from './simulator';

let built: Awaited<ReturnType<typeof bundleCli>>;
let sim: Simulator;
let cli: CliProcess;
/** The fake electron main.ts saw: each launch is a fresh process, with fresh modules. */
let fake: typeof Fake;
const savedArgv = process.argv;
const savedEnv = { ...process.env };
const savedStreams = {
  stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
  stdout: Object.getOwnPropertyDescriptor(process, 'stdout'),
  stderr: Object.getOwnPropertyDescriptor(process, 'stderr'),
};

beforeAll(async () => {
  built = await bundleCli();
  sim = await startSimulator();
  cli = await cliProcess(sim, built.bundle);
}, 60_000);
afterAll(async () => {
  await cli.close();
  await sim.close();
  await built.remove();
});
afterEach(() => {
  process.argv = savedArgv;
  process.env = { ...savedEnv };
  for (const [name, descriptor] of Object.entries(savedStreams)) if (descriptor) Object.defineProperty(process, name, descriptor);
  Reflect.deleteProperty(process, 'defaultApp');
});

/** A standard output or error whose every write completes later, as a pipe's does. */
class Captured extends Writable {
  text = '';
  /** Writes whose callback has not run yet. */
  pending = 0;
  constructor(private readonly failWith: NodeJS.ErrnoException | null = null) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending += 1;
    setTimeout(() => {
      this.pending -= 1;
      if (this.failWith) return done(this.failWith);
      this.text += chunk.toString('utf8');
      done();
    }, 5);
  }
}

interface Launch {
  status: number;
  stdout: string;
  stderr: string;
  /** Writes still unfinished when app.exit() was called. */
  unflushed: number;
}

/** Starts main.ts as Electron would, never ready, with argv as given; waits for app.exit(). */
async function launch(
  argv: string[],
  options: { defaultApp?: boolean; stdin?: PassThrough; stdout?: Captured; afterStart?: () => void } = {},
): Promise<Launch> {
  vi.resetModules();
  ({ fake } = await import('./desktop/testing/fakeElectron'));
  fake.reset();
  fake.app.startUnready();
  process.argv = argv;
  Object.defineProperty(process, 'defaultApp', { value: options.defaultApp === true, configurable: true });
  process.env = { ...savedEnv, ...cli.env() };
  const stdin = options.stdin ?? new PassThrough();
  if (!options.stdin) stdin.end();
  const stdout = options.stdout ?? new Captured();
  const stderr = new Captured();
  Object.defineProperty(process, 'stdin', { value: stdin, configurable: true });
  Object.defineProperty(process, 'stdout', { value: stdout, configurable: true });
  Object.defineProperty(process, 'stderr', { value: stderr, configurable: true });
  let unflushed = -1;
  const exit = fake.app.exit.bind(fake.app);
  vi.spyOn(fake.app, 'exit').mockImplementation((code) => {
    unflushed = stdout.pending + stderr.pending;
    exit(code);
  });
  await import('./main');
  options.afterStart?.();
  await vi.waitFor(() => expect(fake.app.exitCode, `${argv.join(" ")}: ${stderr.text}`).not.toBeNull(), { timeout: 5_000 });
  return { status: fake.app.exitCode ?? -1, stdout: stdout.text, stderr: stderr.text, unflushed };
}

function expectNothingOfTheTray(): void {
  expect(fake.app.holdsLock).toBe(false);
  expect(fake.windows()).toHaveLength(0);
  expect(fake.trays()).toHaveLength(0);
  expect(fake.globalShortcut.registered.size).toBe(0);
}

describe('the installed app given the command line’s words', () => {
  it('prints exactly what the command line prints, exits 0 once it is written, and takes no lock', async () => {
    const args = ['entries', 'list', '--json'];
    const expected = await cli.run(args);
    expect(expected.status).toBe(0);

    const run = await launch(['/opt/Harvest Tray/harvest-tray', ...args]);

    expect(run.stdout).toBe(expected.stdout);
    expect(JSON.parse(run.stdout)).not.toHaveLength(0);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.unflushed).toBe(0);
    expectNothingOfTheTray();
  });

  it('exits 2 on a usage error with the same JSON error on standard error', async () => {
    const args = ['entries', 'get', 'twelve', '--json'];
    const expected = await cli.run(args);
    expect(expected.status).toBe(2);

    const run = await launch(['/usr/bin/harvest-tray', ...args]);

    expect(run).toMatchObject({ status: 2, stdout: '', stderr: expected.stderr, unflushed: 0 });
    expectNothingOfTheTray();
  });

  it('exits 1 when Harvest refuses, as the command line does', async () => {
    const args = ['entries', 'get', '1', '--json'];
    const expected = await cli.run(args);
    expect(expected.status).toBe(1);

    const run = await launch(['/usr/bin/harvest-tray', ...args]);

    expect(run).toMatchObject({ status: 1, stdout: '', stderr: expected.stderr });
  });

  it('takes global flags before the command, and --help and --version, in development too (electron . …)', async () => {
    const flagsFirst = await launch(['/usr/bin/harvest-tray', '--json', 'users', 'me']);
    expect(flagsFirst.stdout).toBe((await cli.run(['--json', 'users', 'me'])).stdout);

    const version = await launch(['/repo/node_modules/electron/dist/electron', '/repo', '--version'], { defaultApp: true });
    expect(version).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });

    const help = await launch(['C:\\Program Files\\Harvest Tray\\Harvest Tray.exe', '--help']);
    expect(help.stdout).toBe((await cli.run(['--help'])).stdout);
    expectNothingOfTheTray();
  });

  it('does not reach a tray already running, and leaves the lock free for a tray started later', async () => {
    const run = await launch(['/usr/bin/harvest-tray', 'users', 'me', '--json'], {
      afterStart: () => (fake.app.otherInstanceHoldsLock = true),
    });
    expect(run.status).toBe(0);
    expect(fake.app.launchSecondInstance(['/usr/bin/harvest-tray', 'users', 'me', '--json'])).toBe(false);
    expect(fake.app.holdsLock).toBe(false);
  });

  it('ends quietly with status 1 when the reader of its output has gone (a closed pipe), as the command line does', async () => {
    const closedPipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' });
    const run = await launch(['/usr/bin/harvest-tray', 'entries', 'list', '--json'], { stdout: new Captured(closedPipe) });
    expect(run.status).toBe(1);
    expectNothingOfTheTray();
  });

  it('serves MCP on standard input and output until the client closes it', async () => {
    const stdin = new PassThrough();
    const stdout = new Captured();
    const running = launch(['/usr/bin/harvest-tray', 'mcp'], { stdin, stdout });
    const send = (message: object) => stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
    });
    await vi.waitFor(() => expect(stdout.text).toContain('"id":1'), { timeout: 15_000 });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'harvest_get_current_user', arguments: {} } });
    await vi.waitFor(() => expect(stdout.text).toContain('"id":2'), { timeout: 15_000 });
    expect(fake.app.exitCode).toBeNull();
    stdin.end();

    const run = await running;
    const reply = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: number; result?: { content: Array<{ text: string }> } })
      .find((message) => message.id === 2);
    const me = JSON.parse((await cli.run(['users', 'me', '--json'])).stdout) as { id: number };
    expect(JSON.parse(reply?.result?.content[0]?.text ?? '{}')).toMatchObject({ id: me.id });
    expect(run.status).toBe(0);
    expectNothingOfTheTray();
  });
});
