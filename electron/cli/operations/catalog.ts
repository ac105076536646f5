// The operations of the seed documents (../shared/seeds), with their names, descriptions and
// parameters as the seeds give them, over the core's services: reads through the account's
// Harvest client, writes through the same entry and timer services as the popover.
import { AppFailure } from '../../../shared/errors';
import { toLocalDate } from '../../../shared/localDate';
import type { Paging } from '../../core/harvest/HarvestClient';
import { defineOperation, type Operation } from './operation';

/**
 * The seeds document "default: 100" for per_page. Harvest's own default is 2000; it matters only
 * when one page is asked for, and then the page an agent gets must be the one it was told about.
 */
const SEED_PER_PAGE = 100;

function paging(params: { page?: number | undefined; per_page?: number | undefined }): Paging {
  if (params.page === undefined) return params.per_page === undefined ? {} : { perPage: params.per_page };
  return { page: params.page, perPage: params.per_page ?? SEED_PER_PAGE };
}

function invalid(field: string, message: string): AppFailure {
  return new AppFailure({ kind: 'validation', field, message });
}

const activeFilter = (isActive: boolean | undefined) => (isActive === undefined ? {} : { isActive });

export const listTimeEntries = defineOperation({
  name: 'harvest_list_time_entries',
  description: 'List Harvest time entries with optional filters for user, client, project, and date range.',
  params: {
    user_id: { kind: 'id', description: 'Filter by user ID.' },
    client_id: { kind: 'id', description: 'Filter by client ID.' },
    project_id: { kind: 'id', description: 'Filter by project ID.' },
    is_billed: { kind: 'boolean', description: 'Filter by billed status (true/false).' },
    is_running: { kind: 'boolean', description: 'Filter to only running timers.' },
    from: { kind: 'date', description: 'Start date filter (YYYY-MM-DD).' },
    to: { kind: 'date', description: 'End date filter (YYYY-MM-DD).' },
    page: { kind: 'page', description: 'Page number (default: 1).' },
    per_page: { kind: 'perPage', description: 'Results per page (default: 100, max: 2000).' },
  },
  shows: 'entries',
  check: (params) => {
    if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
      throw invalid('from', `The start date ${params.from} comes after the end date ${params.to}.`);
    }
  },
  run: async ({ services }, params) => {
    // Without user_id an administrator would get everyone's entries: the seed's "current user".
    const userId = params.user_id ?? (await services.reference.me()).id;
    return services.call((client) =>
      client.listTimeEntries({
        userId,
        ...(params.client_id === undefined ? {} : { clientId: params.client_id }),
        ...(params.project_id === undefined ? {} : { projectId: params.project_id }),
        ...(params.is_billed === undefined ? {} : { isBilled: params.is_billed }),
        ...(params.is_running === undefined ? {} : { isRunning: params.is_running }),
        ...(params.from === undefined ? {} : { from: params.from }),
        ...(params.to === undefined ? {} : { to: params.to }),
        ...paging(params),
      }),
    );
  },
});

export const getTimeEntry = defineOperation({
  name: 'harvest_get_time_entry',
  description: 'Get a single Harvest time entry by its ID.',
  params: { id: { kind: 'id', description: 'The time entry ID.', required: true, positional: true } },
  shows: 'entry',
  run: ({ services }, { id }) => services.call((client) => client.getTimeEntry(id)),
});

