// Replies as Harvest sends them, for tests of code that reads Harvest's wire format.
export function sampleTimeEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 636709355,
    spent_date: '2026-11-21',
    user: { id: 1782959, name: 'Kim Allen' },
    client: { id: 5735774, name: 'ABC Corp' },
    project: { id: 14307913, name: 'Marketing Website', code: 'MW' },
    task: { id: 8083365, name: 'Graphic Design' },
    user_assignment: { id: 130403297, is_active: true },
    task_assignment: { id: 155502709, billable: true },
    external_reference: null,
    invoice: null,
    hours: 2.11,
    hours_without_timer: 2.11,
    rounded_hours: 2.25,
    notes: 'Adding CSS styling',
    is_locked: false,
    locked_reason: null,
    is_closed: false,
    is_billed: false,
    timer_started_at: null,
    started_time: null,
    ended_time: null,
    is_running: false,
    billable: true,
    budgeted: true,
    billable_rate: 100,
    cost_rate: 50,
    created_at: '2026-11-21T08:00:00Z',
    updated_at: '2026-11-21T10:07:00Z',
    ...overrides,
  };
}

export function sampleUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1782959,
    first_name: 'Kim',
    last_name: 'Allen',
    email: 'kim@example.com',
    telephone: '',
    timezone: 'Eastern Time (US & Canada)',
    has_access_to_all_future_projects: false,
    is_contractor: false,
    is_active: true,
    weekly_capacity: 126000,
    default_hourly_rate: 100,
    cost_rate: 50,
    roles: ['Designer'],
    access_roles: ['member'],
    avatar_url: 'https://example.com/avatar.png',
    created_at: '2020-05-01T20:41:00Z',
    updated_at: '2026-11-20T20:41:00Z',
    ...overrides,
  };
}

export function sampleCompany(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    base_uri: 'https://northwind.harvestapp.com',
    full_domain: 'northwind.harvestapp.com',
    name: 'Northwind Studio',
    is_active: true,
    week_start_day: 'Monday',
    wants_timestamp_timers: false,
    time_format: 'hours_minutes',
    date_format: '%Y-%m-%d',
    plan_type: 'simple-v4',
    clock: '12h',
    decimal_symbol: '.',
    thousands_separator: ',',
    color_scheme: 'orange',
    weekly_capacity: 126000,
    expense_feature: true,
    invoice_feature: true,
    estimate_feature: true,
    approval_feature: true,
    ...overrides,
  };
}

export function sampleProjectAssignment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 125068554,
    is_project_manager: true,
    is_active: true,
    use_default_rates: true,
    budget: null,
    created_at: '2026-06-26T22:32:52Z',
    updated_at: '2026-06-26T22:32:52Z',
    hourly_rate: 100,
    project: { id: 14308069, name: 'Online Store - Phase 1', code: 'OS1' },
    client: { id: 5735776, name: '123 Industries' },
    task_assignments: [
      {
        id: 155505013,
        billable: true,
        is_active: true,
        created_at: '2026-06-26T21:36:23Z',
        updated_at: '2026-06-26T21:36:23Z',
        hourly_rate: 100,
        budget: null,
        task: { id: 8083365, name: 'Graphic Design' },
      },
    ],
    ...overrides,
  };
}

/** A list reply page in Harvest's format; `next` null marks the last page. */
export function listPage(key: string, items: unknown[], next: string | null, page: number | null = 1): Record<string, unknown> {
  return {
    [key]: items,
    per_page: 2000,
    total_pages: null,
    total_entries: null,
    next_page: null,
    previous_page: null,
    page,
    links: { first: 'https://api.harvestapp.com/v2/x?page=1', next, previous: null, last: 'https://api.harvestapp.com/v2/x' },
  };
}
