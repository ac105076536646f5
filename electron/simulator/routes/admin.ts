// Reference data that needs Administrator or Manager rights: /projects, /clients, /tasks, /users
// with cursor pagination, and their single GETs. Members get 403, as in Harvest.
import * as z from 'zod';
import { clientJson, projectJson, taskJson, userJson } from '../harvestShapes';
import { forbidden, notFound, ok, unprocessable, type Reply } from '../http';
import { listEnvelope, readPageWindow } from '../pagination';
import { route, type Route, type RouteContext } from '../router';

function requireManager({ viewer }: RouteContext): void {
  if (viewer.user.accessRole === 'member') {
    throw forbidden('You do not have permission to perform this action. Administrator or Manager access is required.');
  }
}

const listFilterSchema = z.object({
  is_active: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  updated_since: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time')
    .optional(),
  client_id: z.coerce.number().int().positive().optional(),
});

interface Listable {
  id: number;
  isActive: boolean;
  updatedAt: Date;
}

function readListFilter(url: URL): z.infer<typeof listFilterSchema> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(listFilterSchema.shape)) {
    const value = url.searchParams.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = listFilterSchema.safeParse(raw);
  if (!parsed.success) throw unprocessable(`Invalid ${parsed.error.issues.map((issue) => String(issue.path[0])).join(', ')}`);
  return parsed.data;
}

/** Filters, sorts (newest first, as Harvest does) and wraps one cursor-paged list. */
function cursorList<T extends Listable>(
  context: RouteContext,
  key: string,
  items: T[],
  toJson: (item: T) => Record<string, unknown>,
  extraFilter: (item: T, filter: z.infer<typeof listFilterSchema>) => boolean = () => true,
): Reply {
  requireManager(context);
  const filter = readListFilter(context.url);
  const window = readPageWindow(context.url, context.pageSize, true);
  const since = filter.updated_since === undefined ? undefined : Date.parse(filter.updated_since);
  const selected = items
    .filter((item) => filter.is_active === undefined || item.isActive === filter.is_active)
    .filter((item) => since === undefined || item.updatedAt.getTime() >= since)
    .filter((item) => extraFilter(item, filter))
    .sort((a, b) => b.id - a.id)
    .map(toJson);
  return ok(listEnvelope({ key, items: selected, window, url: context.url, origin: context.origin, cursorPaged: true }));
}

function single<T>(context: RouteContext, find: (id: number) => T | undefined, toJson: (item: T) => Record<string, unknown>): Reply {
  requireManager(context);
  const item = find(context.ids[0] ?? 0);
  if (item === undefined) throw notFound();
  return ok(toJson(item));
}

export const adminRoutes: Route[] = [
  route('GET', '/v2/projects', (context) => {
    const { store, viewer } = context;
    const accountId = viewer.account.id;
    return cursorList(
      context,
      'projects',
      store.projects(accountId),
      (project) => projectJson(project, store.client(accountId, project.clientId)),
      (project, filter) => filter.client_id === undefined || project.clientId === filter.client_id,
    );
  }),
  route('GET', '/v2/projects/:id', (context) => {
    const accountId = context.viewer.account.id;
    return single(
      context,
      (id) => context.store.project(accountId, id),
      (project) => projectJson(project, context.store.client(accountId, project.clientId)),
    );
  }),
  route('GET', '/v2/clients', (context) => cursorList(context, 'clients', context.store.clients(context.viewer.account.id), clientJson)),
  route('GET', '/v2/clients/:id', (context) => single(context, (id) => context.store.client(context.viewer.account.id, id), clientJson)),
  route('GET', '/v2/tasks', (context) => cursorList(context, 'tasks', context.store.tasks(context.viewer.account.id), taskJson)),
  route('GET', '/v2/tasks/:id', (context) => single(context, (id) => context.store.task(context.viewer.account.id, id), taskJson)),
  route('GET', '/v2/users', (context) => cursorList(context, 'users', context.store.users(context.viewer.account.id), userJson)),
  route('GET', '/v2/users/:id', (context) => single(context, (id) => context.store.user(context.viewer.account.id, id), userJson)),
];
