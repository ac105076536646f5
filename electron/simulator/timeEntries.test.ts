import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATOR_ACCOUNTS, startSimulator, type Simulator } from './index';
import { LOCKED_REASON } from './sampleData';
import { harvestRequester, manualClock, type HarvestRequester } from './testing/harvestRequest';

interface Entry {
  id: number;
  spent_date: string;
  hours: number;
  hours_without_timer: number;
  is_running: boolean;
  timer_started_at: string | null;
  started_time: string | null;
  ended_time: string | null;
  is_locked: boolean;
  notes: string | null;
  user: { id: number; name: string };
  project: { id: number; code: string };
  task: { id: number; name: string };
}
interface Assignment {
  project: { id: number; code: string };
  task_assignments: { is_active: boolean; task: { id: number; name: string } }[];
}

let sim: Simulator;
let clock: ReturnType<typeof manualClock>;
let studio: HarvestRequester;
let labs: HarvestRequester;
const TODAY = '2026-03-11';

beforeEach(async () => {
  clock = manualClock();
  sim = await startSimulator({ now: clock.now });
  studio = harvestRequester(sim);
  labs = harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp });
});
afterEach(() => sim.close());

async function entries(requester: HarvestRequester, query = ''): Promise<Entry[]> {
  const reply = await requester.get(`/time_entries${query}`);
  expect(reply.status).toBe(200);
  return (reply.body as { time_entries: Entry[] }).time_entries;
}

/** Project and task ids by project code and task name, from the user's own assignments. */
async function choice(requester: HarvestRequester, code: string, taskName: string): Promise<{ project_id: number; task_id: number }> {
  const reply = await requester.get('/users/me/project_assignments');
  const assignment = (reply.body as { project_assignments: Assignment[] }).project_assignments.find((a) => a.project.code === code);
  const task = assignment?.task_assignments.find((t) => t.task.name === taskName);
  if (!assignment || !task) throw new Error(`no ${code}/${taskName}`);
  return { project_id: assignment.project.id, task_id: task.task.id };
}

async function runningEntries(requester: HarvestRequester, userId: number): Promise<Entry[]> {
  return entries(requester, `?user_id=${userId}&is_running=true`);
}

async function myId(requester: HarvestRequester): Promise<number> {
  return ((await requester.get('/users/me')).body as { id: number }).id;
}

describe('sample data', () => {
  it('has today three entries of mine, one of them a running timer, and one locked entry this week', async () => {
    const me = await myId(studio);
    const today = await entries(studio, `?user_id=${me}&from=${TODAY}&to=${TODAY}`);
    expect(today).toHaveLength(3);
    expect(today.filter((entry) => entry.is_running)).toHaveLength(1);
    const week = await entries(studio, `?user_id=${me}&from=2026-03-05&to=${TODAY}`);
    expect(week.filter((entry) => entry.is_locked).map((entry) => entry.spent_date)).toEqual(['2026-03-08']);
    expect(new Set(week.map((entry) => entry.spent_date)).size).toBeGreaterThanOrEqual(5);
    expect(week.some((entry) => entry.notes?.includes('\n'))).toBe(true);
  });

  it('sorts by spent_date, newest first, and uses ids beyond 32 bits', async () => {
    const all = await entries(studio);
    const dates = all.map((entry) => entry.spent_date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.every((entry) => entry.id > 2 ** 31)).toBe(true);
  });

  it('gives start/end-time entries local clock strings in the account clock (24h for Labs)', async () => {
    const today = await entries(labs, `?user_id=${await myId(labs)}&from=${TODAY}&to=${TODAY}`);
    expect(today.map((entry) => [entry.started_time, entry.ended_time, entry.hours])).toEqual([
      ['13:40', null, 0.33],
      ['10:15', '10:45', 0.5],
      ['8:30', '10:00', 1.5],
    ]);
  });
});

describe('visibility by role', () => {
  it('shows a Member only their own entries, and an Administrator everyone’s without user_id', async () => {
    const studioMe = await myId(studio);
    expect((await entries(studio)).every((entry) => entry.user.id === studioMe)).toBe(true);
    const labsRunning = await entries(labs, '?is_running=true');
    expect(new Set(labsRunning.map((entry) => entry.user.name))).toEqual(new Set(['Jordan Ellis', 'Marcus Webb']));
    expect(await runningEntries(labs, await myId(labs))).toHaveLength(1);
  });

  it('answers 404 when a Member asks for someone else’s entry by id', async () => {
    const colleagues = (await entries(harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp }))).filter(
      (entry) => entry.user.name === 'Marcus Webb',
    );
    expect(colleagues.length).toBeGreaterThan(0);
    // The same id from the Studio account (another account) is not found either.
    expect((await studio.get(`/time_entries/${colleagues[0]?.id}`)).status).toBe(404);
  });
});