export const createTimeEntry = defineOperation({
  name: 'harvest_create_time_entry',
  description: 'Create a new Harvest time entry for a project and task.',
  params: {
    project_id: { kind: 'id', description: 'Project ID to log time against.', required: true },
    task_id: { kind: 'id', description: 'Task ID to associate with the entry.', required: true },
    spent_date: { kind: 'date', description: 'Date the time was spent (YYYY-MM-DD).', required: true },
    hours: { kind: 'hours', description: 'Number of hours logged (e.g. 1.5).' },
    notes: { kind: 'text', description: 'Notes describing the time entry.' },
    timer_started_at: { kind: 'instant', description: 'ISO 8601 timestamp when the timer was started.' },
  },
  shows: 'entry',
  check: (params, today, now) => {
    if (params.hours !== undefined && params.timer_started_at !== undefined) {
      throw invalid('timer_started_at', 'Give either the hours or when the timer started, not both.');
    }
    if (params.hours === undefined && params.spent_date !== today) {
      throw invalid('hours', `Without hours a timer starts, and a timer can only run today (${today}).`);
    }
    if (params.timer_started_at !== undefined) {
      const startedAt = new Date(params.timer_started_at);
      if (startedAt.getTime() > now.getTime()) throw invalid('timer_started_at', 'The timer cannot start in the future.');
      if (toLocalDate(startedAt) !== params.spent_date) {
        throw invalid('timer_started_at', `A timer started then would not be on ${params.spent_date}, here.`);
      }
    }
  },
  run: async (session, params) => {
    const base = {
      projectId: params.project_id,
      taskId: params.task_id,
      spentDate: params.spent_date,
      ...(params.notes === undefined ? {} : { notes: params.notes }),
    };
    if (params.timer_started_at === undefined) {
      return session.answered(await session.writes.create({ ...base, ...(params.hours === undefined ? {} : { hours: params.hours }) }));
    }
    // A timer that began earlier: written the way the account records time (TimerService).
    const { spentDate: _today, ...timer } = base;
    void _today;
    return session.answered(await session.writes.start({ ...timer, startedAt: new Date(params.timer_started_at) }));
  },
});

export const updateTimeEntry = defineOperation({
  name: 'harvest_update_time_entry',
  description: 'Update an existing Harvest time entry (hours, notes, or spent_date).',
  params: {
    id: { kind: 'id', description: 'The time entry ID to update.', required: true, positional: true },
    hours: { kind: 'hours', description: 'Updated number of hours (e.g. 2.5).' },
    notes: { kind: 'text', description: 'Updated notes for the time entry.' },
    spent_date: { kind: 'date', description: 'Updated spent date (YYYY-MM-DD).' },
  },
  shows: 'entry',
  check: (params) => {
    if (params.hours === undefined && params.notes === undefined && params.spent_date === undefined) {
      throw invalid('hours', 'Nothing to change: give the hours, the notes or the spent date.');
    }
  },
  run: async (session, params) =>
    session.answered(
      await session.writes.update({
        id: params.id,
        patch: {
          ...(params.hours === undefined ? {} : { hours: params.hours }),
          ...(params.notes === undefined ? {} : { notes: params.notes }),
          ...(params.spent_date === undefined ? {} : { spentDate: params.spent_date }),
        },
      }),
    ),
});

export const deleteTimeEntry = defineOperation({
  name: 'harvest_delete_time_entry',
  description: 'Delete a Harvest time entry by its ID.',
  params: { id: { kind: 'id', description: 'The time entry ID to delete.', required: true, positional: true } },
  shows: 'deleted',
  run: async (session, { id }) => {
    await session.writes.delete({ id });
    session.sent(id);
    return { id, deleted: true };
  },
});

export const restartTimer = defineOperation({
  name: 'harvest_restart_timer',
  description:
    'Restart a stopped time entry timer in Harvest to continue tracking work time. Provide the time entry ID to resume recording hours for billing or project management.',
  params: { id: { kind: 'entryId', description: 'Time entry ID', required: true, positional: true } },
  shows: 'entry',
  // The popover's restart: a locked entry is refused, the user's running timer is stopped first,
  // and Harvest refuses an entry that already runs (its message is what the caller sees).
  run: async (session, { id }) => session.answered(await session.writes.restart({ id })),
});

export const stopTimer = defineOperation({
  name: 'harvest_stop_timer',
  description: 'Stop a running time entry timer in Harvest. Without an ID, stops the timer that runs now.',
  params: { id: { kind: 'entryId', description: 'Time entry ID (default: the running one)', positional: true } },
  shows: 'entry',
  run: async (session, { id }) => {
    const stopped = id === undefined ? await session.writes.stopRunning() : await session.writes.stop({ id });
    if (stopped === null) throw new AppFailure({ kind: 'not-found', message: 'No timer is running.' });
    return session.answered(stopped);
  },
});

