// Listing and writing entries through dispatch() against the Harvest simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const today = () => toLocalDate(new Date());

async function signedIn(accountId: number = SIMULATOR_ACCOUNTS.duration): Promise<Harness> {
  harness = await startHarness();
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  return harness;
}

async function listDay(h: Harness, date: string): Promise<TimeEntry[]> {
  return h.call<TimeEntry[]>('entries.list', { from: date, to: date });
}

describe('entries.list', () => {
  it('lists only my entries of the day, newest first', async () => {
    const h = await signedIn();
    const entries = await listDay(h, today());
    expect(entries.map((entry) => entry.project.code).sort()).toEqual(['ACM-WEB', 'HF-BRAND', 'NW-OPS']);
    expect(entries.map((entry) => entry.notes)).not.toContain('Sprint planning');
    const created = entries.map((entry) => entry.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('sorts a week by day, newest first', async () => {
    const h = await signedIn();
    const entries = await h.call<TimeEntry[]>('entries.list', { from: addDays(today(), -6), to: today() });
    const days = entries.map((entry) => entry.spentDate);
    expect(days).toEqual([...days].sort().reverse());
    expect(entries).toHaveLength(13);
  });
});

describe('entries.create in a duration account', () => {
  it('saves hours on another day', async () => {
    const h = await signedIn();
    const [choice] = await h.call<Array<{ projectId: number; tasks: Array<{ taskId: number }> }>>('choices.projects');
    const yesterday = addDays(today(), -1);
    const entry = await h.call<TimeEntry>('entries.create', {
      projectId: choice?.projectId,
      taskId: choice?.tasks[0]?.taskId,
      spentDate: yesterday,
      hours: 1.5,
      notes: 'Review',
    });
    expect(entry).toMatchObject({ spentDate: yesterday, hours: 1.5, isRunning: false, notes: 'Review' });
    expect(h.eventsOf('entries.changed').at(-1)).toEqual({ dates: [yesterday] });
    expect((await listDay(h, yesterday)).map((item) => item.id)).toContain(entry.id);
  });

  it('starts a timer today when hours are left out, stopping the one that ran', async () => {
    const h = await signedIn();
    const before = await listDay(h, today());
    const previouslyRunning = before.find((entry) => entry.isRunning);
    const entry = await h.call<TimeEntry>('entries.create', {
      projectId: before[2]?.project.id,
      taskId: before[2]?.task.id,
      spentDate: today(),
    });
    expect(entry.isRunning).toBe(true);
    const after = await listDay(h, today());
    expect(after.filter((item) => item.isRunning).map((item) => item.id)).toEqual([entry.id]);
    expect(after.find((item) => item.id === previouslyRunning?.id)?.isRunning).toBe(false);
    expect(h.eventsOf('timer.changed').at(-1)?.running?.id).toBe(entry.id);
    expect(h.core.runningEntry()?.id).toBe(entry.id);
  });

  it('wants hours on another day, and sends nothing without them', async () => {
    const h = await signedIn();
    const [first] = await listDay(h, today());
    await h.call('account.company');
    const requests = h.sim.knobs.requestCount();
    const error = await h.fail('entries.create', {
      projectId: first?.project.id,
      taskId: first?.task.id,
      spentDate: addDays(today(), -2),
    });
    expect(error).toMatchObject({ kind: 'validation', field: 'hours' });
    expect(h.sim.knobs.requestCount()).toBe(requests);
  });
});

describe('entries.create in a start/end-time account', () => {
  it('turns typed hours into a start and end time', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const [first] = await listDay(h, today());
    const yesterday = addDays(today(), -1);
    const entry = await h.call<TimeEntry>('entries.create', {
      projectId: first?.project.id,
      taskId: first?.task.id,
      spentDate: yesterday,
      hours: 2,
    });
    expect(entry).toMatchObject({ hours: 2, isRunning: false, startedTime: expect.any(String), endedTime: expect.any(String) });
  });

  it('sends the start and end times given', async () => {
    const h = await signedIn(SIMULATOR_ACCOUNTS.timestamp);
    const [first] = await listDay(h, today());
    const entry = await h.call<TimeEntry>('entries.create', {
      projectId: first?.project.id,
      taskId: first?.task.id,
      spentDate: addDays(today(), -3),
      startedTime: '1:00pm',
      endedTime: '2:30pm',
    });
    expect(entry.hours).toBeCloseTo(1.5);
  });
});

describe('entries.update and entries.delete', () => {
  it('updates notes and tells the popover both days when the date moves', async () => {
    const h = await signedIn();
    const entries = await listDay(h, today());
    const target = entries.find((entry) => !entry.isRunning);
    const yesterday = addDays(today(), -1);
    const updated = await h.call<TimeEntry>('entries.update', {
      id: target?.id,
      patch: { notes: 'Moved', spentDate: yesterday, hours: 2 },
    });
    expect(updated).toMatchObject({ id: target?.id, notes: 'Moved', spentDate: yesterday, hours: 2 });
    expect(h.eventsOf('entries.changed').at(-1)).toEqual({ dates: [today(), yesterday] });
  });

  it('deletes an entry', async () => {
    const h = await signedIn();
    const [first] = await listDay(h, today());
    expect(await h.call('entries.delete', { id: first?.id })).toEqual({ id: first?.id });
    expect((await listDay(h, today())).map((entry) => entry.id)).not.toContain(first?.id);
    expect(h.eventsOf('timer.changed').length).toBeGreaterThan(0);
  });

  it('refuses to change or delete a locked entry without asking Harvest', async () => {
    const h = await signedIn();
    const week = await h.call<TimeEntry[]>('entries.list', { from: addDays(today(), -6), to: today() });
    const locked = week.find((entry) => entry.isLocked);
    expect(locked).toBeDefined();
    const requests = h.sim.knobs.requestCount();
    const update = await h.fail('entries.update', { id: locked?.id, patch: { notes: 'x' } });
    expect(update).toEqual({
      kind: 'locked',
      message: 'This entry cannot be changed: Item Approved and Locked for this Time Period',
    });
    expect((await h.fail('entries.delete', { id: locked?.id })).kind).toBe('locked');
    expect((await h.fail('timer.restart', { id: locked?.id })).kind).toBe('locked');
    expect(h.sim.knobs.requestCount()).toBe(requests);
  });
});

describe('reference data', () => {
  it('serves the account settings, me and projects from cache without a request', async () => {
    const h = await signedIn();
    const company = await h.call('account.company');
    const projects = await h.call<unknown[]>('choices.projects');
    const requests = h.sim.knobs.requestCount();
    expect(await h.call('account.company')).toEqual(company);
    expect(await h.call('choices.projects')).toEqual(projects);
    expect(await h.call('account.me')).toMatchObject({ firstName: 'Jordan' });
    expect(h.sim.knobs.requestCount()).toBe(requests);

    await h.call('choices.projects', { refresh: true });
    expect(h.sim.knobs.requestCount()).toBe(requests + 1);
  });

  it('keeps archived projects and tasks out of the picker', async () => {
    const h = await signedIn();
    const projects = await h.call<Array<{ projectName: string; tasks: Array<{ taskName: string }> }>>('choices.projects');
    const names = projects.map((project) => project.projectName);
    expect(names).not.toContain('Holiday Campaign 2023');
    expect(projects.find((project) => project.projectName === 'Patient Portal')?.tasks.map((task) => task.taskName)).not.toContain(
      'Meetings',
    );
  });
});

describe('sync state', () => {
  it('goes offline when Harvest cannot be reached, and back online after the next answer', async () => {
    const h = await signedIn();
    expect(await h.call('sync.get')).toMatchObject({ online: true, pending: 0 });
    h.sim.knobs.setOffline(true);
    // A day the sign-in's refresh did not read, so the list needs Harvest.
    const unread = addDays(today(), -60);
    expect((await h.fail('entries.list', { from: unread, to: unread })).kind).toBe('offline');
    expect(await h.call('sync.get')).toMatchObject({ online: false });
    expect(h.eventsOf('sync.changed').at(-1)).toMatchObject({ online: false });
    h.sim.knobs.setOffline(false);
    await h.call('entries.list', { from: unread, to: unread });
    const state = await h.call<{ online: boolean; lastSyncedAt: string | null }>('sync.get');
    expect(state.online).toBe(true);
    expect(state.lastSyncedAt).not.toBeNull();
    expect(h.eventsOf('sync.changed').at(-1)).toMatchObject({ online: true });
    // Still signed in: losing the connection is not losing the sign-in.
    expect(await h.call('session.get')).toMatchObject({ state: 'signed-in' });
  });
});
