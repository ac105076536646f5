// The real command line, bundled and run as a child process against the Harvest simulator over
// HTTP: JSON output compared with what the simulator holds, exit statuses, errors on standard
// error, and the token in no output at all.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../simulator';
import { harvestRequester, type HarvestRequester } from '../simulator/testing/harvestRequest';
import { bundleCli, cliProcess, runNode, type CliProcess, type CliRun } from './testing/cliProcess';

type Json = Record<string, unknown>;

const BAD_TOKEN = 'pat-0000.refused-secret-value';
const outputs: string[] = [];
let built: Awaited<ReturnType<typeof bundleCli>>;
let sim: Simulator;
let cli: CliProcess;
let studio: HarvestRequester;
let labs: HarvestRequester;

beforeAll(async () => {
  built = await bundleCli();
}, 60_000);
afterAll(async () => {
  await built.remove();
  // The token is in no output of any run above, refused or not.
  for (const text of outputs) {
    for (const token of [SIMULATOR_TOKENS.multi, SIMULATOR_TOKENS.single, BAD_TOKEN]) expect(text).not.toContain(token);
  }
});

async function start(): Promise<void> {
  sim = await startSimulator();
  cli = await cliProcess(sim, built.bundle);
  studio = harvestRequester(sim);
  labs = harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp });
}
async function stop(): Promise<void> {
  await cli.close();
  await sim.close();
}

