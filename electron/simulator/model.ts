// The simulator's in-memory model of one Harvest world: identity, accounts and each account's
// reference data and time entries. Kept apart from the wire shapes (./harvestShapes.ts) so the
// rules in ./store.ts work on plain values and the JSON is produced in one place.

export type AccessRole = 'administrator' | 'manager' | 'member';

export interface SimIdentity {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
}

export interface SimAccount {
  id: number;
  name: string;
  product: 'harvest' | 'forecast';
}

export interface SimCompany {
  accountId: number;
  name: string;
  subdomain: string;
  wantsTimestampTimers: boolean;
  timeFormat: 'decimal' | 'hours_minutes';
  clock: '12h' | '24h';
  weekStartDay: 'Monday' | 'Sunday' | 'Saturday';
  /** Harvest's strftime date shape, e.g. '%m/%d/%Y'. */
  dateFormat: string;
  /** The account's time-rounding setting in minutes (rounded_hours rounds up to it); 0 = none. */
  roundingMinutes: number;
  weeklyCapacity: number;
}

export interface SimUser {
  id: number;
  accountId: number;
  firstName: string;
  lastName: string;
  email: string;
  telephone: string;
  timezone: string;
  accessRole: AccessRole;
  roles: string[];
  weeklyCapacity: number;
  defaultHourlyRate: number;
  costRate: number;
  isContractor: boolean;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimClient {
  id: number;
  accountId: number;
  name: string;
  currency: string;
  address: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimTask {
  id: number;
  accountId: number;
  name: string;
  billableByDefault: boolean;
  defaultHourlyRate: number | null;
  isDefault: boolean;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimProject {
  id: number;
  accountId: number;
  clientId: number;
  name: string;
  code: string;
  isActive: boolean;
  isBillable: boolean;
  hourlyRate: number | null;
  budget: number | null;
  notes: string;
  startsOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimTaskAssignment {
  id: number;
  projectId: number;
  taskId: number;
  billable: boolean;
  isActive: boolean;
  hourlyRate: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A user's assignment to a project (Harvest's user assignment / project assignment). */
export interface SimUserAssignment {
  id: number;
  projectId: number;
  userId: number;
  isActive: boolean;
  isProjectManager: boolean;
  useDefaultRates: boolean;
  hourlyRate: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimExternalReference {
  id: string;
  group_id: string | null;
  account_id: string | null;
  permalink: string | null;
  service: string | null;
  service_icon_url: string | null;
}

export interface SimTimeEntry {
  id: number;
  accountId: number;
  userId: number;
  projectId: number;
  taskId: number;
  /** Local date, YYYY-MM-DD. */
  spentDate: string;
  notes: string | null;
  /** Hours recorded before the timer was last started (Harvest's hours_without_timer). */
  recordedHours: number;
  /** Set while the timer runs. */
  timerStartedAt: Date | null;
  /** Start/end-time accounts: minutes after local midnight. */
  startedTime: number | null;
  endedTime: number | null;
  isLocked: boolean;
  lockedReason: string | null;
  isClosed: boolean;
  isBilled: boolean;
  externalReference: SimExternalReference | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimWorld {
  identity: SimIdentity;
  accounts: SimAccount[];
  /** Which account ids each access token reaches. */
  tokens: Map<string, number[]>;
  companies: Map<number, SimCompany>;
  /** The token holder's own user record in each Harvest account. */
  meByAccount: Map<number, number>;
  users: SimUser[];
  clients: SimClient[];
  tasks: SimTask[];
  projects: SimProject[];
  taskAssignments: SimTaskAssignment[];
  userAssignments: SimUserAssignment[];
  entries: Map<number, SimTimeEntry>;
  nextEntryId: number;
}
