// The JSON Harvest sends, built from the simulator's model. Field order and nesting follow
// Harvest's documented examples; the contract test checks them against the OpenAPI schemas.
import { formatClock, harvestTimestamp, roundHours } from './clockTime';
import type { SimClient, SimCompany, SimProject, SimTask, SimTaskAssignment, SimTimeEntry, SimUser, SimUserAssignment } from './model';
import type { SimStore } from './store';

const fullName = (user: SimUser): string => `${user.firstName} ${user.lastName}`;

function roundUpTo(hours: number, minutes: number): number {
  if (minutes <= 0) return roundHours(hours);
  const step = minutes / 60;
  return roundHours(Math.ceil(roundHours(hours) / step - 1e-9) * step);
}

export function userJson(user: SimUser): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    telephone: user.telephone,
    timezone: user.timezone,
    has_access_to_all_future_projects: false,
    is_contractor: user.isContractor,
    is_active: user.isActive,
    weekly_capacity: user.weeklyCapacity,
    default_hourly_rate: user.defaultHourlyRate,
    cost_rate: user.costRate,
    roles: user.roles,
    access_roles: [user.accessRole],
    permissions_claims: user.accessRole === 'administrator' ? ['administrator'] : ['expenses:read:own', 'timers:read:own', 'timers:write:own'],
    avatar_url: `https://d3s3969qhosaug.cloudfront.net/v2/${user.id}.png`,
    created_at: harvestTimestamp(user.createdAt),
    updated_at: harvestTimestamp(user.updatedAt),
  };
}

export function companyJson(company: SimCompany): Record<string, unknown> {
  return {
    base_uri: `https://${company.subdomain}.harvestapp.com`,
    full_domain: `${company.subdomain}.harvestapp.com`,
    name: company.name,
    is_active: true,
    week_start_day: company.weekStartDay,
    wants_timestamp_timers: company.wantsTimestampTimers,
    time_format: company.timeFormat,
    date_format: company.dateFormat,
    plan_type: 'simple-v4',
    expense_feature: true,
    invoice_feature: true,
    estimate_feature: true,
    approval_feature: true,
    team_feature: true,
    clock: company.clock,
    currency_code_display: 'iso_code_none',
    currency_symbol_display: 'symbol_before',
    decimal_symbol: '.',
    thousands_separator: ',',
    color_scheme: 'orange',
    weekly_capacity: company.weeklyCapacity,
  };
}

export function clientJson(client: SimClient): Record<string, unknown> {
  return {
    id: client.id,
    name: client.name,
    is_active: client.isActive,
    address: client.address,
    statement_key: `stmt${client.id}`,
    currency: client.currency,
    created_at: harvestTimestamp(client.createdAt),
    updated_at: harvestTimestamp(client.updatedAt),
  };
}

export function taskJson(task: SimTask): Record<string, unknown> {
  return {
    id: task.id,
    name: task.name,
    billable_by_default: task.billableByDefault,
    default_hourly_rate: task.defaultHourlyRate,
    is_default: task.isDefault,
    is_active: task.isActive,
    created_at: harvestTimestamp(task.createdAt),
    updated_at: harvestTimestamp(task.updatedAt),
  };
}

export function projectJson(project: SimProject, client: SimClient | undefined): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    code: project.code,
    is_active: project.isActive,
    is_billable: project.isBillable,
    is_fixed_fee: false,
    bill_by: project.isBillable ? 'Project' : 'none',
    budget: project.budget,
    budget_by: project.budget === null ? 'none' : 'project',
    budget_is_monthly: false,
    notify_when_over_budget: false,
    over_budget_notification_percentage: 80,
    show_budget_to_all: false,
    created_at: harvestTimestamp(project.createdAt),
    updated_at: harvestTimestamp(project.updatedAt),
    starts_on: project.startsOn,
    ends_on: null,
    over_budget_notification_date: null,
    notes: project.notes,
    cost_budget: null,
    cost_budget_include_expenses: false,
    hourly_rate: project.hourlyRate,
    fee: null,
    client: client ? { id: client.id, name: client.name, currency: client.currency } : null,
  };
}

/** A task assignment as nested in project assignments: Harvest leaves out the `project` key. */
export function nestedTaskAssignmentJson(assignment: SimTaskAssignment, task: SimTask | undefined): Record<string, unknown> {
  return {
    id: assignment.id,
    billable: assignment.billable,
    is_active: assignment.isActive,
    created_at: harvestTimestamp(assignment.createdAt),
    updated_at: harvestTimestamp(assignment.updatedAt),
    hourly_rate: assignment.hourlyRate,
    budget: null,
    task: { id: assignment.taskId, name: task?.name ?? '' },
  };
}

