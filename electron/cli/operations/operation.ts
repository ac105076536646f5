// One seed operation, defined once for both doors: the command line builds its flags from the
// parameters, the MCP server its tool (name, description, input schema) from the same object.
import * as z from 'zod';
import type { LocalDate, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import type { AccountServices } from '../../core/app/accountServices';
import type { WireTimeEntry } from '../../core/harvest/wire';
import type { Writes } from '../../core/queue/keepingWrites';
import type { PendingQueue } from '../../core/queue/pendingQueue';
import { fieldKinds, type FieldKindName } from './fields';

export interface ParamSpec {
  kind: FieldKindName;
  /** The seed's description of the parameter. */
  description: string;
  required?: boolean;
  /** On the command line, the argument after the command (`entries get ID`) rather than a flag. */
  positional?: boolean;
}

type ParamSpecs = Record<string, ParamSpec>;
type ValueOf<P extends ParamSpec> = z.output<(typeof fieldKinds)[P['kind']]['schema']>;
export type ParamsOf<S extends ParamSpecs> = {
  [K in keyof S]: S[K]['required'] extends true ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

/** How the command line shows a result to a person (with --json it prints the result itself). */
export type ResultShape =
  | 'entry'
  | 'entries'
  | 'project'
  | 'projects'
  | 'tasks'
  | 'clients'
  | 'user'
  | 'users'
  | 'deleted';

/** What an operation runs with: one account's core services, its writes, and the clock. */
export interface AccountSession {
  services: AccountServices;
  /** The account's writes: sent to Harvest, or kept in its pending-changes queue when it cannot take them now. */
  writes: Writes;
  queue: PendingQueue;
  /**
   * Harvest's JSON of the entry a write answered with; throws KeptChange when the change to it
   * was kept instead (see answeringWrites.ts).
   */
  answered(entry: TimeEntry): Promise<WireTimeEntry>;
  /** Throws KeptChange when a change to this entry waits in the queue (a kept delete). */
  sent(entryId: number): void;
  now(): Date;
  today(): LocalDate;
  /** Lets the queue finish the change on its way; the rest stays on disk. */
  close(): Promise<void>;
}

export interface OperationDefinition<S extends ParamSpecs> {
  /** The seed's name, which is also the MCP tool's. */
  name: string;
  description: string;
  params: S;
  shows: ResultShape;
  /**
   * Rules across parameters, checked before any request (a timer only today, something to
   * change...): throws an AppFailure of kind 'validation' naming the parameter.
   */
  check?(params: ParamsOf<S>, today: LocalDate, now: Date): void;
  /** Harvest's own JSON of the result. */
  run(session: AccountSession, params: ParamsOf<S>): Promise<unknown>;
}

/** An operation as both doors use it: whatever they pass in is parsed by `schema` first. */
export interface Operation {
  name: string;
  description: string;
  params: ParamSpecs;
  shows: ResultShape;
  /** The parameters as one zod object: the MCP tool's input schema, the final check of flags. */
  schema: z.ZodObject<Record<string, z.ZodType>>;
  /** Parses the parameters and checks the rules across them; nothing is sent. */
  check(input: unknown, today: LocalDate, now: Date): void;
  run(session: AccountSession, input: unknown): Promise<unknown>;
}

export function defineOperation<const S extends ParamSpecs>(definition: OperationDefinition<S>): Operation {
  const schema = paramsSchema(definition.params);
  // The schema is built field by field from S, so its output is ParamsOf<S>; zod cannot infer
  // that through the loop, hence the one cast, right after the parse that makes it true.
  const parse = (input: unknown): ParamsOf<S> => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data as ParamsOf<S>;
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.');
    throw new AppFailure({ kind: 'validation', message: issue?.message ?? 'Not valid.', ...(field ? { field } : {}) });
  };
  return {
    name: definition.name,
    description: definition.description,
    params: definition.params,
    shows: definition.shows,
    schema,
    check: (input, today, now) => definition.check?.(parse(input), today, now),
    run: (session, input) => definition.run(session, parse(input)),
  };
}

function paramsSchema(params: ParamSpecs): z.ZodObject<Record<string, z.ZodType>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(params)) {
    const schema = fieldKinds[spec.kind].schema.describe(spec.description);
    shape[name] = spec.required ? schema : schema.optional();
  }
  return z.object(shape).strict();
}
