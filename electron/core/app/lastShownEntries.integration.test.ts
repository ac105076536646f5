// A day asked for while Harvest is away, with changes waiting, after the app started again: the
// core has read nothing from Harvest in this run, so the day is what the popover last showed
// (its query cache on disk), with the waiting changes laid over it; not the changes alone.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectChoice, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { startHarness, type Harness } from './testing/coreHarness';

const harnesses: Harness[] = [];
afterEach(async () => {
  // The restarted one first: the first owns the simulator and the data folder.
  for (const harness of harnesses.splice(0).reverse()) await harness.close();
});

/** A day no reading has cached: asking for it reaches for Harvest. */
const FAR_DAY = { from: '2020-01-06', to: '2020-01-06' };

/** The popover's snapshot as it saves one: its entries query for the day, and nothing else. */
function snapshotOf(day: string, entries: TimeEntry[]): string {
  const state = { data: entries, dataUpdatedAt: Date.now(), status: 'success' };
  return JSON.stringify({ savedAt: Date.now(), account: null, state: { mutations: [], queries: [{ queryKey: ['entries', day, day], state }] } });
}

describe('a day asked for offline after a restart, with a change waiting', () => {
  it('holds the entries the popover last showed, and the kept change marked', async () => {
    const first = await startHarness();
    harnesses.push(first);
    await first.signIn(SIMULATOR_TOKENS.multi, SIMULATOR_ACCOUNTS.duration);
    const day = toLocalDate(new Date());
    const today = { from: day, to: day };
    const shownBefore = await first.call<TimeEntry[]>('entries.list', today);
    expect(shownBefore.length).toBeGreaterThan(0);
    await first.call('queryCache.save', { snapshot: snapshotOf(day, shownBefore) });
    const [project] = await first.call<ProjectChoice[]>('choices.projects', {});
    const task = project?.tasks[0];
    if (!project || !task) throw new Error('The sample data has nowhere to log time.');

    first.sim.knobs.setOffline(true);
    await first.fail('entries.list', FAR_DAY);
    const kept = await first.call<TimeEntry>('entries.create', {
      projectId: project.projectId,
      taskId: task.taskId,
      spentDate: day,
      hours: 1.5,
      notes: 'Kept across a restart',
    });
    await first.core.dispose();

    const again = await first.restart();
    harnesses.push(again);
    const shown = await again.call<TimeEntry[]>('entries.list', today);
    expect(shown.map((entry) => entry.id).sort()).toEqual([...shownBefore.map((entry) => entry.id), kept.id].sort());
    // Tried once on the start (the simulator's offline drops it after it was sent): 'checking'.
    expect(shown.find((entry) => entry.id === kept.id)?.pending?.status.state).toMatch(/^(waiting|checking)$/);
  });
});
