// The Harvest API v2 client: each operation is a URL, a body and a schema handed to http.ts.
import * as z from 'zod';
import type {
  CreateTimeEntry,
  HarvestClient,
  HarvestClientConfig,
  ListFilter,
  Paging,
  RequestOptions,
  TimeEntryFilter,
  UpdateTimeEntry,
} from './HarvestClient';
import { createHttp, type HarvestRequest, type RequestSafety } from './http';
import { collectAllPages, pageSchema } from './paginate';
import { SlidingWindowLimiter, OWN_SIDE_RATE_LIMIT, realSleep, sharedLimiterForToken } from './rateLimiter';
import { defaultRetryPolicy } from './retry';
import {
  wireAccountsReplySchema,
  wireClientSchema,
  wireCompanySchema,
  wireProjectAssignmentSchema,
  wireProjectSchema,
  wireTaskSchema,
  wireTimeEntrySchema,
  wireUserSchema,
  type WireAccount,
  type WireAccountsReply,
} from './wire';

const DEFAULT_TIMEOUT_MS = 15_000;
// Harvest's maximum and default; fewer pages means fewer requests against the rate limit.
const DEFAULT_PER_PAGE = 2000;

type Query = Record<string, string | number | boolean | undefined>;

export function createHarvestClient(config: HarvestClientConfig): HarvestClient {
  const now = config.now ?? Date.now;
  const sleep = config.sleep ?? realSleep;
  const injectedClock = config.now !== undefined || config.sleep !== undefined;
  const send = createHttp({
    token: config.accessToken,
    accountId: config.accountId,
    fetch: config.fetch ?? globalThis.fetch,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Harvest counts per token, so clients for the same token share one limiter; a test that
    // brings its own clock gets a limiter of its own on that clock.
    limiter:
      config.rateLimiter ??
      (injectedClock
        ? new SlidingWindowLimiter({ ...(config.rateLimit ?? OWN_SIDE_RATE_LIMIT), now, sleep })
        : sharedLimiterForToken(config.accessToken)),
    retry: { ...defaultRetryPolicy, ...config.retry },
    now,
    sleep,
    random: config.random ?? Math.random,
  });
  const perPage = config.perPage ?? DEFAULT_PER_PAGE;

  function apiUrl(path: string, query: Query = {}): URL {
    const url = new URL(`${config.apiUrl.replace(/\/+$/, '')}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  function call<Reply>(
    method: HarvestRequest<Reply>['method'],
    url: URL,
    schema: z.ZodType<Reply> | null,
    what: string,
    options: RequestOptions | undefined,
    extra: { body?: Record<string, unknown>; safety?: RequestSafety } = {},
  ): Promise<Reply> {
    return send({
      method,
      url,
      schema,
      what,
      safety: extra.safety ?? 'repeatable',
      withAccountHeader: true,
      ...(extra.body === undefined ? {} : { body: extra.body }),
      ...(options?.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  /** Every page (following links.next), or only the page asked for. */
  async function listAll<Key extends string, Item extends z.ZodType>(
    path: string,
    key: Key,
    item: Item,
    query: Query,
    what: string,
    options: RequestOptions | undefined,
    paging: Paging = {},
  ): Promise<z.output<Item>[]> {
    const schema = pageSchema(key, item);
    const readPage = async (url: URL) => {
      const page = (await call('GET', url, schema, what, options)) as Record<Key, z.output<Item>[]> & {
        links: { next?: string | null };
      };
      return { items: page[key], next: page.links.next ?? null };
    };
    const firstUrl = apiUrl(path, { ...query, page: paging.page, per_page: paging.perPage ?? perPage });
    if (paging.page !== undefined) return (await readPage(firstUrl)).items;
    return collectAllPages(firstUrl, readPage);
  }

  function getIdentity(options: RequestOptions | undefined): Promise<WireAccountsReply> {
    return send({
      method: 'GET',
      url: new URL(`${config.idUrl.replace(/\/+$/, '')}/api/v2/accounts`),
      schema: wireAccountsReplySchema,
      what: 'the list of accounts',
      safety: 'repeatable',
      withAccountHeader: false,
      ...(options?.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  const timeEntryPath = (id: number, action = ''): string => `/time_entries/${encodeId(id)}${action}`;

  return {
    async listAccounts(options) {
      const reply = await getIdentity(options);
      // The same token reaches Forecast accounts too; they take no time entries.
      return reply.accounts.filter((account: WireAccount) => account.product === 'harvest');
    },
    getIdentity,

    getMe: (options) => call('GET', apiUrl('/users/me'), wireUserSchema, 'your Harvest profile', options),
    getCompany: (options) => call('GET', apiUrl('/company'), wireCompanySchema, "the account's settings", options),
    listMyProjectAssignments: (options) =>
      listAll(
        '/users/me/project_assignments',
        'project_assignments',
        wireProjectAssignmentSchema,
        {},
        'your project assignments',
        options,
      ),

    listTimeEntries: (filter, options) =>
      listAll('/time_entries', 'time_entries', wireTimeEntrySchema, timeEntryQuery(filter), 'the time entries', options, filter),
    getTimeEntry: (id, options) =>
      call('GET', apiUrl(timeEntryPath(id)), wireTimeEntrySchema, `time entry ${id}`, options),
    createTimeEntry: (entry, options) =>
      call('POST', apiUrl('/time_entries'), wireTimeEntrySchema, 'a new time entry', options, {
        body: createBody(entry),
        safety: 'once',
      }),
    updateTimeEntry: (id, patch, options) =>
      call('PATCH', apiUrl(timeEntryPath(id)), wireTimeEntrySchema, `time entry ${id}`, options, {
        body: updateBody(patch),
      }),
    deleteTimeEntry: (id, options) => call('DELETE', apiUrl(timeEntryPath(id)), null, `time entry ${id}`, options),
    // In start/end-time accounts Harvest answers a restart with a new entry; callers use the reply.
    // Not repeatable: a second restart of a start/end-time entry would start yet another entry.
    restartTimeEntry: (id, options) =>
      call('PATCH', apiUrl(timeEntryPath(id, '/restart')), wireTimeEntrySchema, `time entry ${id}`, options, {
        safety: 'once',
      }),
    stopTimeEntry: (id, options) =>
      call('PATCH', apiUrl(timeEntryPath(id, '/stop')), wireTimeEntrySchema, `time entry ${id}`, options),

    listProjects: (filter, options) =>
      listAll(
        '/projects',
        'projects',
        wireProjectSchema,
        { ...listQuery(filter), client_id: filter?.clientId },
        'the list of projects',
        options,
        filter,
      ),
    getProject: (id, options) => call('GET', apiUrl(`/projects/${encodeId(id)}`), wireProjectSchema, `project ${id}`, options),
    listClients: (filter, options) =>
      listAll('/clients', 'clients', wireClientSchema, listQuery(filter), 'the list of clients', options, filter),
    getClient: (id, options) => call('GET', apiUrl(`/clients/${encodeId(id)}`), wireClientSchema, `client ${id}`, options),
    listTasks: (filter, options) =>
      listAll('/tasks', 'tasks', wireTaskSchema, listQuery(filter), 'the list of tasks', options, filter),
    getTask: (id, options) => call('GET', apiUrl(`/tasks/${encodeId(id)}`), wireTaskSchema, `task ${id}`, options),
    listUsers: (filter, options) =>
      listAll('/users', 'users', wireUserSchema, listQuery(filter), 'the list of people', options, filter),
    getUser: (id, options) => call('GET', apiUrl(`/users/${encodeId(id)}`), wireUserSchema, `person ${id}`, options),
  };
}

// An id goes into a path; anything but a positive safe integer is a caller's bug, not a request.
function encodeId(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new TypeError(`Not a Harvest id: ${String(id)}`);
  return String(id);
}

function timeEntryQuery(filter: TimeEntryFilter): Query {
  return {
    // Without user_id an administrator's is_running=true lists everyone's timers.
    user_id: filter.userId,
    client_id: filter.clientId,
    project_id: filter.projectId,
    task_id: filter.taskId,
    external_reference_id: filter.externalReferenceId,
    is_billed: filter.isBilled,
    is_running: filter.isRunning,
    updated_since: filter.updatedSince,
    from: filter.from,
    to: filter.to,
  };
}

function listQuery(filter: ListFilter | undefined): Query {
  return { is_active: filter?.isActive, updated_since: filter?.updatedSince };
}

function createBody(entry: CreateTimeEntry): Record<string, unknown> {
  const common = {
    project_id: entry.projectId,
    task_id: entry.taskId,
    spent_date: entry.spentDate,
    user_id: entry.userId,
    notes: entry.notes,
    external_reference:
      entry.externalReference === undefined
        ? undefined
        : withoutUndefined({ id: entry.externalReference.id, group_id: entry.externalReference.groupId }),
  };
  // Duration accounts: no hours means Harvest starts a timer. Start/end-time accounts: no
  // ended_time means the same. Sending the other mode's fields is left undefined by Harvest.
  const body =
    entry.mode === 'duration'
      ? { ...common, hours: entry.hours }
      : { ...common, started_time: entry.startedTime, ended_time: entry.endedTime };
  return withoutUndefined(body);
}

function updateBody(patch: UpdateTimeEntry): Record<string, unknown> {
  // Fields left out are left unchanged by Harvest, so only what the caller set is sent.
  return withoutUndefined({
    project_id: patch.projectId,
    task_id: patch.taskId,
    spent_date: patch.spentDate,
    notes: patch.notes,
    hours: patch.hours,
    started_time: patch.startedTime,
    ended_time: patch.endedTime,
  });
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