export function projectAssignmentJson(store: SimStore, accountId: number, assignment: SimUserAssignment): Record<string, unknown> {
  const project = store.project(accountId, assignment.projectId);
  const client = project ? store.client(project.accountId, project.clientId) : undefined;
  return {
    id: assignment.id,
    is_project_manager: assignment.isProjectManager,
    is_active: assignment.isActive,
    use_default_rates: assignment.useDefaultRates,
    budget: null,
    created_at: harvestTimestamp(assignment.createdAt),
    updated_at: harvestTimestamp(assignment.updatedAt),
    hourly_rate: assignment.hourlyRate,
    project: { id: assignment.projectId, name: project?.name ?? '', code: project?.code ?? null },
    client: client ? { id: client.id, name: client.name, currency: client.currency } : null,
    task_assignments: store
      .taskAssignments(assignment.projectId)
      .map((taskAssignment) => nestedTaskAssignmentJson(taskAssignment, project ? store.task(project.accountId, taskAssignment.taskId) : undefined)),
  };
}

export function timeEntryJson(store: SimStore, entry: SimTimeEntry): Record<string, unknown> {
  const company = store.company(entry.accountId);
  const clock = company?.clock ?? '12h';
  const user = store.user(entry.accountId, entry.userId);
  const project = store.project(entry.accountId, entry.projectId);
  const client = project ? store.client(entry.accountId, project.clientId) : undefined;
  const task = store.task(entry.accountId, entry.taskId);
  const userAssignment = store.userAssignment(entry.projectId, entry.userId);
  const taskAssignment = store.taskAssignment(entry.projectId, entry.taskId);
  const hours = roundHours(store.currentHours(entry));
  const billable = (project?.isBillable ?? false) && (taskAssignment?.billable ?? false);
  return {
    id: entry.id,
    spent_date: entry.spentDate,
    hours,
    hours_without_timer: roundHours(entry.recordedHours),
    rounded_hours: roundUpTo(hours, company?.roundingMinutes ?? 0),
    notes: entry.notes,
    is_locked: entry.isLocked,
    locked_reason: entry.lockedReason,
    is_closed: entry.isClosed,
    is_billed: entry.isBilled,
    timer_started_at: entry.timerStartedAt ? harvestTimestamp(entry.timerStartedAt) : null,
    started_time: entry.startedTime === null ? null : formatClock(entry.startedTime, clock),
    ended_time: entry.endedTime === null ? null : formatClock(entry.endedTime, clock),
    is_running: entry.timerStartedAt !== null,
    billable,
    budgeted: project?.budget !== null,
    billable_rate: billable ? (project?.hourlyRate ?? taskAssignment?.hourlyRate ?? user?.defaultHourlyRate ?? null) : null,
    cost_rate: user?.costRate ?? null,
    created_at: harvestTimestamp(entry.createdAt),
    updated_at: harvestTimestamp(entry.updatedAt),
    user: { id: entry.userId, name: user ? fullName(user) : '' },
    client: client ? { id: client.id, name: client.name, currency: client.currency } : null,
    project: { id: entry.projectId, name: project?.name ?? '', code: project?.code ?? null },
    task: { id: entry.taskId, name: task?.name ?? '' },
    user_assignment: userAssignment
      ? {
          id: userAssignment.id,
          is_project_manager: userAssignment.isProjectManager,
          is_active: userAssignment.isActive,
          use_default_rates: userAssignment.useDefaultRates,
          budget: null,
          created_at: harvestTimestamp(userAssignment.createdAt),
          updated_at: harvestTimestamp(userAssignment.updatedAt),
          hourly_rate: userAssignment.hourlyRate,
        }
      : null,
    task_assignment: taskAssignment
      ? {
          id: taskAssignment.id,
          billable: taskAssignment.billable,
          is_active: taskAssignment.isActive,
          created_at: harvestTimestamp(taskAssignment.createdAt),
          updated_at: harvestTimestamp(taskAssignment.updatedAt),
          hourly_rate: taskAssignment.hourlyRate,
          budget: null,
        }
      : null,
    external_reference: entry.externalReference,
    invoice: null,
  };
}
