// In-memory state of the simulated Harvest and the lookups every route needs. The rules that
// change time entries live in ./timeEntryRules.ts.
import { hoursBetween } from './clockTime';
import type {
  SimAccount,
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

/** Who is asking: the token holder's user record in the account named by Harvest-Account-Id. */
export interface Viewer {
  account: SimAccount;
  company: SimCompany;
  user: SimUser;
}

export class SimStore {
  constructor(
    private world: SimWorld,
    readonly now: () => Date,
  ) {}

  replaceWorld(world: SimWorld): void {
    this.world = world;
  }

  get identity(): SimWorld['identity'] {
    return this.world.identity;
  }

  /** The token stops working everywhere, as when its owner revokes it at id.getharvest.com. */
  revokeToken(token: string): void {
    this.world.tokens.delete(token);
  }

  /** Accounts the token reaches (Forecast included), or null for an unknown token. */
  accountsFor(token: string): SimAccount[] | null {
    const ids = this.world.tokens.get(token);
    if (!ids) return null;
    return this.world.accounts.filter((account) => ids.includes(account.id));
  }

  /** null when the token is unknown or does not reach that Harvest account. */
  viewerFor(token: string, accountId: number): Viewer | null {
    const account = this.accountsFor(token)?.find((candidate) => candidate.id === accountId);
    if (!account || account.product !== 'harvest') return null;
    const company = this.world.companies.get(account.id);
    const user = this.user(account.id, this.world.meByAccount.get(account.id) ?? -1);
    if (!company || !user) return null;
    return { account, company, user };
  }

  company(accountId: number): SimCompany | undefined {
    return this.world.companies.get(accountId);
  }

  users(accountId: number): SimUser[] {
    return this.world.users.filter((user) => user.accountId === accountId);
  }
  user(accountId: number, id: number): SimUser | undefined {
    return this.world.users.find((user) => user.accountId === accountId && user.id === id);
  }

  clients(accountId: number): SimClient[] {
    return this.world.clients.filter((client) => client.accountId === accountId);
  }
  client(accountId: number, id: number): SimClient | undefined {
    return this.world.clients.find((client) => client.accountId === accountId && client.id === id);
  }

  tasks(accountId: number): SimTask[] {
    return this.world.tasks.filter((task) => task.accountId === accountId);
  }
  task(accountId: number, id: number): SimTask | undefined {
    return this.world.tasks.find((task) => task.accountId === accountId && task.id === id);
  }

  projects(accountId: number): SimProject[] {
    return this.world.projects.filter((project) => project.accountId === accountId);
  }
  project(accountId: number, id: number): SimProject | undefined {
    return this.world.projects.find((project) => project.accountId === accountId && project.id === id);
  }

  taskAssignments(projectId: number): SimTaskAssignment[] {
    return this.world.taskAssignments.filter((assignment) => assignment.projectId === projectId);
  }
  taskAssignment(projectId: number, taskId: number): SimTaskAssignment | undefined {
    return this.world.taskAssignments.find((a) => a.projectId === projectId && a.taskId === taskId);
  }

  userAssignments(userId: number): SimUserAssignment[] {
    return this.world.userAssignments.filter((assignment) => assignment.userId === userId);
  }
  userAssignment(projectId: number, userId: number): SimUserAssignment | undefined {
    return this.world.userAssignments.find((a) => a.projectId === projectId && a.userId === userId);
  }

  entries(accountId: number): SimTimeEntry[] {
    return [...this.world.entries.values()].filter((entry) => entry.accountId === accountId);
  }
  entry(id: number): SimTimeEntry | undefined {
    return this.world.entries.get(id);
  }
  insertEntry(entry: Omit<SimTimeEntry, 'id'>): SimTimeEntry {
    const created: SimTimeEntry = { ...entry, id: this.world.nextEntryId++ };
    this.world.entries.set(created.id, created);
    return created;
  }
  deleteEntry(id: number): void {
    this.world.entries.delete(id);
  }

  /** Hours so far: what was recorded plus, while running, the time since the timer started. */
  currentHours(entry: SimTimeEntry): number {
    const running = entry.timerStartedAt ? hoursBetween(entry.timerStartedAt, this.now()) : 0;
    return entry.recordedHours + running;
  }
}
