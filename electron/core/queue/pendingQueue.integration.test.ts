// The pending-changes queue through the core's handlers, against the simulator over real HTTP:
// changes made while Harvest cannot be reached are kept, shown, and sent once it can, exactly once
// and with the moments they were made.
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingChange, ProjectChoice, SyncState, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { settle, startHarness, type Harness } from '../app/testing/coreHarness';
import { drained, FAR_DAY, fastQueue, inHarvest, MINUTE, until } from './testing/queueHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

let offset = 0;
const now = () => new Date(Date.now() + offset);

async function signedIn(accountId: number = SIMULATOR_ACCOUNTS.duration, landingMs = 200) {
  offset = 0;
  harness = await startHarness({ now, queueTuning: fastQueue(landingMs) });
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  const choices = await harness.call<ProjectChoice[]>('choices.projects', {});
  const project = choices[0];
  const task = project?.tasks[0];
  if (!project || !task) throw new Error('The sample data has nowhere to log time.');
  return { h: harness, where: { projectId: project.projectId, taskId: task.taskId } };
}

describe('changes made while Harvest cannot be reached', () => {
  it('a timer started at 10:00 and stopped at 10:45 offline ends in Harvest with 0.75 h', async () => {
    const { h, where } = await signedIn();
    h.sim.knobs.setOffline(true);
    await h.fail('entries.list', FAR_DAY);
    const started = await h.call<TimeEntry>('timer.start', { ...where, notes: 'Offline planning' });
    expect(started.id).toBeLessThan(0);
    expect(started).toMatchObject({ isRunning: true, pending: { status: { state: 'waiting' } } });
    offset += 45 * MINUTE;
    const stopped = await h.call<TimeEntry>('timer.stop', { id: started.id });
    expect(stopped).toMatchObject({ isRunning: false, hours: 0.75 });

    const sync = await h.call<SyncState>('sync.get');
    expect(sync.online).toBe(false);
    expect(sync.pending).toBeGreaterThanOrEqual(1);
    expect((await readdir(h.config.dataDir)).some((name) => name.startsWith('pending-changes-'))).toBe(true);
    const day = toLocalDate(now());
    const shown = await h.call<TimeEntry[]>('entries.list', { from: day, to: day });
    expect(shown.find((entry) => entry.id === started.id)?.pending?.status.state).toBe('waiting');

    // Harvest is back: later than the moments recorded, which is the point.
    offset += 30 * MINUTE;
    h.sim.knobs.setOffline(false);
    await h.core.refresh();
    await drained(h);
    const made = await inHarvest(h, 'Offline planning');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ hours: 0.75, is_running: false });
    const after = await h.call<TimeEntry[]>('entries.list', { from: day, to: day });
    expect(after.some((entry) => entry.id < 0 || entry.pending !== undefined)).toBe(false);
    expect((await h.call<SyncState>('sync.get')).pending).toBe(0);
  });

  it('a create whose answer was lost waits, is found by its external reference, and is not sent twice', async () => {
    const { h, where } = await signedIn();
    h.sim.knobs.failNext({ drop: true, afterWrite: true, pathPrefix: '/v2/time_entries' });
    const kept = await h.call<TimeEntry>('entries.create', {
      ...where,
      spentDate: toLocalDate(now()),
      hours: 1.5,
      notes: 'Answer lost on the way',
    });
    expect(kept.pending?.status.state).toBe('checking');
    expect(kept.pending?.status.message).toMatch(/may already have/);
    await drained(h);
    expect(await inHarvest(h, 'Answer lost on the way')).toHaveLength(1);
  });

  it('while a create whose answer was lost is checked, the day shows Harvest’s entry once, with what was kept since', async () => {
    // A landing wait longer than the test: the create stays in the queue, being checked, throughout.
    const { h, where } = await signedIn(SIMULATOR_ACCOUNTS.duration, 60_000);
    h.sim.knobs.failNext({ drop: true, afterWrite: true, pathPrefix: '/v2/time_entries' });
    const day = toLocalDate(now());
    const kept = await h.call<TimeEntry>('entries.create', { ...where, spentDate: day, hours: 1.5, notes: 'Shown once' });
    expect(kept).toMatchObject({ hours: 1.5, pending: { status: { state: 'checking' } } });
    // Changed from the popover's row, which holds the provisional id: kept behind the create.
    await h.call<TimeEntry>('entries.update', { id: kept.id, patch: { hours: 2 } });
    expect(await h.call<PendingChange[]>('queue.list')).toHaveLength(2);
    expect(await inHarvest(h, 'Shown once')).toMatchObject([{ hours: 1.5 }]);

    // A moment later (the sign-in's reading no longer answers for the day), Harvest is read afresh.
    offset += MINUTE;
    await h.core.refresh();
    expect((await h.call<SyncState>('sync.get')).online).toBe(true);
    const shown = (await h.call<TimeEntry[]>('entries.list', { from: day, to: day })).filter((entry) => entry.notes === 'Shown once');
    expect(shown.map((entry) => [entry.id > 0, entry.hours])).toEqual([[true, 2]]);
    expect(shown[0]?.pending?.status.state).toBe('waiting');

    // Checked at last (the next start, with a short wait): found by its reference, not sent again.
    await h.core.dispose();
    const again = await h.restart({ queueTuning: fastQueue() });
    try {
      await drained(again);
      expect(await inHarvest(again, 'Shown once')).toMatchObject([{ id: shown[0]?.id, hours: 2 }]);
    } finally {
      await again.core.dispose();
    }
  });

  it('a create and a delete of the same entry while offline cancel out without a request', async () => {
    const { h, where } = await signedIn();
    h.sim.knobs.setOffline(true);
    // Known to be offline (a reading failed): the create is kept without a try, so it is only ours.
    await h.fail('entries.list', FAR_DAY);
    const kept = await h.call<TimeEntry>('entries.create', { ...where, spentDate: toLocalDate(now()), hours: 1, notes: 'Never mind' });
    await h.call('entries.delete', { id: kept.id });
    expect(await h.call<PendingChange[]>('queue.list')).toEqual([]);
    h.sim.knobs.setOffline(false);
    await h.core.refresh();
    await settle(100);
    expect(await inHarvest(h, 'Never mind')).toHaveLength(0);
  });

  it('an edit of an entry made offline waits for its create and then uses the real id', async () => {
    const { h, where } = await signedIn();
    h.sim.knobs.setOffline(true);
    const kept = await h.call<TimeEntry>('entries.create', { ...where, spentDate: toLocalDate(now()), hours: 1, notes: 'First words' });
    // A change while the create may be on its way is kept apart, behind it.
    h.sim.knobs.setOffline(false);
    await h.call('entries.update', { id: kept.id, patch: { notes: 'Second words', hours: 2 } });
    await drained(h);
    expect(await inHarvest(h, 'First words')).toHaveLength(0);
    expect(await inHarvest(h, 'Second words')).toMatchObject([{ hours: 2 }]);
  });

  it('a change Harvest refuses on replay is kept with Harvest’s reason until the user discards it', async () => {
    const { h } = await signedIn();
    const day = toLocalDate(now());
    const entry = (await h.call<TimeEntry[]>('entries.list', { from: day, to: day })).find((item) => !item.isLocked && !item.isRunning);
    if (!entry) throw new Error('The sample data has no entry today to edit.');
    h.sim.knobs.setOffline(true);
    await h.call('entries.update', { id: entry.id, patch: { notes: 'Refused later' } });
    h.sim.knobs.failNext({ status: 422, body: { message: 'Notes cannot say that' }, pathPrefix: `/v2/time_entries/${entry.id}` });
    h.sim.knobs.setOffline(false);
    await h.core.refresh();
    await until(async () => (await h.call<PendingChange[]>('queue.list'))[0]?.status.state === 'refused', 'the refusal');
    const [refused] = await h.call<PendingChange[]>('queue.list');
    expect(refused?.status).toMatchObject({ state: 'refused', message: 'Notes cannot say that', status: 422 });
    expect(await h.call<SyncState>('sync.get')).toMatchObject({ pending: 1, refused: 1 });
    const shown = await h.call<TimeEntry[]>('entries.list', { from: day, to: day });
    expect(shown.find((item) => item.id === entry.id)?.pending?.status.state).toBe('refused');

    expect(await h.call('queue.retry', { id: refused?.id })).toHaveLength(1);
    await drained(h);
    expect(await inHarvest(h, 'Refused later')).toHaveLength(1);
  });

  it('keeps its changes across a restart of the app and sends them then', async () => {
    const { h, where } = await signedIn();
    h.sim.knobs.setOffline(true);
    await h.call<TimeEntry>('entries.create', { ...where, spentDate: toLocalDate(now()), hours: 0.5, notes: 'Across a restart' });
    await h.core.dispose();
    h.sim.knobs.setOffline(false);
    const again = await h.restart();
    try {
      await until(async () => (await inHarvest(again, 'Across a restart')).length === 1, 'the change after the restart');
      await drained(again);
      expect(await inHarvest(again, 'Across a restart')).toHaveLength(1);
    } finally {
      await again.core.dispose();
    }
  });
});
