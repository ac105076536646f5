// `harvest-tray mcp` driven by the MCP SDK's own client over stdio, as an agent's host runs it:
// the bundled command line as a child process, against the Harvest simulator over HTTP.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { harvestRequester, type HarvestRequester } from '../../simulator/testing/harvestRequest';
import { seedOperations } from '../operations/catalog';
import { bundleCli, cliProcess, type CliProcess } from '../testing/cliProcess';

type Json = Record<string, unknown>;

const TOOL_NAMES = [
  'harvest_list_time_entries',
  'harvest_get_time_entry',
  'harvest_create_time_entry',
  'harvest_update_time_entry',
  'harvest_delete_time_entry',
  'harvest_restart_timer',
  'harvest_stop_timer',
  'harvest_list_projects',
  'harvest_get_project',
  'harvest_list_tasks',
  'harvest_list_clients',
  'harvest_list_users',
  'harvest_get_user',
  'harvest_get_current_user',
];

let built: Awaited<ReturnType<typeof bundleCli>>;
let sim: Simulator;
let cli: CliProcess;
let client: Client;
let studio: HarvestRequester;
let labs: HarvestRequester;
let serverErrors = '';
const texts: string[] = [];
const today = () => toLocalDate(new Date());

beforeAll(async () => {
  built = await bundleCli();
  sim = await startSimulator();
  cli = await cliProcess(sim, built.bundle);
  studio = harvestRequester(sim);
  labs = harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp });
  // A named account for the administrator's lists; calls without `account` use the environment's.
  const added = await cli.run(['accounts', 'add', 'labs', '--account-id', String(SIMULATOR_ACCOUNTS.timestamp), '--allow-plaintext'], {
    input: SIMULATOR_TOKENS.multi,
  });
  expect(added.status, added.stderr).toBe(0);

  const transport = new StdioClientTransport({ command: process.execPath, args: [built.bundle, 'mcp'], env: cli.env(), stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));
  client = new Client({ name: 'harvest-tray-tests', version: '1.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client.close();
  await cli.close();
  await sim.close();
  await built.remove();
  for (const text of [...texts, serverErrors]) expect(text).not.toContain(SIMULATOR_TOKENS.multi);
});

async function call(name: string, args: Json = {}): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  for (const item of result.content) if (item.type === 'text') texts.push(item.text);
  return result;
}

/** A result's first content item holds the same JSON as the command line's --json. */
async function jsonOf<T = Json>(name: string, args: Json = {}): Promise<T> {
  const result = await call(name, args);
  const [first] = result.content;
  if (first?.type !== 'text') throw new Error(`${name} answered no text`);
  expect(result.isError ?? false, first.text).toBe(false);
  return JSON.parse(first.text) as T;
}

async function refusal(name: string, args: Json): Promise<string> {
  const result = await call(name, args);
  expect(result.isError).toBe(true);
  const [first] = result.content;
  return first?.type === 'text' ? first.text : '';
}

async function simList(requester: HarvestRequester, path: string, key: string): Promise<Json[]> {
  return ((await requester.get(path)).body as Record<string, Json[]>)[key] ?? [];
}
async function simEntry(id: unknown): Promise<Json | null> {
  const reply = await studio.get(`/time_entries/${String(id)}`);
  return reply.status === 404 ? null : (reply.body as Json);
}
const myId = async (requester: HarvestRequester) => ((await requester.get('/users/me')).body as { id: number }).id;

