// Harvest's wire shapes, narrowed by zod at the edge. The OpenAPI file marks every property
// optional and nullable (generated/harvest-openapi.yaml), which would push null checks into every caller;
// these schemas say what Harvest really sends, and the checks at the bottom make the compiler
// prove each one still fits the type generated from the OpenAPI file.
import * as z from 'zod';
import { dateFormatSchema, idSchema, localDateSchema, timeFormatSchema, weekStartDaySchema } from '../../../shared/domain';
import type { components } from './generated/harvest-api';

// Ids are int64 in Harvest (time entries are documented as bigint); safe integers cover them.
const namedRefSchema = z.object({ id: idSchema, name: z.string() });
// An ISO-8601 UTC instant such as 2026-11-21T08:00:00Z.
const instantSchema = z.string().min(1);

export const wireTimeEntrySchema = z.object({
  id: idSchema,
  spent_date: localDateSchema,
  user: namedRefSchema,
  client: namedRefSchema,
  // Harvest's docs show the project code here although the OpenAPI file leaves it out.
  project: namedRefSchema.extend({ code: z.string().nullish() }),
  task: namedRefSchema,
  hours: z.number(),
  hours_without_timer: z.number(),
  rounded_hours: z.number(),
  notes: z.string().nullable(),
  is_locked: z.boolean(),
  locked_reason: z.string().nullable(),
  is_closed: z.boolean(),
  is_billed: z.boolean(),
  invoice: z.object({ id: idSchema, number: z.string() }).nullable(),
  // Null on most entries; the app's own creates carry the id of the change that made them.
  external_reference: z.object({ id: z.string().nullish() }).nullish(),
  timer_started_at: instantSchema.nullable(),
  started_time: z.string().nullable(),
  ended_time: z.string().nullable(),
  is_running: z.boolean(),
  billable: z.boolean(),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireTimeEntry = z.output<typeof wireTimeEntrySchema>;

export const wireUserSchema = z.object({
  id: idSchema,
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  // Rails-style names such as "Mountain Time (US & Canada)", not IANA names.
  timezone: z.string(),
  is_active: z.boolean(),
  /** Seconds per week. */
  weekly_capacity: z.number().int().nonnegative(),
  access_roles: z.array(z.string()),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireUser = z.output<typeof wireUserSchema>;

export const wireCompanySchema = z.object({
  base_uri: z.string(),
  full_domain: z.string(),
  name: z.string(),
  is_active: z.boolean(),
  week_start_day: weekStartDaySchema,
  /** true: entries are written with start/end times; false: with durations. */
  wants_timestamp_timers: z.boolean(),
  time_format: timeFormatSchema,
  clock: z.enum(['12h', '24h']),
  /** One of six strftime shapes; anything else (or none) reads as Harvest's default. */
  date_format: dateFormatSchema.nullish().catch(null),
  /** Seconds per week. */
  weekly_capacity: z.number().int().nonnegative(),
});
export type WireCompany = z.output<typeof wireCompanySchema>;

// Nested in a project assignment: unlike the OpenAPI file's TaskAssignment, there is no `project`.
export const wireNestedTaskAssignmentSchema = z.object({
  id: idSchema,
  billable: z.boolean(),
  is_active: z.boolean(),
  task: namedRefSchema,
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireNestedTaskAssignment = z.output<typeof wireNestedTaskAssignmentSchema>;

export const wireProjectAssignmentSchema = z.object({
  id: idSchema,
  is_active: z.boolean(),
  is_project_manager: z.boolean(),
  project: namedRefSchema.extend({ code: z.string().nullable() }),
  client: namedRefSchema,
  task_assignments: z.array(wireNestedTaskAssignmentSchema),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireProjectAssignment = z.output<typeof wireProjectAssignmentSchema>;

export const wireProjectSchema = z.object({
  id: idSchema,
  name: z.string(),
  code: z.string().nullable(),
  client: namedRefSchema,
  is_active: z.boolean(),
  is_billable: z.boolean(),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireProject = z.output<typeof wireProjectSchema>;

export const wireClientSchema = z.object({
  id: idSchema,
  name: z.string(),
  is_active: z.boolean(),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireClient = z.output<typeof wireClientSchema>;

export const wireTaskSchema = z.object({
  id: idSchema,
  name: z.string(),
  billable_by_default: z.boolean(),
  is_active: z.boolean(),
  created_at: instantSchema,
  updated_at: instantSchema,
});
export type WireTask = z.output<typeof wireTaskSchema>;

// The identity host's GET /api/v2/accounts, which the OpenAPI file does not describe.
export const wireAccountSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** "harvest" or "forecast" today; only Harvest accounts are of use here. */
  product: z.string(),
});
export type WireAccount = z.output<typeof wireAccountSchema>;

export const wireAccountsReplySchema = z.object({
  user: z.object({ id: idSchema, first_name: z.string(), last_name: z.string(), email: z.string() }),
  accounts: z.array(wireAccountSchema),
});
export type WireAccountsReply = z.output<typeof wireAccountsReplySchema>;

// ---- Compile-time proof that each schema fits the OpenAPI file ----
// A schema conforms when its output is assignable to the generated type (same field types) and
// names no top-level field the OpenAPI file lacks (a misspelt field would otherwise slip through,
// since every generated field is optional).
type Schemas = components['schemas'];
type ConformsTo<Wire extends OpenApi, OpenApi> = [Exclude<keyof Wire, keyof OpenApi>] extends [never]
  ? true
  : { notInOpenApi: Exclude<keyof Wire, keyof OpenApi> };
type Proven<Check extends true> = Check;

export type WireConformsToOpenApi = [
  Proven<ConformsTo<WireTimeEntry, Schemas['TimeEntry']>>,
  Proven<ConformsTo<WireUser, Schemas['User']>>,
  Proven<ConformsTo<WireCompany, Schemas['Company']>>,
  Proven<ConformsTo<WireProjectAssignment, Schemas['ProjectAssignment']>>,
  Proven<ConformsTo<WireNestedTaskAssignment, Schemas['TaskAssignment']>>,
  Proven<ConformsTo<WireProject, Schemas['Project']>>,
  Proven<ConformsTo<WireClient, Schemas['Client']>>,
  Proven<ConformsTo<WireTask, Schemas['Task']>>,
];
