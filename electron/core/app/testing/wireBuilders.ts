// Complete Harvest wire objects for tests, with the fields a test cares about overridden.
import type {
  WireCompany,
  WireProjectAssignment,
  WireTimeEntry,
  WireUser,
} from '../../harvest/wire';

const INSTANT = '2026-11-20T10:00:00Z';

export function wireTimeEntry(overrides: Partial<WireTimeEntry> = {}): WireTimeEntry {
  return {
    id: 636709355,
    spent_date: '2026-11-20',
    user: { id: 1782959, name: 'Kim Allen' },
    client: { id: 5735774, name: 'ABC Corp' },
    project: { id: 14307913, name: 'Marketing Website', code: 'MW' },
    task: { id: 8083365, name: 'Graphic Design' },
    hours: 2.11,
    hours_without_timer: 2.11,
    rounded_hours: 2.25,
    notes: 'Adding CTAs',
    is_locked: false,
    locked_reason: null,
    is_closed: false,
    is_billed: false,
    invoice: null,
    timer_started_at: null,
    started_time: null,
    ended_time: null,
    is_running: false,
    billable: true,
    created_at: INSTANT,
    updated_at: INSTANT,
    ...overrides,
  };
}

export function wireUser(overrides: Partial<WireUser> = {}): WireUser {
  return {
    id: 1782959,
    first_name: 'Kim',
    last_name: 'Allen',
    email: 'kim@example.com',
    timezone: 'Eastern Time (US & Canada)',
    is_active: true,
    weekly_capacity: 126000,
    access_roles: ['member'],
    created_at: INSTANT,
    updated_at: INSTANT,
    ...overrides,
  };
}

export function wireCompany(overrides: Partial<WireCompany> = {}): WireCompany {
  return {
    base_uri: 'https://northwind.harvestapp.com',
    full_domain: 'northwind.harvestapp.com',
    name: 'Northwind Studio',
    is_active: true,
    week_start_day: 'Monday',
    wants_timestamp_timers: false,
    time_format: 'decimal',
    clock: '12h',
    weekly_capacity: 126000,
    ...overrides,
  };
}

export function wireProjectAssignment(
  project: { id: number; name: string; client: string },
  tasks: Array<{ id: number; name: string; active?: boolean }>,
  isActive = true,
): WireProjectAssignment {
  return {
    id: project.id * 10,
    is_active: isActive,
    is_project_manager: false,
    project: { id: project.id, name: project.name, code: project.name.slice(0, 3).toUpperCase() },
    client: { id: project.id + 1, name: project.client },
    task_assignments: tasks.map((task) => ({
      id: task.id * 10,
      billable: true,
      is_active: task.active ?? true,
      task: { id: task.id, name: task.name },
      created_at: INSTANT,
      updated_at: INSTANT,
    })),
    created_at: INSTANT,
    updated_at: INSTANT,
  };
}
