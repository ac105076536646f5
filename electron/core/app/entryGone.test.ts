// A change to an entry someone deleted elsewhere meanwhile: through dispatch() against the
// Harvest simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const today = () => toLocalDate(new Date());

async function withEntryDeletedElsewhere(pick: (entry: TimeEntry) => boolean): Promise<{ h: Harness; entry: TimeEntry }> {
  const h = await startHarness();
  harness = h;
  await h.signIn(SIMULATOR_TOKENS.multi, SIMULATOR_ACCOUNTS.duration);
  const entry = (await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() })).find(pick);
  if (!entry) throw new Error('sample data has no such entry today');
  const web = harvestRequester(h.sim, { token: SIMULATOR_TOKENS.single });
  expect((await web.delete(`/time_entries/${entry.id}`)).status).toBe(200);
  h.events.length = 0;
  return { h, entry };
}

describe('a change to an entry deleted elsewhere', () => {
  it('an edit is refused in plain words, and the entry leaves the popover and the tray', async () => {
    const { h, entry } = await withEntryDeletedElsewhere((item) => !item.isRunning);
    const error = await h.fail('entries.update', { id: entry.id, patch: { notes: 'Edited too late' } });
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/deleted in Harvest/);
    expect(error.message).not.toContain(String(entry.id));
    expect(h.eventsOf('entries.changed')).toEqual([{ dates: [entry.spentDate] }]);
    expect(h.core.lastEntry()?.id).not.toBe(entry.id);
  });

  it('stopping a timer deleted elsewhere says so, and the tray stops showing it', async () => {
    const { h, entry } = await withEntryDeletedElsewhere((item) => item.isRunning);
    expect(h.core.runningEntry()?.id).toBe(entry.id);
    const error = await h.fail('timer.stop', { id: entry.id });
    expect(error).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/deleted in Harvest/) });
    expect(h.core.runningEntry()).toBeNull();
    expect(h.eventsOf('timer.changed').at(-1)).toEqual({ running: null });
  });

  it('deleting an entry already deleted elsewhere is done, not an error', async () => {
    const { h, entry } = await withEntryDeletedElsewhere((item) => !item.isRunning);
    expect(await h.call('entries.delete', { id: entry.id })).toEqual({ id: entry.id });
    expect(h.eventsOf('entries.changed')).toEqual([{ dates: [entry.spentDate] }]);
  });

  it('other refusals keep their own words', async () => {
    const { h } = await withEntryDeletedElsewhere((item) => !item.isRunning);
    const kept = (await h.call<TimeEntry[]>('entries.list', { from: today(), to: today() })).find((item) => !item.isRunning);
    h.sim.knobs.failNext({ status: 422, body: { message: 'Notes are too long' }, pathPrefix: '/v2/time_entries/' });
    const error = await h.fail('entries.update', { id: kept?.id, patch: { notes: 'x' } });
    expect(error).toMatchObject({ kind: 'rejected', message: 'Notes are too long' });
    expect(h.core.lastEntry()).not.toBeNull();
  });
});