describe('filters', () => {
  it('applies project_id, client_id, task_id, is_billed, updated_since, from and to', async () => {
    const { project_id, task_id } = await choice(studio, 'ACM-WEB', 'Design');
    const byProject = await entries(studio, `?project_id=${project_id}`);
    expect(byProject.length).toBeGreaterThan(0);
    expect(byProject.every((entry) => entry.project.id === project_id)).toBe(true);
    expect((await entries(studio, `?project_id=${project_id}&task_id=${task_id}`)).every((e) => e.task.id === task_id)).toBe(true);
    const project = (await labs.get(`/projects`)).body as { projects: { id: number; client: { id: number } }[] };
    const labsProject = project.projects[0];
    const byClient = await entries(labs, `?client_id=${labsProject?.client.id}`);
    expect(byClient.every((entry) => entry.project.id === labsProject?.id)).toBe(true);
    expect(await entries(studio, '?is_billed=true')).toEqual([]);
    expect((await entries(studio, '?from=2026-03-10&to=2026-03-10')).every((e) => e.spent_date === '2026-03-10')).toBe(true);
    clock.advanceMinutes(5);
    await studio.patch(`/time_entries/${byProject[0]?.id}`, { notes: 'touched' });
    const recent = await entries(studio, `?updated_since=${new Date(clock.now().getTime() - 60_000).toISOString()}`);
    expect(recent.map((entry) => entry.notes)).toEqual(['touched']);
  });

  it('answers 422 for malformed filters', async () => {
    for (const query of ['?from=2026-02-30', '?user_id=me', '?is_running=yes', '?updated_since=yesterday']) {
      expect((await studio.get(`/time_entries${query}`)).status).toBe(422);
    }
  });
});

describe('creating entries', () => {
  it('answers 422 with a message for missing or invalid fields', async () => {
    const valid = { ...(await choice(studio, 'ACM-WEB', 'Design')), spent_date: TODAY, hours: 1 };
    const archivedTask = await choice(studio, 'GLH-PORTAL', 'Meetings');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /Project can't be blank, Task can't be blank, Spent date can't be blank/],
      [{ ...valid, project_id: 999 }, /Project/],
      [{ ...valid, task_id: archivedTask.task_id + 1000 }, /Task/],
      [{ ...valid, ...archivedTask }, /archived/],
      [{ ...valid, hours: -1 }, /Hours/],
      [{ ...valid, hours: 24.5 }, /Hours/],
      [{ ...valid, spent_date: '2026-02-30' }, /Spent date/],
      [{ ...valid, spent_date: 'yesterday' }, /Spent date/],
      [{ ...valid, project_id: 'abc' }, /Project/],
    ];
    for (const [body, message] of cases) {
      const reply = await studio.post('/time_entries', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect((reply.body as { message: string }).message).toMatch(message);
    }
  });

  it('in duration mode saves hours, or starts a timer when hours are left out', async () => {
    const target = await choice(studio, 'ACM-APP', 'Development');
    const saved = await studio.post('/time_entries', { ...target, spent_date: TODAY, hours: 1.25, notes: 'Sprint review' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ hours: 1.25, is_running: false, timer_started_at: null, notes: 'Sprint review' });

    const started = await studio.post('/time_entries', { ...target, spent_date: TODAY });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ hours: 0, hours_without_timer: 0, is_running: true, timer_started_at: clock.now().toISOString().replace('.000Z', 'Z') });
  });

  it('accepts form-encoded bodies too', async () => {
    const target = await choice(studio, 'ACM-APP', 'Design');
    const response = await fetch(`${sim.apiUrl}/time_entries`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sim-token-multi',
        'Harvest-Account-Id': '100001',
        'User-Agent': 'T (t@t.t)',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ project_id: String(target.project_id), task_id: String(target.task_id), spent_date: TODAY, hours: '0.5' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ hours: 0.5 });
  });

  it('keeps one running timer per user: a new timer stops the running one and keeps its time', async () => {
    const me = await myId(studio);
    const [before] = await runningEntries(studio, me);
    expect(before).toMatchObject({ hours_without_timer: 0.5, hours: 0.7 }); // 0.5 h + 12 min
    clock.advanceMinutes(30);
    const started = await studio.post('/time_entries', { ...(await choice(studio, 'ACM-WEB', 'Meetings')), spent_date: TODAY });
    const running = await runningEntries(studio, me);
    expect(running.map((entry) => entry.id)).toEqual([(started.body as Entry).id]);
    const stopped = (await studio.get(`/time_entries/${before?.id}`)).body as Entry;
    expect(stopped).toMatchObject({ is_running: false, hours: 1.2, timer_started_at: null });
  });

  it('in start/end-time mode defaults started_time to now, runs without ended_time, computes hours from times', async () => {
    const target = await choice(labs, 'TWR-DASH', 'Design');
    const running = await labs.post('/time_entries', { ...target, spent_date: TODAY });
    expect(running.body).toMatchObject({ started_time: '14:00', ended_time: null, is_running: true, hours: 0 });
    const timed = await labs.post('/time_entries', { ...target, spent_date: TODAY, started_time: '9:00am', ended_time: '11:30am' });
    expect(timed.body).toMatchObject({ started_time: '9:00', ended_time: '11:30', hours: 2.5, is_running: false });
    const backwards = await labs.post('/time_entries', { ...target, spent_date: TODAY, started_time: '15:00', ended_time: '14:00' });
    expect(backwards.status).toBe(422);
    const nonsense = await labs.post('/time_entries', { ...target, spent_date: TODAY, started_time: '25:00' });
    expect(nonsense.status).toBe(422);
  });

  it('lets a Member create entries only for themselves', async () => {
    const target = await choice(studio, 'ACM-WEB', 'Design');
    const reply = await studio.post('/time_entries', { ...target, spent_date: TODAY, hours: 1, user_id: 3_401_222 });
    expect(reply.status).toBe(403);
  });
});