export const listProjects = defineOperation({
  name: 'harvest_list_projects',
  description: 'List Harvest projects with optional filters for client and active status.',
  params: {
    client_id: { kind: 'id', description: 'Filter by client ID.' },
    is_active: { kind: 'boolean', description: 'Filter to active projects only.' },
    page: { kind: 'page', description: 'Page number (default: 1).' },
    per_page: { kind: 'perPage', description: 'Results per page (default: 100).' },
  },
  shows: 'projects',
  run: ({ services }, params) =>
    services.call((client) =>
      client.listProjects({
        ...(params.client_id === undefined ? {} : { clientId: params.client_id }),
        ...activeFilter(params.is_active),
        ...paging(params),
      }),
    ),
});

export const getProject = defineOperation({
  name: 'harvest_get_project',
  description: 'Get a single Harvest project by its ID.',
  params: { id: { kind: 'id', description: 'The project ID.', required: true, positional: true } },
  shows: 'project',
  run: ({ services }, { id }) => services.call((client) => client.getProject(id)),
});

export const listTasks = defineOperation({
  name: 'harvest_list_tasks',
  description: 'List Harvest tasks with optional active status filter.',
  params: {
    is_active: { kind: 'boolean', description: 'Filter to active tasks only.' },
    page: { kind: 'page', description: 'Page number (default: 1).' },
  },
  shows: 'tasks',
  run: ({ services }, params) =>
    services.call((client) => client.listTasks({ ...activeFilter(params.is_active), ...paging(params) })),
});

export const listClients = defineOperation({
  name: 'harvest_list_clients',
  description: 'List Harvest clients with optional active status filter.',
  params: {
    is_active: { kind: 'boolean', description: 'Filter to active clients only.' },
    page: { kind: 'page', description: 'Page number (default: 1).' },
  },
  shows: 'clients',
  run: ({ services }, params) =>
    services.call((client) => client.listClients({ ...activeFilter(params.is_active), ...paging(params) })),
});

export const listUsers = defineOperation({
  name: 'harvest_list_users',
  description: 'List Harvest users with optional active status filter.',
  params: {
    is_active: { kind: 'boolean', description: 'Filter to active users only.' },
    page: { kind: 'page', description: 'Page number (default: 1).' },
    per_page: { kind: 'perPage', description: 'Results per page (default: 100).' },
  },
  shows: 'users',
  run: ({ services }, params) =>
    services.call((client) => client.listUsers({ ...activeFilter(params.is_active), ...paging(params) })),
});

export const getUser = defineOperation({
  name: 'harvest_get_user',
  description: 'Get a single Harvest user by their ID.',
  params: { id: { kind: 'id', description: 'The user ID.', required: true, positional: true } },
  shows: 'user',
  run: ({ services }, { id }) => services.call((client) => client.getUser(id)),
});

export const getCurrentUser = defineOperation({
  name: 'harvest_get_current_user',
  description: 'Get the currently authenticated Harvest user profile.',
  params: {},
  shows: 'user',
  run: ({ services }) => services.call((client) => client.getMe()),
});

/** The global shortcut's action (not a seed operation: the command line's `timer quick-restart`). */
export const quickRestart = defineOperation({
  name: 'quick_restart',
  description:
    'Stop the running timer; otherwise restart the entry last worked on today, or start it anew today when it is from an earlier day.',
  params: {},
  shows: 'entry',
  run: async (session) => {
    const result = await session.writes.quickRestart();
    if (result.entry === null) {
      throw new AppFailure({ kind: 'not-found', message: 'Nothing to restart: no time entries in the last 30 days.' });
    }
    return session.answered(result.entry);
  },
});

/** The fourteen tools of the MCP server, in the order the seeds list them. */
export const seedOperations: Operation[] = [
  listTimeEntries,
  getTimeEntry,
  createTimeEntry,
  updateTimeEntry,
  deleteTimeEntry,
  restartTimer,
  stopTimer,
  listProjects,
  getProject,
  listTasks,
  listClients,
  listUsers,
  getUser,
  getCurrentUser,
];
