// The world the simulator starts with: one person ("Jordan Ellis") whose token reaches two
// Harvest accounts of a small agency and a Forecast account, and, with sample data, a week of
// believable work relative to the local today.
import { subDays, subMinutes } from 'date-fns';
import { localDate, localInstant, minutesAfterMidnight } from './clockTime';
import type {
  SimClient,
  SimCompany,
  SimProject,
  SimTask,
  SimTaskAssignment,
  SimTimeEntry,
  SimUser,
  SimUserAssignment,
  SimWorld,
} from './model';

import { ACCOUNT_IDS, TOKENS } from './credentials';

export { ACCOUNT_IDS, TOKENS };

export const LOCKED_REASON = 'Item Approved and Locked for this Time Period';
/** Time entry ids start above 2^31 so clients prove they handle Harvest's int64 ids. */
export const FIRST_ENTRY_ID = 2_400_000_001;

const SETUP_DAY = new Date('2024-01-15T09:00:00Z');

interface ProjectSeed {
  name: string;
  code: string;
  client: string;
  billable: boolean;
  hourlyRate: number | null;
  tasks: string[];
  /** Task names whose assignment on this project is archived (clients must filter is_active). */
  archivedTasks?: string[];
  /** An archived project whose assignment must not show up in the picker. */
  archived?: boolean;
}

interface EntrySeed {
  daysAgo: number;
  user: 'me' | 'colleague';
  project: string;
  task: string;
  notes: string | null;
  /** Duration accounts: hours; start/end-time accounts: [start, end] as "H:mm" (24h). */
  hours?: number;
  times?: [string, string];
  /** Runs now; started this many minutes ago, with `hours` already recorded. */
  runningForMinutes?: number;
  locked?: boolean;
  billed?: boolean;
}

interface AccountSeed {
  company: SimCompany;
  me: { id: number; role: SimUser['accessRole'] };
  colleague: { id: number; firstName: string; lastName: string; role: SimUser['accessRole'] };
  clients: { name: string; currency: string }[];
  projects: ProjectSeed[];
  entries: EntrySeed[];
}

const TASKS: { name: string; billable: boolean; rate: number | null }[] = [
  { name: 'Design', billable: true, rate: 120 },
  { name: 'Development', billable: true, rate: 135 },
  { name: 'Meetings', billable: true, rate: 100 },
  { name: 'Project Management', billable: true, rate: 110 },
  { name: 'Admin', billable: false, rate: null },
];

