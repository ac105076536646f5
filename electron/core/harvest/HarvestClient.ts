// The shape of the Harvest API v2 client the rest of the main process codes against.
// Wire types (snake_case) come from the generated OpenAPI types, narrowed by zod at the edge
// (see ./wire.ts); callers map them into shared/domain shapes.
import type {
  WireAccount,
  WireAccountsReply,
  WireClient,
  WireCompany,
  WireProject,
  WireProjectAssignment,
  WireTask,
  WireTimeEntry,
  WireUser,
} from './wire';
import type { RateLimiter } from './rateLimiter';
import type { RetryPolicy } from './retry';

export interface RequestOptions {
  /** Cancels the request (and any retry wait) when aborted. */
  signal?: AbortSignal;
}

export interface TimeEntryFilter {
  userId?: number;
  clientId?: number;
  projectId?: number;
  taskId?: number;
  externalReferenceId?: string;
  isBilled?: boolean;
  isRunning?: boolean;
  /** ISO date-time; only entries updated since then. */
  updatedSince?: string;
  /** Local dates compared with spent_date, inclusive. */
  from?: string;
  to?: string;
}

/**
 * Ties an entry to the change that made it: the pending-changes queue sends its own id here, so
 * before sending a create again whose answer was lost it can ask Harvest whether the entry exists
 * (the `external_reference_id` filter of the list).
 */
export interface ExternalReference {
  id: string;
  groupId?: string;
}

/** Duration accounts (`wants_timestamp_timers: false`): hours left out starts a timer. */
export interface CreateDurationEntry {
  mode: 'duration';
  projectId: number;
  taskId: number;
  spentDate: string;
  userId?: number;
  notes?: string;
  hours?: number;
  externalReference?: ExternalReference;
}

/** Start/end-time accounts: no endedTime starts a timer; startedTime defaults to now. */
export interface CreateTimestampEntry {
  mode: 'timestamp';
  projectId: number;
  taskId: number;
  spentDate: string;
  userId?: number;
  notes?: string;
  startedTime?: string;
  endedTime?: string;
  externalReference?: ExternalReference;
}

export type CreateTimeEntry = CreateDurationEntry | CreateTimestampEntry;

export interface UpdateTimeEntry {
  projectId?: number;
  taskId?: number;
  spentDate?: string;
  notes?: string;
  hours?: number;
  startedTime?: string;
  endedTime?: string;
}

export interface ListFilter {
  isActive?: boolean;
  updatedSince?: string;
}

/** Which part of a list to read. Left out: every page, at the client's page size. */
export interface Paging {
  /** Only this page (from 1); Harvest still takes a page number on its cursor-paged lists. */
  page?: number;
  /** Items per page asked for (1 to 2000). */
  perPage?: number;
}

export interface HarvestClient {
  // Every method throws HarvestFailure (an AppFailure from shared/errors) on failure.
  // Identity host (no account header); only accounts whose product is "harvest".
  listAccounts(options?: RequestOptions): Promise<WireAccount[]>;
  /** The identity host's whole answer: whose token it is, and every account it reaches. */
  getIdentity(options?: RequestOptions): Promise<WireAccountsReply>;

  getMe(options?: RequestOptions): Promise<WireUser>;
  getCompany(options?: RequestOptions): Promise<WireCompany>;
  /** The picker's source; open to every role. Every page, following links.next. */
  listMyProjectAssignments(options?: RequestOptions): Promise<WireProjectAssignment[]>;

  listTimeEntries(filter: TimeEntryFilter & Paging, options?: RequestOptions): Promise<WireTimeEntry[]>;
  getTimeEntry(id: number, options?: RequestOptions): Promise<WireTimeEntry>;
  /**
   * Never re-sent once it may have reached Harvest: a dropped connection, timeout or 5xx throws a
   * HarvestFailure with `outcomeUnknown: true` (see ./errors), for the pending-changes queue.
   */
  createTimeEntry(entry: CreateTimeEntry, options?: RequestOptions): Promise<WireTimeEntry>;
  updateTimeEntry(id: number, patch: UpdateTimeEntry, options?: RequestOptions): Promise<WireTimeEntry>;
  deleteTimeEntry(id: number, options?: RequestOptions): Promise<void>;
  /**
   * May return a different entry (start/end-time accounts): always use the reply.
   * Like createTimeEntry, never re-sent once it may have reached Harvest.
   */
  restartTimeEntry(id: number, options?: RequestOptions): Promise<WireTimeEntry>;
  stopTimeEntry(id: number, options?: RequestOptions): Promise<WireTimeEntry>;

  // Admin / manager only: a 403 becomes an AppFailure (HarvestFailure) kind 'forbidden'.
  listProjects(filter?: ListFilter & Paging & { clientId?: number }, options?: RequestOptions): Promise<WireProject[]>;
  getProject(id: number, options?: RequestOptions): Promise<WireProject>;
  listClients(filter?: ListFilter & Paging, options?: RequestOptions): Promise<WireClient[]>;
  getClient(id: number, options?: RequestOptions): Promise<WireClient>;
  listTasks(filter?: ListFilter & Paging, options?: RequestOptions): Promise<WireTask[]>;
  getTask(id: number, options?: RequestOptions): Promise<WireTask>;
  listUsers(filter?: ListFilter & Paging, options?: RequestOptions): Promise<WireUser[]>;
  getUser(id: number, options?: RequestOptions): Promise<WireUser>;
}

export interface HarvestClientConfig {
  /** HARVEST_API_URL, default https://api.harvestapp.com/v2 */
  apiUrl: string;
  /** HARVEST_ID_URL, default https://id.getharvest.com */
  idUrl: string;
  accessToken: string;
  /** Needed for every call but listAccounts. */
  accountId?: number;
  /** Per-request timeout in ms (default 15 000). */
  timeoutMs?: number;
  /** Injected for tests; defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Injected clock/sleep for tests of the limiter and backoff. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected for tests of the backoff jitter; returns [0, 1). Defaults to Math.random. */
  random?: () => number;
  /**
   * The limiter to wait on. Default: one shared by every client with the same token (Harvest
   * counts per token), or, when now/sleep are injected, a private one on that clock.
   */
  rateLimiter?: RateLimiter;
  /** For a private limiter: requests per window (default 100 per 15 000 ms, Harvest's limit). */
  rateLimit?: { max: number; windowMs: number };
  /** Overrides of the retry policy (attempts, backoff steps, longest Retry-After waited out). */
  retry?: Partial<RetryPolicy>;
  /** Items per page asked for (default and maximum 2000). */
  perPage?: number;
}