describe('running, restarting and stopping', () => {
  it('grows a running entry’s hours with the clock', async () => {
    const me = await myId(studio);
    const [running] = await runningEntries(studio, me);
    clock.advanceMinutes(60);
    expect(((await studio.get(`/time_entries/${running?.id}`)).body as Entry).hours).toBe(1.7);
  });

  it('in duration mode restarts the same entry on top of its hours', async () => {
    const me = await myId(studio);
    const [running] = await runningEntries(studio, me);
    const stopped = (await studio.patch(`/time_entries/${running?.id}/stop`)).body as Entry;
    expect(stopped).toMatchObject({ is_running: false, hours: 0.7, hours_without_timer: 0.7 });
    clock.advanceMinutes(10);
    const restarted = await studio.patch(`/time_entries/${running?.id}/restart`);
    expect(restarted.status).toBe(200);
    expect(restarted.body).toMatchObject({ id: running?.id, is_running: true, hours_without_timer: 0.7, hours: 0.7 });
    clock.advanceMinutes(18);
    expect(((await studio.get(`/time_entries/${running?.id}`)).body as Entry).hours).toBe(1);
  });

  it('in duration mode runs an entry created with hours on from them when restarted: hours_without_timer is what it was made with', async () => {
    const target = await choice(studio, 'ACM-APP', 'Development');
    const made = (await studio.post('/time_entries', { ...target, spent_date: TODAY, hours: 0.5, notes: 'Begun earlier' })).body as Entry;
    expect(made).toMatchObject({ is_running: false, hours: 0.5, timer_started_at: null });
    const restarted = await studio.patch(`/time_entries/${made.id}/restart`);
    expect(restarted.body).toMatchObject({
      id: made.id,
      is_running: true,
      hours: 0.5,
      hours_without_timer: 0.5,
      timer_started_at: clock.now().toISOString().replace('.000Z', 'Z'),
    });
    clock.advanceMinutes(15);
    expect((await studio.get(`/time_entries/${made.id}`)).body).toMatchObject({ hours: 0.75, hours_without_timer: 0.5, is_running: true });
  });

  it('in start/end-time mode runs a timer created with a started_time in the past from that time', async () => {
    const target = await choice(labs, 'TWR-DASH', 'Design');
    const made = (await labs.post('/time_entries', { ...target, spent_date: TODAY, started_time: '13:30' })).body as Entry;
    expect(made).toMatchObject({ is_running: true, started_time: '13:30', ended_time: null, hours: 0.5 });
  });

  it('in start/end-time mode answers a restart with a NEW entry and leaves the old one stopped', async () => {
    const me = await myId(labs);
    const stoppedToday = (await entries(labs, `?user_id=${me}&is_running=false&from=${TODAY}`))[0];
    expect(stoppedToday?.ended_time).not.toBeNull();
    const restarted = await labs.patch(`/time_entries/${stoppedToday?.id}/restart`);
    expect(restarted.status).toBe(200);
    const fresh = restarted.body as Entry;
    expect(fresh.id).not.toBe(stoppedToday?.id);
    expect(fresh).toMatchObject({ hours: 0, is_running: true, started_time: '14:00', ended_time: null, notes: stoppedToday?.notes });
    expect((await labs.get(`/time_entries/${stoppedToday?.id}`)).body).toMatchObject({ is_running: false, hours: stoppedToday?.hours });
    // ... and the timer that was running before is stopped, with an end time.
    const running = await runningEntries(labs, me);
    expect(running.map((entry) => entry.id)).toEqual([fresh.id]);
  });

  it('answers 422 to restarting a running entry or stopping a stopped one', async () => {
    const me = await myId(studio);
    const [running] = await runningEntries(studio, me);
    expect((await studio.patch(`/time_entries/${running?.id}/restart`)).status).toBe(422);
    const stopped = (await entries(studio, `?user_id=${me}&is_running=false`)).find((entry) => !entry.is_locked);
    const reply = await studio.patch(`/time_entries/${stopped?.id}/stop`);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ message: expect.any(String) });
  });

  it('stopping a start/end-time timer sets ended_time to now', async () => {
    const [running] = await runningEntries(labs, await myId(labs));
    clock.advanceMinutes(40);
    const stopped = await labs.patch(`/time_entries/${running?.id}/stop`);
    expect(stopped.body).toMatchObject({ is_running: false, started_time: '13:40', ended_time: '14:40', hours: 1 });
  });
});