describe('harvest-tray mcp', () => {
  it('lists the fourteen tools with the seeds’ names and descriptions, each taking an optional account', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      const operation = seedOperations.find((candidate) => candidate.name === tool.name);
      expect(tool.description).toBe(operation?.description);
      expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual([...Object.keys(operation?.params ?? {}), 'account']);
      expect(tool.inputSchema.required ?? []).not.toContain('account');
    }
    const create = tools.find((tool) => tool.name === 'harvest_create_time_entry');
    expect(create?.inputSchema.required).toEqual(['project_id', 'task_id', 'spent_date']);
    expect(create?.inputSchema.properties?.hours).toMatchObject({ type: 'number', description: 'Number of hours logged (e.g. 1.5).' });
  });

  it('reads: the current user, time entries, one entry', async () => {
    expect(await jsonOf('harvest_get_current_user')).toEqual((await studio.get('/users/me')).body);
    const expected = await simList(studio, `/time_entries?user_id=${await myId(studio)}&from=${today()}&to=${today()}`, 'time_entries');
    const listed = await jsonOf<Json[]>('harvest_list_time_entries', { from: today(), to: today() });
    expect(listed.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(await jsonOf('harvest_get_time_entry', { id: expected[0]?.id })).toEqual(await simEntry(expected[0]?.id));
  });

  it('writes: create, update and delete change what Harvest holds', async () => {
    const [sample] = await simList(studio, `/time_entries?user_id=${await myId(studio)}`, 'time_entries');
    const created = await jsonOf('harvest_create_time_entry', {
      project_id: (sample?.project as Json).id,
      task_id: (sample?.task as Json).id,
      spent_date: addDays(today(), -1),
      hours: 1.5,
      notes: 'Logged by an agent',
    });
    expect(await simEntry(created.id)).toEqual(created);
    await jsonOf('harvest_update_time_entry', { id: created.id, notes: 'Corrected by an agent' });
    expect((await simEntry(created.id))?.notes).toBe('Corrected by an agent');
    expect(await jsonOf('harvest_delete_time_entry', { id: created.id })).toEqual({ id: created.id, deleted: true });
    expect(await simEntry(created.id)).toBeNull();
  });

  it('restart of a stopped entry makes it run; restart of a running one is refused with Harvest’s message', async () => {
    const entries = await simList(studio, `/time_entries?user_id=${await myId(studio)}&from=${today()}`, 'time_entries');
    const running = entries.find((entry) => entry.is_running);
    const stopped = entries.find((entry) => !entry.is_running && !entry.is_locked);
    // The restart seed gives the id as a string; the other tools as an integer.
    const restarted = await jsonOf('harvest_restart_timer', { id: String(stopped?.id) });
    expect(restarted).toMatchObject({ id: stopped?.id, is_running: true });
    expect((await simEntry(stopped?.id))?.is_running).toBe(true);
    expect((await simEntry(running?.id))?.is_running).toBe(false);

    expect(await refusal('harvest_restart_timer', { id: stopped?.id })).toBe('This time entry is already running');
    expect((await simEntry(stopped?.id))?.is_running).toBe(true);

    const halted = await jsonOf('harvest_stop_timer');
    expect(halted).toMatchObject({ id: stopped?.id, is_running: false });
    expect((await simEntry(stopped?.id))?.is_running).toBe(false);
  });

  it('the administrator’s lists through a named account; a Member is refused in Harvest’s words', async () => {
    const account = 'labs';
    const projects = await simList(labs, '/projects', 'projects');
    expect(await jsonOf('harvest_list_projects', { account })).toEqual(projects);
    expect(await jsonOf('harvest_get_project', { account, id: projects[0]?.id })).toEqual(projects[0]);
    expect(await jsonOf('harvest_list_tasks', { account, is_active: true })).toEqual(await simList(labs, '/tasks?is_active=true', 'tasks'));
    expect(await jsonOf('harvest_list_clients', { account })).toEqual(await simList(labs, '/clients', 'clients'));
    const users = await simList(labs, '/users', 'users');
    expect(await jsonOf('harvest_list_users', { account, page: 1, per_page: 1 })).toEqual(users.slice(0, 1));
    expect(await jsonOf('harvest_get_user', { account, id: users[0]?.id })).toEqual(users[0]);

    expect(await refusal('harvest_list_projects', {})).toContain('Your Harvest role cannot see this');
    expect(await refusal('harvest_list_projects', { account: 'nobody' })).toContain('No account named "nobody"');
  });

  it('an entry made while Harvest cannot be reached is kept, said so, and sent by the server itself, once', async () => {
    const [sample] = await simList(studio, `/time_entries?user_id=${await myId(studio)}`, 'time_entries');
    sim.knobs.setOffline(true);
    let text: string;
    try {
      text = await refusal('harvest_create_time_entry', {
        project_id: (sample?.project as Json).id,
        task_id: (sample?.task as Json).id,
        spent_date: today(),
        hours: 0.75,
        notes: 'Logged by an agent on a train',
      });
    } finally {
      sim.knobs.setOffline(false);
    }
    // The connection went down with the create on its way: Harvest may have it, so it is
    // checked after the landing wait (20 s) before it is sent again.
    expect(text).toContain('The change is kept on this computer');
    expect(text).toContain('do not make it again');
    const landed = async () =>
      (await simList(studio, `/time_entries?user_id=${await myId(studio)}`, 'time_entries')).filter(
        (entry) => entry.notes === 'Logged by an agent on a train',
      );
    const end = Date.now() + 40_000;
    while ((await landed()).length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await landed()).map((entry) => entry.hours)).toEqual([0.75]);
  }, 60_000);

  it('refuses what the command line refuses, before anything is sent', async () => {
    const before = sim.knobs.requestCount();
    expect(await refusal('harvest_create_time_entry', { project_id: 1, task_id: 2, spent_date: '2020-01-01' })).toMatch(/^hours: /);
    expect(await refusal('harvest_create_time_entry', { project_id: 1, task_id: 2, spent_date: today(), hours: 30 })).toContain('hours');
    expect(await refusal('harvest_get_time_entry', { id: 'twelve' })).toContain('id');
    expect(sim.knobs.requestCount()).toBe(before);
  });
});