async function run(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const result = await cli.run(args, options);
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** A run that must succeed with --json: its standard output parsed, nothing on standard error. */
async function json<T = Json>(args: string[], options: { env?: Record<string, string> } = {}): Promise<T> {
  const result = await run([...args, '--json'], options);
  expect(result.stderr, `${args.join(' ')}: ${result.stderr}`).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** A run that must fail with --json: the status, and its one JSON object on standard error. */
async function failing(args: string[], status: 1 | 2, options: { env?: Record<string, string> } = {}): Promise<{ message: string; status?: number }> {
  const result = await run([...args, '--json'], options);
  expect(result.status, result.stderr).toBe(status);
  expect(result.stdout).toBe('');
  const parsed = JSON.parse(result.stderr) as { error: { message: string; status?: number } };
  expect(Object.keys(parsed)).toEqual(['error']);
  return parsed.error;
}

const today = () => toLocalDate(new Date());
const labsEnv = () => cli.env({ accountId: SIMULATOR_ACCOUNTS.timestamp });

async function simList(requester: HarvestRequester, path: string, key: string): Promise<Json[]> {
  const reply = await requester.get(path);
  expect(reply.status).toBe(200);
  return (reply.body as Record<string, Json[]>)[key] ?? [];
}
async function simEntry(id: unknown): Promise<Json | null> {
  const reply = await studio.get(`/time_entries/${String(id)}`);
  return reply.status === 404 ? null : (reply.body as Json);
}
async function myId(requester: HarvestRequester): Promise<number> {
  return ((await requester.get('/users/me')).body as { id: number }).id;
}

describe('reading', () => {
  beforeAll(start);
  afterAll(stop);

  it("entries list --json prints Harvest's own entries of the current user, every page", async () => {
    const me = await myId(studio);
    const from = addDays(today(), -6);
    const expected = await simList(studio, `/time_entries?user_id=${me}&from=${from}&to=${today()}`, 'time_entries');
    expect(expected.length).toBeGreaterThan(5);

    sim.knobs.setPageSize(2);
    const before = sim.knobs.requestCount();
    const printed = await json<Json[]>(['entries', 'list', '--from', from, '--to', today()]);
    sim.knobs.setPageSize(2000);
    expect(printed.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(printed[0]).toHaveProperty('user_assignment');
    expect(printed.every((entry) => (entry.user as Json).id === me)).toBe(true);
    // Every page was read (and "me" once, to know whose entries to list).
    expect(sim.knobs.requestCount() - before).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
  });

  it('entries list --page gives just that page, and the filters reach Harvest', async () => {
    const me = await myId(studio);
    const all = await simList(studio, `/time_entries?user_id=${me}`, 'time_entries');
    const page = await json<Json[]>(['entries', 'list', '--page', '2', '--per-page', '3']);
    expect(page.map((entry) => entry.id)).toEqual(all.slice(3, 6).map((entry) => entry.id));
    const running = await json<Json[]>(['entries', 'list', '--is-running', 'true']);
    expect(running.map((entry) => entry.is_running)).toEqual([true]);
  });

  it('entries get, users me and users get print one object as Harvest sends it', async () => {
    const [first] = await simList(studio, `/time_entries?user_id=${await myId(studio)}`, 'time_entries');
    expect(await json(['entries', 'get', String(first?.id)])).toEqual(first);
    expect(await json(['users', 'me'])).toEqual((await studio.get('/users/me')).body);
    const me = await myId(labs);
    expect(await json(['users', 'get', String(me)], { env: labsEnv() })).toEqual((await labs.get(`/users/${me}`)).body);
  });

  it('projects, tasks, clients and users lists print every item, in Harvest’s order', async () => {
    const env = labsEnv();
    expect(await json(['projects', 'list'], { env })).toEqual(await simList(labs, '/projects', 'projects'));
    expect(await json(['tasks', 'list', '--is-active', 'true'], { env })).toEqual(await simList(labs, '/tasks?is_active=true', 'tasks'));
    expect(await json(['clients', 'list'], { env })).toEqual(await simList(labs, '/clients', 'clients'));
    expect(await json(['users', 'list'], { env })).toEqual(await simList(labs, '/users', 'users'));
    const [project] = await simList(labs, '/projects', 'projects');
    expect(await json(['projects', 'get', String(project?.id)], { env })).toEqual(project);
    const client = (project?.client as Json).id;
    expect(await json(['projects', 'list', '--client-id', String(client)], { env })).toEqual(
      await simList(labs, `/projects?client_id=${String(client)}`, 'projects'),
    );
  });

  it('shows people aligned columns, hours in the account’s format and the running entry marked', async () => {
    const studioDay = await run(['entries', 'list', '--from', today(), '--to', today()]);
    expect(studioDay.status).toBe(0);
    const lines = studioDay.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+DATE\s+ID\s+HOURS\s+CLIENT\s+PROJECT\s+TASK\s+NOTES$/);
    const runningLine = lines.find((line) => line.startsWith('▶'));
    expect(runningLine).toContain('Logo refinements');
    // Northwind Studio shows h:mm; a row's hours sit under the HOURS heading.
    expect(lines.find((line) => line.includes('Daily stand-up'))).toMatch(/ 0:15 /);
    expect(lines.at(-1)).toMatch(/Total\s+\d+:\d\d$/);
    // Aligned: every row's date starts under the DATE heading.
    const dateColumn = lines[0]?.indexOf('DATE');
    for (const line of lines.slice(1, -1)) expect(line.indexOf(today())).toBe(dateColumn);

    const labsDay = await run(['entries', 'list', '--from', today(), '--to', today()], { env: labsEnv() });
    expect(labsDay.stdout).toMatch(/ 1\.50 /); // Northwind Labs shows decimal hours
  });

  it('a Member’s list of projects is Harvest’s refusal: status 1 with Harvest’s status', async () => {
    const error = await failing(['projects', 'list'], 1);
    expect(error.status).toBe(403);
  });
});

describe('writing', () => {
  beforeEach(start);
  afterEach(stop);

  it('entries create saves hours on another day, and update and delete change what Harvest holds', async () => {
    const [sample] = await simList(studio, `/time_entries?user_id=${await myId(studio)}`, 'time_entries');
    const yesterday = addDays(today(), -1);
    const created = await json([
      'entries', 'create',
      '--project-id', String((sample?.project as Json).id),
      '--task-id', String((sample?.task as Json).id),
      '--spent-date', yesterday,
      '--hours', '1:45',
      '--notes', 'From a script',
    ]);
    expect(await simEntry(created.id)).toEqual(created);
    expect(created).toMatchObject({ hours: 1.75, notes: 'From a script', spent_date: yesterday, is_running: false });

    const updated = await json(['entries', 'update', String(created.id), '--hours', '2.5', '--notes', 'Edited']);
    expect(await simEntry(created.id)).toMatchObject({ hours: 2.5, notes: 'Edited' });
    expect(updated).toMatchObject({ id: created.id, hours: 2.5 });

    expect(await json(['entries', 'delete', String(created.id)])).toEqual({ id: created.id, deleted: true });
    expect(await simEntry(created.id)).toBeNull();
  });

  it('entries create without hours today starts a timer, stopping the one that ran', async () => {
    const entries = await simList(studio, `/time_entries?user_id=${await myId(studio)}&from=${today()}`, 'time_entries');
    const running = entries.find((entry) => entry.is_running);
    const other = entries.find((entry) => !entry.is_running);
    const started = await json([
      'entries', 'create',
      '--project-id', String((other?.project as Json).id),
      '--task-id', String((other?.task as Json).id),
      '--spent-date', today(),
    ]);
    expect(started.is_running).toBe(true);
    expect((await simEntry(started.id))?.is_running).toBe(true);
    expect((await simEntry(running?.id))?.is_running).toBe(false);
  });

  it('entries create --timer-started-at runs a timer from then, the way each account records time', async () => {
    const midnight = new Date();
    midnight.setHours(0, 0, 1, 0);
    const startedAt = new Date(Math.max(Date.now() - 20 * 60_000, midnight.getTime()));
    const minutesAgo = (Date.now() - startedAt.getTime()) / 60_000;
    const entries = await simList(studio, `/time_entries?user_id=${await myId(studio)}&from=${today()}`, 'time_entries');
    const running = entries.find((entry) => entry.is_running);
    const other = entries.find((entry) => !entry.is_running);
    const flags = (entry: Json | undefined) => [
      '--project-id', String((entry?.project as Json).id),
      '--task-id', String((entry?.task as Json).id),
      '--spent-date', today(),
      '--timer-started-at', startedAt.toISOString(),
    ];

    // Durations: the time since then is on the entry, and it runs on from there.
    const started = await json(['entries', 'create', ...flags(other)]);
    expect(started.is_running).toBe(true);
    expect(started.hours_without_timer as number).toBeCloseTo(minutesAgo / 60, 1);
    expect((await simEntry(started.id))?.is_running).toBe(true);
    expect((await simEntry(running?.id))?.is_running).toBe(false);

    // Start and end times: the entry starts at that clock time.
    const labsEntry = (await simList(labs, `/time_entries?user_id=${await myId(labs)}`, 'time_entries'))[0];
    const timed = await json(['entries', 'create', ...flags(labsEntry)], { env: labsEnv() });
    expect(timed).toMatchObject({ is_running: true, started_time: `${startedAt.getHours()}:${String(startedAt.getMinutes()).padStart(2, '0')}` });
  });

  it('entries create refuses a timer that starts in the future, or hours and a start together', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const base = ['entries', 'create', '--project-id', '1', '--task-id', '2', '--spent-date', today()];
    expect((await failing([...base, '--timer-started-at', later], 2)).message).toContain('--timer-started-at');
    expect((await failing([...base, '--hours', '1', '--timer-started-at', new Date().toISOString()], 2)).message).toContain('not both');
    expect((await failing([...base, '--timer-started-at', 'yesterday'], 2)).message).toContain('--timer-started-at');
    expect(sim.knobs.requestCount()).toBe(0);
  });

  it('timer restart runs a stopped entry (stopping the other), and refuses a running one with Harvest’s words', async () => {
    const entries = await simList(studio, `/time_entries?user_id=${await myId(studio)}&from=${today()}`, 'time_entries');
    const running = entries.find((entry) => entry.is_running);
    const stopped = entries.find((entry) => !entry.is_running);
    const restarted = await json(['timer', 'restart', String(stopped?.id)]);
    expect(restarted).toMatchObject({ id: stopped?.id, is_running: true });
    expect((await simEntry(stopped?.id))?.is_running).toBe(true);
    expect((await simEntry(running?.id))?.is_running).toBe(false);

    const refused = await failing(['timer', 'restart', String(stopped?.id)], 1);
    expect(refused).toEqual({ message: 'This time entry is already running', status: 422 });
  });

  it('timer stop without an id stops the running one; with none running it says so', async () => {
    const running = (await simList(studio, `/time_entries?user_id=${await myId(studio)}&is_running=true`, 'time_entries'))[0];
    const stopped = await json(['timer', 'stop']);
    expect(stopped).toMatchObject({ id: running?.id, is_running: false });
    expect((await simEntry(running?.id))?.is_running).toBe(false);
    expect((await failing(['timer', 'stop'], 1)).message).toBe('No timer is running.');
  });

  it('timer quick-restart stops what runs, then resumes it', async () => {
    const running = (await simList(studio, `/time_entries?user_id=${await myId(studio)}&is_running=true`, 'time_entries'))[0];
    expect(await json(['timer', 'quick-restart'])).toMatchObject({ id: running?.id, is_running: false });
    expect(await json(['timer', 'quick-restart'])).toMatchObject({ id: running?.id, is_running: true });
    expect((await simEntry(running?.id))?.is_running).toBe(true);
  });

  it('a locked entry is refused before anything changes', async () => {
    const me = await myId(studio);
    const locked = (await simList(studio, `/time_entries?user_id=${me}`, 'time_entries')).find((entry) => entry.is_locked);
    const error = await failing(['entries', 'update', String(locked?.id), '--notes', 'x'], 1);
    expect(error.message).toContain('cannot be changed');
    expect((await simEntry(locked?.id))?.notes).toBe(locked?.notes);
  });
});

describe('usage errors: status 2, the flag named, nothing sent', () => {
  beforeAll(start);
  afterAll(stop);

  const cases: Array<[string[], string]> = [
    [['entries', 'get', 'abc'], 'ID'],
    [['entries', 'get', '0'], 'ID'],
    [['entries', 'list', '--from', '2026-13-01'], '--from'],
    [['entries', 'list', '--user-id', '12x'], '--user-id'],
    [['entries', 'list', '--is-billed', 'yes'], '--is-billed'],
    [['entries', 'list', '--per-page', '5000'], '--per-page'],
    [['entries', 'list', '--from', '2026-03-12', '--to', '2026-03-11'], '--from'],
    [['entries', 'create', '--project-id', '1', '--task-id', '2', '--spent-date', '2026-03-11', '--hours', '25'], '--hours'],
    [['entries', 'create', '--project-id', '1', '--task-id', '2', '--spent-date', '2026-03-11', '--hours', 'soon'], '--hours'],
    [['entries', 'create', '--project-id', '1', '--task-id', '2', '--spent-date', '2020-01-01'], '--hours'],
    [['entries', 'create', '--project-id', '1', '--spent-date', '2026-03-11'], '--task-id'],
    [['entries', 'update', '5'], 'Nothing to change'],
    [['projects', 'list', '--is-active', 'maybe'], '--is-active'],
    [['entries', 'list', '--colour', 'blue'], '--colour'],
    [['entries', 'list', '--account', 'Not A Name'], '--account'],
    [['entries', 'list', '--account', 'nobody'], 'nobody'],
  ];

  it.each(cases)('%j names %s', async (args, named) => {
    const before = sim.knobs.requestCount();
    const error = await failing(args, 2);
    expect(error.message).toContain(named);
    expect(error).not.toHaveProperty('status');
    expect(sim.knobs.requestCount()).toBe(before);
  });

  it('without --json the error is one line for a person, and --help answers 0', async () => {
    const result = await run(['entries', 'get', 'abc']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^harvest-tray: .*ID.*\n$/);
    const help = await run(['entries', 'create', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--timer-started-at <ISO>');
  });

  it('with no credentials at all, says how to give them', async () => {
    const error = await failing(['entries', 'list'], 2, { env: cli.env(null) });
    expect(error.message).toContain('HARVEST_ACCESS_TOKEN');
  });
});

describe('when Harvest refuses or cannot be reached', () => {
  beforeAll(start);
  afterAll(stop);

  it('a refused token: status 1, Harvest’s status, and the token nowhere', async () => {
    const env = cli.env({ token: BAD_TOKEN });
    const error = await failing(['entries', 'list'], 1, { env });
    expect(error.status).toBe(401);
    const human = await run(['users', 'me'], { env });
    expect(human.status).toBe(1);
    expect(human.stderr).toContain('did not accept');
  });

  it('no connection: status 1 and words a person understands', async () => {
    sim.knobs.setOffline(true);
    try {
      const error = await failing(['users', 'me'], 1);
      expect(error.message).toContain('cannot reach Harvest');
      expect(error).not.toHaveProperty('status');
    } finally {
      sim.knobs.setOffline(false);
    }
  });
});

describe('named accounts', () => {
  beforeEach(start);
  afterEach(stop);

  it('without a keyring, refuses unless --allow-plaintext, before reading the token or asking Harvest', async () => {
    const error = await failing(['accounts', 'add', 'work', '--account-id', String(SIMULATOR_ACCOUNTS.duration)], 2, { env: cli.env(null) });
    expect(error.message).toMatch(/^Not saved: .*keyring.*unencrypted/);
    expect(error.message).toContain('--allow-plaintext');
    expect(sim.knobs.requestCount()).toBe(0);
  });

  it('adds from standard input, checks with Harvest, and then acts as the account by name', async () => {
    const env = cli.env(null);
    const add = (name: string, accountId: number, token: string = SIMULATOR_TOKENS.multi) =>
      run(['accounts', 'add', name, '--account-id', String(accountId), '--allow-plaintext', '--json'], { env, input: `${token}\n` });

    const refused = await add('work', SIMULATOR_ACCOUNTS.duration, BAD_TOKEN);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { status: 401 } });

    expect((await add('work', SIMULATOR_ACCOUNTS.duration)).status).toBe(0);
    expect((await add('labs', SIMULATOR_ACCOUNTS.timestamp)).status).toBe(0);
    const listed = await json<Json[]>(['accounts', 'list'], { env });
    expect(listed).toEqual([
      expect.objectContaining({ name: 'work', account_id: SIMULATOR_ACCOUNTS.duration, account_name: 'Northwind Studio', default: true, token_store: 'plaintext-file' }),
      expect.objectContaining({ name: 'labs', account_id: SIMULATOR_ACCOUNTS.timestamp, default: false }),
    ]);

    // No --account: the default one; --account: that one, also over environment credentials.
    expect(await json(['users', 'me'], { env })).toEqual((await studio.get('/users/me')).body);
    expect(await json(['users', 'me', '--account', 'labs'], { env: cli.env() })).toEqual((await labs.get('/users/me')).body);
    const me = await myId(labs);
    expect(await json(['timer', 'restart', String((await simList(labs, `/time_entries?user_id=${me}&is_running=false`, 'time_entries'))[0]?.id), '--account', 'labs'], { env })).toMatchObject({ is_running: true });

    expect(await json(['accounts', 'remove', 'work'], { env })).toEqual({ name: 'work', removed: true });
    expect((await json<Json[]>(['accounts', 'list'], { env })).map((account) => account.name)).toEqual(['labs']);
    expect((await failing(['users', 'me', '--account', 'work'], 2, { env })).message).toContain('Known: labs');
  });

  it('refuses an empty standard input without asking Harvest', async () => {
    const result = await run(['accounts', 'add', 'work', '--account-id', '100001', '--allow-plaintext'], { env: cli.env(null), input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No token on standard input');
    expect(sim.knobs.requestCount()).toBe(0);
  });
});

describe('the launcher', () => {
  it('npm run cli and the bin run the same program', async () => {
    const result = await runNode(['scripts/cli.mjs', '--version'], { PATH: process.env.PATH ?? '' });
    outputs.push(result.stdout, result.stderr);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);

  it('runs the bundle it made before as it is, without bundling again', async () => {
    const env = { PATH: process.env.PATH ?? '' };
    await runNode(['scripts/cli.mjs', '--version'], env);
    const again = await runNode(['scripts/cli.mjs', '--version'], env);
    outputs.push(again.stdout, again.stderr);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
  }, 60_000);
});
