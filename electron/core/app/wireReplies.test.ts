// The writes of the entry and timer services also answer with Harvest's own JSON of the entry
// (for the command line's --json and the MCP tools), through the same steps as the popover's
// writes: against the Harvest simulator over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { createHarvestClient } from '../harvest/createHarvestClient';
import type { WireTimeEntry } from '../harvest/wire';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { createAccountServices, type AccountServices } from './accountServices';
import { toAppFailure } from './failures';
import { toTimeEntry } from './mapping';
import { createMemoryStore } from './memory';
import { ReferenceCache } from './referenceCache';

let sim: Simulator;
let services: AccountServices;
const today = () => toLocalDate(new Date());

beforeEach(async () => {
  sim = await startSimulator();
  const client = createHarvestClient({
    apiUrl: sim.apiUrl,
    idUrl: sim.url,
    accessToken: SIMULATOR_TOKENS.multi,
    accountId: SIMULATOR_ACCOUNTS.duration,
  });
  services = createAccountServices({
    scope: { apiUrl: sim.apiUrl, accountId: SIMULATOR_ACCOUNTS.duration },
    cache: new ReferenceCache(createMemoryStore(), () => new Date()),
    call: (work) => work(client).catch((error: unknown) => Promise.reject(toAppFailure(error))),
    now: () => new Date(),
    emit: () => undefined,
  });
});
afterEach(async () => {
  await sim.close();
});

/** What Harvest says about the entry now, read apart from the services. */
async function harvestCopy(id: number): Promise<Record<string, unknown>> {
  const reply = await harvestRequester(sim).get(`/time_entries/${id}`);
  expect(reply.status).toBe(200);
  return reply.body as Record<string, unknown>;
}

/** The whole of Harvest's JSON: fields the app never reads are there too. */
async function expectHarvestJson(wire: WireTimeEntry): Promise<void> {
  const copy = await harvestCopy(wire.id);
  expect(Object.keys(wire).sort()).toEqual(Object.keys(copy).sort());
  expect(wire).toHaveProperty('user_assignment');
  expect(wire).toMatchObject({ id: copy.id, is_running: copy.is_running, notes: copy.notes, spent_date: copy.spent_date });
}

async function myEntriesToday(): Promise<WireTimeEntry[]> {
  const me = await services.reference.me();
  return services.call((client) => client.listTimeEntries({ userId: me.id, from: today(), to: today() }));
}

describe('writes answered with Harvest’s JSON', () => {
  it('create with hours, and update, answer with the entry as Harvest sent it', async () => {
    const [sample] = await myEntriesToday();
    if (sample === undefined) throw new Error('the sample data has entries today');
    const created = await services.entries.createWire({
      projectId: sample.project.id,
      taskId: sample.task.id,
      spentDate: addDays(today(), -1),
      hours: 1.25,
      notes: 'Written for a script',
    });
    expect(created).toMatchObject({ hours: 1.25, notes: 'Written for a script', is_running: false });
    await expectHarvestJson(created);

    const updated = await services.entries.updateWire({ id: created.id, patch: { notes: 'Edited', hours: 2 } });
    expect(updated).toMatchObject({ id: created.id, hours: 2, notes: 'Edited' });
    await expectHarvestJson(updated);
  });

  it('a timer started by create runs, and the one that ran before is stopped first', async () => {
    const entries = await myEntriesToday();
    const wasRunning = entries.find((entry) => entry.is_running);
    const other = entries.find((entry) => !entry.is_running);
    if (wasRunning === undefined || other === undefined) throw new Error('the sample data has a running timer today');
    const started = await services.entries.createWire({ projectId: other.project.id, taskId: other.task.id, spentDate: today() });
    expect(started.is_running).toBe(true);
    await expectHarvestJson(started);
    expect((await harvestCopy(wasRunning.id)).is_running).toBe(false);
  });

  it('stop and restart answer with the entry as Harvest sent it', async () => {
    const running = (await myEntriesToday()).find((entry) => entry.is_running);
    if (running === undefined) throw new Error('the sample data has a running timer today');
    const stopped = await services.timers.stopWire({ id: running.id });
    expect(stopped).toMatchObject({ id: running.id, is_running: false });
    await expectHarvestJson(stopped);
    const restarted = await services.timers.restartWire({ id: running.id });
    expect(restarted).toMatchObject({ id: running.id, is_running: true });
    await expectHarvestJson(restarted);
  });

  it('quick restart answers with what it did and the entry as Harvest sent it', async () => {
    const stopped = await services.timers.quickRestartWire();
    expect(stopped.action).toBe('stopped');
    expect(stopped.entry?.is_running).toBe(false);
    const restarted = await services.timers.quickRestartWire();
    expect(restarted.action).toBe('restarted');
    if (restarted.entry === null) throw new Error('quick restart restarted an entry');
    await expectHarvestJson(restarted.entry);
  });

  it('the popover’s writes still answer in the app’s own shape, the same entry', async () => {
    const running = (await myEntriesToday()).find((entry) => entry.is_running);
    if (running === undefined) throw new Error('the sample data has a running timer today');
    const stopped = await services.timers.stop({ id: running.id });
    expect(stopped).toEqual(toTimeEntry((await harvestCopy(running.id)) as unknown as WireTimeEntry));
    expect(stopped).not.toHaveProperty('is_running');
  });
});