const STUDIO: AccountSeed = {
  company: {
    accountId: ACCOUNT_IDS.duration,
    name: 'Northwind Studio',
    subdomain: 'northwindstudio',
    wantsTimestampTimers: false,
    timeFormat: 'hours_minutes',
    clock: '12h',
    weekStartDay: 'Monday',
    dateFormat: '%m/%d/%Y',
    roundingMinutes: 15,
    weeklyCapacity: 144_000,
  },
  me: { id: 3_401_221, role: 'member' },
  colleague: { id: 3_401_222, firstName: 'Priya', lastName: 'Raman', role: 'administrator' },
  clients: [
    { name: 'Acme Bakery Co.', currency: 'USD' },
    { name: 'Harbor & Finch Architects', currency: 'USD' },
    { name: 'Greenleaf Health', currency: 'EUR' },
    { name: 'Northwind Studio', currency: 'USD' },
  ],
  projects: [
    { name: 'Website Refresh', code: 'ACM-WEB', client: 'Acme Bakery Co.', billable: true, hourlyRate: 125, tasks: ['Design', 'Development', 'Meetings', 'Project Management'] },
    { name: 'Loyalty App', code: 'ACM-APP', client: 'Acme Bakery Co.', billable: true, hourlyRate: 140, tasks: ['Design', 'Development', 'Meetings'] },
    { name: 'Brand Identity', code: 'HF-BRAND', client: 'Harbor & Finch Architects', billable: true, hourlyRate: 130, tasks: ['Design', 'Meetings', 'Project Management'] },
    { name: 'Patient Portal', code: 'GLH-PORTAL', client: 'Greenleaf Health', billable: true, hourlyRate: 150, tasks: ['Design', 'Development', 'Meetings', 'Project Management'], archivedTasks: ['Meetings'] },
    { name: 'Studio Operations', code: 'NW-OPS', client: 'Northwind Studio', billable: false, hourlyRate: null, tasks: ['Meetings', 'Admin'] },
    { name: 'Holiday Campaign 2023', code: 'ACM-HOL23', client: 'Acme Bakery Co.', billable: true, hourlyRate: 120, tasks: ['Design'], archived: true },
  ],
  entries: [
    { daysAgo: 0, user: 'me', project: 'ACM-WEB', task: 'Design', hours: 1.5, notes: 'Homepage hero variations\n- two layouts for review\n- updated type scale' },
    { daysAgo: 0, user: 'me', project: 'NW-OPS', task: 'Meetings', hours: 0.25, notes: 'Daily stand-up' },
    { daysAgo: 0, user: 'me', project: 'HF-BRAND', task: 'Design', hours: 0.5, runningForMinutes: 12, notes: 'Logo refinements after client feedback' },
    { daysAgo: 1, user: 'me', project: 'ACM-WEB', task: 'Development', hours: 3.25, notes: 'Menu page: CMS fields and responsive grid' },
    { daysAgo: 1, user: 'me', project: 'GLH-PORTAL', task: 'Meetings', hours: 1, notes: 'Accessibility review with Greenleaf\nAction items in the shared doc' },
    { daysAgo: 1, user: 'me', project: 'NW-OPS', task: 'Admin', hours: 0.5, notes: 'Timesheets and invoices prep' },
    { daysAgo: 2, user: 'me', project: 'HF-BRAND', task: 'Design', hours: 4, notes: 'Wordmark explorations, round 2' },
    { daysAgo: 2, user: 'me', project: 'ACM-APP', task: 'Design', hours: 2.5, notes: 'Rewards screen wireframes' },
    { daysAgo: 3, user: 'me', project: 'GLH-PORTAL', task: 'Development', hours: 5, notes: 'Appointment booking form validation', locked: true },
    { daysAgo: 3, user: 'me', project: 'HF-BRAND', task: 'Project Management', hours: 0.75, notes: 'Updated timeline and sent status email' },
    { daysAgo: 4, user: 'me', project: 'ACM-WEB', task: 'Meetings', hours: 1, notes: 'Kick-off with Acme marketing team' },
    { daysAgo: 4, user: 'me', project: 'ACM-APP', task: 'Development', hours: 3.5, notes: 'Push notification spike\n- iOS works\n- Android needs a new key' },
    { daysAgo: 6, user: 'me', project: 'NW-OPS', task: 'Admin', hours: 1.25, notes: 'Weekly planning' },
    { daysAgo: 0, user: 'colleague', project: 'ACM-WEB', task: 'Project Management', hours: 1, notes: 'Sprint planning' },
    { daysAgo: 2, user: 'colleague', project: 'GLH-PORTAL', task: 'Design', hours: 3, notes: 'Dashboard visual design', billed: true },
  ],
};

const LABS: AccountSeed = {
  company: {
    accountId: ACCOUNT_IDS.timestamp,
    name: 'Northwind Labs',
    subdomain: 'northwindlabs',
    wantsTimestampTimers: true,
    timeFormat: 'decimal',
    clock: '24h',
    weekStartDay: 'Monday',
    dateFormat: '%d/%m/%Y',
    roundingMinutes: 0,
    weeklyCapacity: 144_000,
  },
  me: { id: 3_455_310, role: 'administrator' },
  colleague: { id: 3_455_311, firstName: 'Marcus', lastName: 'Webb', role: 'member' },
  clients: [
    { name: 'Tidewater Robotics', currency: 'USD' },
    { name: 'Blue Heron Books', currency: 'GBP' },
    { name: 'Northwind Labs', currency: 'USD' },
  ],
  projects: [
    { name: 'Firmware Dashboard', code: 'TWR-DASH', client: 'Tidewater Robotics', billable: true, hourlyRate: 150, tasks: ['Design', 'Development', 'Meetings'] },
    { name: 'Online Shop', code: 'BHB-SHOP', client: 'Blue Heron Books', billable: true, hourlyRate: 120, tasks: ['Design', 'Development', 'Project Management'] },
    { name: 'Research & Prototypes', code: 'LAB-RND', client: 'Northwind Labs', billable: false, hourlyRate: null, tasks: ['Development', 'Meetings', 'Admin'] },
  ],
  entries: [
    { daysAgo: 0, user: 'me', project: 'TWR-DASH', task: 'Development', times: ['8:30', '10:00'], notes: 'Telemetry chart: live updates over websockets' },
    { daysAgo: 0, user: 'me', project: 'TWR-DASH', task: 'Meetings', times: ['10:15', '10:45'], notes: 'Sync with Tidewater hardware team' },
    { daysAgo: 0, user: 'me', project: 'BHB-SHOP', task: 'Development', hours: 0, runningForMinutes: 20, notes: 'Checkout: shipping rates per region' },
    { daysAgo: 1, user: 'me', project: 'BHB-SHOP', task: 'Design', times: ['9:00', '12:30'], notes: 'Product page layout\nIncludes the gift-wrap option' },
    { daysAgo: 1, user: 'me', project: 'LAB-RND', task: 'Admin', times: ['13:30', '14:00'], notes: 'Expenses' },
    { daysAgo: 2, user: 'me', project: 'TWR-DASH', task: 'Design', times: ['9:15', '11:45'], notes: 'Alert states and empty states' },
    { daysAgo: 3, user: 'me', project: 'LAB-RND', task: 'Development', times: ['14:00', '17:30'], notes: 'Prototype: offline-first sync queue', locked: true },
    { daysAgo: 5, user: 'me', project: 'BHB-SHOP', task: 'Project Management', times: ['16:00', '16:45'], notes: 'Estimate for phase two' },
    { daysAgo: 0, user: 'colleague', project: 'TWR-DASH', task: 'Development', hours: 0, runningForMinutes: 45, notes: 'CSV export of sensor logs' },
    { daysAgo: 1, user: 'colleague', project: 'BHB-SHOP', task: 'Development', times: ['9:00', '13:00'], notes: 'Search indexing' },
  ],
};

