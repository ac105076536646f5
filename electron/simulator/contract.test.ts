// Keeps the simulator from drifting from Harvest: its replies are validated against the component
// schemas of Harvest's OpenAPI description (a copy in ../core/harvest/generated), and every field those
// schemas document must be present.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SIMULATOR_ACCOUNTS, startSimulator, type Simulator } from './index';
import { harvestRequester, type HarvestRequester } from './testing/harvestRequest';

type JsonSchema = { [key: string]: unknown };

const specPath = fileURLToPath(new URL('../core/harvest/generated/harvest-openapi.yaml', import.meta.url));
const spec = parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, JsonSchema> } };

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: turn it into a type list (or, next to
 * allOf/$ref where there is no type, an anyOf with null), recursively.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as JsonSchema;
  const converted: JsonSchema = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
}

const SPEC_ID = 'harvest-openapi.json';
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// ajv-formats' "url" refuses loopback and private addresses, where the simulator lives; what the
// schema means is an absolute http(s) URL, which is what Harvest's links are.
ajv.addFormat('url', (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
});
ajv.addSchema({ $id: SPEC_ID, components: { schemas: toJsonSchema(spec.components.schemas) } });

function validatorFor(schemaName: string): ValidateFunction {
  return ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
}

function expectValid(schemaName: string, value: unknown): void {
  const validate = validatorFor(schemaName);
  const valid = validate(value);
  expect(valid, `${schemaName}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** Documented properties the reply leaves out. */
function missingFields(schemaName: string, value: unknown): string[] {
  const properties = (spec.components.schemas[schemaName]?.properties ?? {}) as Record<string, unknown>;
  return Object.keys(properties).filter((key) => !(key in (value as Record<string, unknown>)));
}

let sim: Simulator;
let studio: HarvestRequester;
let labs: HarvestRequester;
beforeAll(async () => {
  sim = await startSimulator();
  studio = harvestRequester(sim);
  labs = harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp });
});
afterAll(() => sim.close());

async function body(requester: HarvestRequester, path: string): Promise<Record<string, unknown>> {
  const reply = await requester.get(path);
  expect(reply.status, path).toBe(200);
  return reply.body as Record<string, unknown>;
}

describe('the simulator against Harvest’s OpenAPI schemas', () => {
  it('rejects a reply that breaks the schema (the check itself works)', () => {
    expect(validatorFor('TimeEntry')({ id: 'not a number', hours: '1' })).toBe(false);
    expect(validatorFor('TimeEntry')({ id: 1, notes: null, timer_started_at: null })).toBe(true);
  });

  it('time entries: the list envelope and every entry, in both tracking modes', async () => {
    for (const requester of [studio, labs]) {
      const list = await body(requester, '/time_entries?per_page=5');
      expectValid('TimeEntries', list);
      for (const entry of list.time_entries as unknown[]) {
        expectValid('TimeEntry', entry);
        expect(missingFields('TimeEntry', entry)).toEqual([]);
      }
    }
  });

  it('project assignments, whose nested task assignments lack only the project key', async () => {
    const list = await body(studio, '/users/me/project_assignments');
    expectValid('ProjectAssignments', list);
    for (const assignment of list.project_assignments as Record<string, unknown>[]) {
      expectValid('ProjectAssignment', assignment);
      expect(missingFields('ProjectAssignment', assignment)).toEqual([]);
      for (const taskAssignment of assignment.task_assignments as unknown[]) {
        expectValid('TaskAssignment', taskAssignment);
        expect(missingFields('TaskAssignment', taskAssignment)).toEqual(['project']);
      }
    }
  });

  it('the current user and the company of both accounts', async () => {
    for (const requester of [studio, labs]) {
      const me = await body(requester, '/users/me');
      expectValid('User', me);
      expect(missingFields('User', me)).toEqual([]);
      const company = await body(requester, '/company');
      expectValid('Company', company);
      expect(missingFields('Company', company)).toEqual([]);
    }
  });

  it('projects, clients, tasks and users: lists (first page) and single records', async () => {
    const collections: [string, string, string][] = [
      ['/projects', 'Projects', 'Project'],
      ['/clients', 'Clients', 'Client'],
      ['/tasks', 'Tasks', 'Task'],
      ['/users', 'Users', 'User'],
    ];
    for (const [path, listSchema, itemSchema] of collections) {
      // Only the first page: the spec wrongly makes `page` a non-null integer, and cursor-paged
      // middle pages carry null there, as Harvest's do.
      const list = await body(labs, path);
      expectValid(listSchema, list);
      const key = path.slice(1);
      const first = (list[key] as { id: number }[])[0];
      expectValid(itemSchema, first);
      expect(missingFields(itemSchema, first)).toEqual([]);
      expectValid(itemSchema, await body(labs, `${path}/${first?.id}`));
    }
  });

  it('replies created by writes: a new entry, a restarted one and a stopped one', async () => {
    const assignments = (await body(labs, '/users/me/project_assignments')).project_assignments as {
      project: { id: number };
      task_assignments: { is_active: boolean; task: { id: number } }[];
    }[];
    const target = assignments[0];
    const task = target?.task_assignments.find((t) => t.is_active);
    const created = await labs.post('/time_entries', { project_id: target?.project.id, task_id: task?.task.id, spent_date: '2026-03-02', started_time: '9:00', ended_time: '10:30' });
    expectValid('TimeEntry', created.body);
    const id = (created.body as { id: number }).id;
    const restarted = await labs.patch(`/time_entries/${id}/restart`);
    expectValid('TimeEntry', restarted.body);
    const stopped = await labs.patch(`/time_entries/${(restarted.body as { id: number }).id}/stop`);
    expectValid('TimeEntry', stopped.body);
  });
});
