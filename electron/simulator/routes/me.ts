// Endpoints every role may call: the current user, their project assignments (the project/task
// picker's source) and the company settings.
import { companyJson, projectAssignmentJson, userJson } from '../harvestShapes';
import { ok } from '../http';
import { listEnvelope, readPageWindow } from '../pagination';
import { route, type Route } from '../router';

export const meRoutes: Route[] = [
  route('GET', '/v2/users/me', ({ viewer }) => ok(userJson(viewer.user))),

  // Page-based, active assignments only, newest first. Nested task assignments include archived
  // ones: clients must filter them by is_active.
  route('GET', '/v2/users/me/project_assignments', ({ store, viewer, url, origin, pageSize }) => {
    const window = readPageWindow(url, pageSize, false);
    const assignments = store
      .userAssignments(viewer.user.id)
      .filter((assignment) => assignment.isActive)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .map((assignment) => projectAssignmentJson(store, viewer.account.id, assignment));
    return ok(listEnvelope({ key: 'project_assignments', items: assignments, window, url, origin, cursorPaged: false }));
  }),

  // Harvest's docs head this page "Admin permissions required", yet real clients call it as
  // Members and it answers; the app needs it for every role, so it is open here.
  route('GET', '/v2/company', ({ viewer }) => ok(companyJson(viewer.company))),
];