class IdSequence {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

function parseSeedClock(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function addAccount(world: SimWorld, seed: AccountSeed, now: Date, withEntries: boolean, ids: IdSequence): void {
  const accountId = seed.company.accountId;
  world.companies.set(accountId, seed.company);
  const identity = world.identity;
  const user = (id: number, firstName: string, lastName: string, role: SimUser['accessRole']): SimUser => ({
    id,
    accountId,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@northwind.example`.toLowerCase(),
    telephone: '',
    timezone: 'Eastern Time (US & Canada)',
    accessRole: role,
    roles: role === 'administrator' ? ['Founder'] : ['Designer'],
    weeklyCapacity: 144_000,
    defaultHourlyRate: 110,
    costRate: 55,
    isContractor: false,
    isActive: true,
    createdAt: SETUP_DAY,
    updatedAt: SETUP_DAY,
  });
  const me = user(seed.me.id, identity.firstName, identity.lastName, seed.me.role);
  me.email = identity.email;
  const colleague = user(seed.colleague.id, seed.colleague.firstName, seed.colleague.lastName, seed.colleague.role);
  world.users.push(me, colleague);
  world.meByAccount.set(accountId, me.id);

  const clients = new Map<string, SimClient>();
  for (const clientSeed of seed.clients) {
    const client: SimClient = { id: ids.take(), accountId, name: clientSeed.name, currency: clientSeed.currency, address: null, isActive: true, createdAt: SETUP_DAY, updatedAt: SETUP_DAY };
    clients.set(client.name, client);
    world.clients.push(client);
  }
  const tasks = new Map<string, SimTask>();
  for (const taskSeed of TASKS) {
    const task: SimTask = { id: ids.take(), accountId, name: taskSeed.name, billableByDefault: taskSeed.billable, defaultHourlyRate: taskSeed.rate, isDefault: true, isActive: true, createdAt: SETUP_DAY, updatedAt: SETUP_DAY };
    tasks.set(task.name, task);
    world.tasks.push(task);
  }
  const projects = new Map<string, SimProject>();
  seed.projects.forEach((projectSeed, index) => {
    const client = clients.get(projectSeed.client);
    if (!client) throw new Error(`sample data: unknown client ${projectSeed.client}`);
    // Later projects were created later, so "newest first" has a visible order.
    const createdAt = new Date(SETUP_DAY.getTime() + index * 86_400_000);
    const project: SimProject = {
      id: ids.take(), accountId, clientId: client.id, name: projectSeed.name, code: projectSeed.code,
      isActive: !projectSeed.archived, isBillable: projectSeed.billable, hourlyRate: projectSeed.hourlyRate,
      budget: projectSeed.billable ? 120 : null, notes: '', startsOn: localDate(createdAt), createdAt, updatedAt: createdAt,
    };
    projects.set(project.code, project);
    world.projects.push(project);
    for (const taskName of projectSeed.tasks) {
      const task = tasks.get(taskName);
      if (!task) throw new Error(`sample data: unknown task ${taskName}`);
      const assignment: SimTaskAssignment = {
        id: ids.take(), projectId: project.id, taskId: task.id, billable: projectSeed.billable && task.billableByDefault,
        isActive: !(projectSeed.archivedTasks ?? []).includes(taskName), hourlyRate: task.defaultHourlyRate, createdAt, updatedAt: createdAt,
      };
      world.taskAssignments.push(assignment);
    }
    for (const person of [me, colleague]) {
      const assignment: SimUserAssignment = {
        id: ids.take(), projectId: project.id, userId: person.id, isActive: !projectSeed.archived,
        isProjectManager: person.accessRole !== 'member', useDefaultRates: true, hourlyRate: null, createdAt, updatedAt: createdAt,
      };
      world.userAssignments.push(assignment);
    }
  });

  if (!withEntries) return;
  for (const entrySeed of seed.entries) {
    const project = projects.get(entrySeed.project);
    const task = tasks.get(entrySeed.task);
    if (!project || !task) throw new Error(`sample data: unknown project or task in ${entrySeed.project}`);
    const spentDate = localDate(subDays(now, entrySeed.daysAgo));
    const running = entrySeed.runningForMinutes !== undefined;
    const timerStartedAt = running ? subMinutes(now, entrySeed.runningForMinutes ?? 0) : null;
    let startedTime: number | null = null;
    let endedTime: number | null = null;
    let recordedHours = entrySeed.hours ?? 0;
    if (seed.company.wantsTimestampTimers) {
      if (entrySeed.times) {
        startedTime = parseSeedClock(entrySeed.times[0]);
        endedTime = parseSeedClock(entrySeed.times[1]);
        recordedHours = (endedTime - startedTime) / 60;
      } else if (timerStartedAt) {
        startedTime = localDate(timerStartedAt) === spentDate ? minutesAfterMidnight(timerStartedAt) : 0;
      }
    }
    // Entries are created when the work ends (timers when they start), never in the future.
    const finishedAt = localInstant(spentDate, endedTime ?? 17 * 60);
    const createdAt = running ? (timerStartedAt ?? now) : minDate(now, finishedAt);
    const entry: SimTimeEntry = {
      id: world.nextEntryId++,
      accountId,
      userId: entrySeed.user === 'me' ? me.id : colleague.id,
      projectId: project.id,
      taskId: task.id,
      spentDate,
      notes: entrySeed.notes,
      recordedHours,
      timerStartedAt,
      startedTime,
      endedTime,
      isLocked: entrySeed.locked === true,
      lockedReason: entrySeed.locked === true ? LOCKED_REASON : null,
      isClosed: entrySeed.locked === true,
      isBilled: entrySeed.billed === true,
      externalReference: null,
      createdAt,
      updatedAt: createdAt,
    };
    world.entries.set(entry.id, entry);
  }
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** A fresh world. `withEntries` false keeps accounts and reference data but no time entries. */
export function buildWorld(now: Date, withEntries: boolean): SimWorld {
  const world: SimWorld = {
    identity: { id: 4_120_551, firstName: 'Jordan', lastName: 'Ellis', email: 'jordan.ellis@northwind.example' },
    accounts: [
      { id: ACCOUNT_IDS.duration, name: 'Northwind Studio', product: 'harvest' },
      { id: ACCOUNT_IDS.timestamp, name: 'Northwind Labs', product: 'harvest' },
      { id: ACCOUNT_IDS.forecast, name: 'Northwind Studio', product: 'forecast' },
    ],
    tokens: new Map([
      [TOKENS.multi, [ACCOUNT_IDS.duration, ACCOUNT_IDS.timestamp, ACCOUNT_IDS.forecast]],
      [TOKENS.single, [ACCOUNT_IDS.duration]],
    ]),
    companies: new Map(),
    meByAccount: new Map(),
    users: [],
    clients: [],
    tasks: [],
    projects: [],
    taskAssignments: [],
    userAssignments: [],
    entries: new Map(),
    nextEntryId: FIRST_ENTRY_ID,
  };
  const ids = new IdSequence(14_300_001);
  addAccount(world, STUDIO, now, withEntries, ids);
  addAccount(world, LABS, now, withEntries, ids);
  return world;
}