describe('updating and deleting', () => {
  it('changes only the fields sent, and keeps a running duration timer running from corrected hours', async () => {
    const me = await myId(studio);
    const [running] = await runningEntries(studio, me);
    const reply = await studio.patch(`/time_entries/${running?.id}`, { hours: 2, notes: 'Logo refinements\nround 3' });
    expect(reply.body).toMatchObject({ hours: 2, hours_without_timer: 2, is_running: true, notes: 'Logo refinements\nround 3', project: running?.project });
    expect((await studio.patch(`/time_entries/${running?.id}`, { hours: 30 })).status).toBe(422);
  });

  it('recomputes hours from new times in start/end-time mode', async () => {
    const stopped = (await entries(labs, `?user_id=${await myId(labs)}&is_running=false&from=${TODAY}`))[0];
    const reply = await labs.patch(`/time_entries/${stopped?.id}`, { started_time: '9:00', ended_time: '12:15' });
    expect(reply.body).toMatchObject({ started_time: '9:00', ended_time: '12:15', hours: 3.25 });
  });

  it('deletes with 200 and an empty body, then the entry is gone', async () => {
    const [first] = (await entries(studio)).filter((entry) => !entry.is_locked);
    const reply = await studio.delete(`/time_entries/${first?.id}`);
    expect(reply).toMatchObject({ status: 200, body: null });
    expect(await studio.get(`/time_entries/${first?.id}`)).toMatchObject({ status: 404, body: { message: 'Not found' } });
  });

  it('answers 404 for unknown ids on every entry endpoint', async () => {
    for (const reply of [
      await studio.get('/time_entries/42'),
      await studio.patch('/time_entries/42', { notes: 'x' }),
      await studio.delete('/time_entries/42'),
      await studio.patch('/time_entries/42/restart'),
      await studio.patch('/time_entries/42/stop'),
    ]) {
      expect(reply).toMatchObject({ status: 404, body: { message: 'Not found' } });
    }
  });

  it('refuses to change a locked entry with 403', async () => {
    const locked = (await entries(studio)).find((entry) => entry.is_locked);
    expect(locked).toMatchObject({ locked_reason: LOCKED_REASON });
    for (const reply of [
      await studio.patch(`/time_entries/${locked?.id}`, { notes: 'edited' }),
      await studio.delete(`/time_entries/${locked?.id}`),
      await studio.patch(`/time_entries/${locked?.id}/restart`),
      await studio.patch(`/time_entries/${locked?.id}/stop`),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ message: expect.stringContaining(LOCKED_REASON) });
    }
    expect((await studio.get(`/time_entries/${locked?.id}`)).body).toMatchObject({ notes: locked?.notes });
  });
});
