import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATOR_ACCOUNTS, startSimulator, type Simulator } from './index';
import { harvestRequester, type HarvestRequester } from './testing/harvestRequest';

interface Envelope {
  per_page: number;
  total_pages: number;
  total_entries: number;
  page: number | null;
  next_page: number | null;
  previous_page: number | null;
  links: { first: string; next: string | null; previous: string | null; last: string };
  [key: string]: unknown;
}

let sim: Simulator;
let studio: HarvestRequester;
let labs: HarvestRequester;
beforeAll(async () => {
  sim = await startSimulator();
  studio = harvestRequester(sim);
  labs = harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp });
});
beforeEach(() => sim.knobs.reset());
afterAll(() => sim.close());

/** Every page, following links.next like a well-behaved client. */
async function followAll(requester: HarvestRequester, path: string): Promise<Envelope[]> {
  const pages: Envelope[] = [];
  let reply = await requester.get(path);
  for (;;) {
    expect(reply.status).toBe(200);
    const page = reply.body as Envelope;
    pages.push(page);
    if (page.links.next === null) return pages;
    reply = await requester.getUrl(page.links.next);
  }
}

describe('page-based lists (/time_entries, /users/me/project_assignments)', () => {
  it('pages through every entry with absolute links and page numbers', async () => {
    const everything = (await studio.get('/time_entries')).body as Envelope & { time_entries: { id: number }[] };
    expect(everything).toMatchObject({ per_page: 2000, total_pages: 1, page: 1, next_page: null, previous_page: null });
    sim.knobs.setPageSize(4);
    const pages = await followAll(studio, '/time_entries?user_id=' + (await myId(studio)));
    expect(pages.length).toBe(Math.ceil(everything.total_entries / 4));
    expect(pages.flatMap((page) => (page.time_entries as { id: number }[]).map((entry) => entry.id))).toEqual(
      everything.time_entries.map((entry) => entry.id),
    );
    pages.forEach((page, index) => {
      expect(page).toMatchObject({
        per_page: 4,
        page: index + 1,
        total_pages: pages.length,
        next_page: index + 1 < pages.length ? index + 2 : null,
        previous_page: index === 0 ? null : index,
      });
    });
    const second = pages[1];
    expect(second?.links.first).toMatch(new RegExp(`^${sim.apiUrl}/time_entries\\?user_id=\\d+&page=1&per_page=4$`));
    expect(second?.links.previous).toContain('page=1');
    expect(second?.links.last).toContain(`page=${pages.length}`);
  });

  it('honours per_page up to the page-size cap and refuses per_page outside 1..2000 with 422', async () => {
    const small = (await studio.get('/time_entries?per_page=3')).body as Envelope;
    expect(small.per_page).toBe(3);
    expect((small.time_entries as unknown[]).length).toBe(3);
    for (const perPage of ['0', '2001', '-5', 'ten']) {
      const reply = await studio.get(`/time_entries?per_page=${perPage}`);
      expect(reply.status, perPage).toBe(422);
      expect(reply.body).toEqual({ message: expect.any(String) });
    }
  });

  it('returns only active project assignments, newest first, with task assignments that have no project key', async () => {
    sim.knobs.setPageSize(2);
    const pages = await followAll(studio, '/users/me/project_assignments');
    const assignments = pages.flatMap((page) => page.project_assignments as Record<string, unknown>[]);
    expect(pages[0]?.next_page).toBe(2);
    expect(assignments.map((a) => (a.project as { code: string }).code)).toEqual(['NW-OPS', 'GLH-PORTAL', 'HF-BRAND', 'ACM-APP', 'ACM-WEB']);
    expect(assignments.every((a) => a.is_active === true)).toBe(true);
    const taskAssignments = assignments.flatMap((a) => a.task_assignments as Record<string, unknown>[]);
    expect(taskAssignments.some((t) => 'project' in t)).toBe(false);
    expect(taskAssignments.filter((t) => t.is_active === false)).toHaveLength(1);
  });
});

describe('cursor-based lists (/projects, /clients, /tasks, /users)', () => {
  it('carries cursor links and leaves page numbers null on middle pages', async () => {
    const pages = await followAll(labs, '/tasks?per_page=2');
    expect(pages).toHaveLength(3);
    const [first, middle, last] = pages;
    expect(first).toMatchObject({ page: 1, next_page: 2, previous_page: null, total_pages: 3, total_entries: 5 });
    expect(middle).toMatchObject({ page: null, next_page: null, previous_page: null, total_pages: 3 });
    expect(last).toMatchObject({ page: 3, next_page: null, previous_page: 2 });
    expect(first?.links.next).toMatch(new RegExp(`^${sim.apiUrl}/tasks\\?cursor=[\\w-]+&per_page=2&ref=next_cursor$`));
    expect(middle?.links.previous).toMatch(/cursor=[\w-]+&per_page=2&ref=previous_cursor$/);
    const names = pages.flatMap((page) => (page.tasks as { name: string }[]).map((task) => task.name));
    expect(new Set(names)).toEqual(new Set(['Design', 'Development', 'Meetings', 'Project Management', 'Admin']));
  });

  it('caps per_page with the page-size knob and keeps filters in the links', async () => {
    sim.knobs.setPageSize(1);
    const pages = await followAll(labs, '/projects?is_active=true');
    expect(pages).toHaveLength(3);
    expect(pages[0]?.links.next).toContain('is_active=true');
    const clientId = ((pages[0]?.projects as { client: { id: number } }[])[0])?.client.id;
    const byClient = (await labs.get(`/projects?client_id=${clientId}`)).body as Envelope;
    expect(byClient.total_entries).toBe(1);
  });

  it('refuses an invalid cursor with 422', async () => {
    expect((await labs.get('/users?cursor=%%%')).status).toBe(422);
  });

  it('answers 403 with a message to a Member, and serves single records to an Administrator', async () => {
    for (const path of ['/projects', '/clients', '/tasks', '/users', '/projects/1']) {
      const reply = await studio.get(path);
      expect(reply.status, path).toBe(403);
      expect(reply.body).toEqual({ message: expect.any(String) });
    }
    const users = ((await labs.get('/users')).body as { users: { id: number; first_name: string }[] }).users;
    expect(users.map((user) => user.first_name).sort()).toEqual(['Jordan', 'Marcus']);
    const single = await labs.get(`/users/${users[0]?.id}`);
    expect(single).toMatchObject({ status: 200, body: { id: users[0]?.id } });
    const clients = ((await labs.get('/clients')).body as { clients: { id: number }[] }).clients;
    expect((await labs.get(`/clients/${clients[0]?.id}`)).status).toBe(200);
    expect((await labs.get('/clients/1')).status).toBe(404);
  });
});

async function myId(requester: HarvestRequester): Promise<number> {
  return ((await requester.get('/users/me')).body as { id: number }).id;
}
