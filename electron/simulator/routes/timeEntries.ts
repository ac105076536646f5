// /v2/time_entries: list (page-based), read, create, update, delete, restart and stop.
import { timeEntryJson } from '../harvestShapes';
import { ok } from '../http';
import { listEnvelope, readPageWindow } from '../pagination';
import { route, type Route, type RouteContext } from '../router';
import { listEntries, parseTimeEntryFilter } from '../timeEntryQuery';
import { createEntry, deleteEntry, findVisibleEntry, restartEntry, stopEntry, updateEntry } from '../timeEntryRules';

const entryId = ({ ids }: RouteContext): number => ids[0] ?? 0;

export const timeEntryRoutes: Route[] = [
  route('GET', '/v2/time_entries', ({ store, viewer, url, origin, pageSize }) => {
    const filter = parseTimeEntryFilter(url);
    const window = readPageWindow(url, pageSize, false);
    const entries = listEntries(store, viewer, filter).map((entry) => timeEntryJson(store, entry));
    return ok(listEnvelope({ key: 'time_entries', items: entries, window, url, origin, cursorPaged: false }));
  }),
  route('GET', '/v2/time_entries/:id', (context) =>
    ok(timeEntryJson(context.store, findVisibleEntry(context.store, context.viewer, entryId(context)))),
  ),
  route('POST', '/v2/time_entries', ({ store, viewer, body }) => ok(timeEntryJson(store, createEntry(store, viewer, body)), 201)),
  route('PATCH', '/v2/time_entries/:id', (context) =>
    ok(timeEntryJson(context.store, updateEntry(context.store, context.viewer, entryId(context), context.body))),
  ),
  // Harvest answers a successful delete with 200 and no body.
  route('DELETE', '/v2/time_entries/:id', (context) => {
    deleteEntry(context.store, context.viewer, entryId(context));
    return { status: 200 };
  }),
  route('PATCH', '/v2/time_entries/:id/restart', (context) =>
    ok(timeEntryJson(context.store, restartEntry(context.store, context.viewer, entryId(context)))),
  ),
  route('PATCH', '/v2/time_entries/:id/stop', (context) =>
    ok(timeEntryJson(context.store, stopEntry(context.store, context.viewer, entryId(context)))),
  ),
];
