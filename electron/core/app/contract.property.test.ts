// The whole contract under random use: valid and invalid payloads on every channel, sent through
// dispatch() to the real core against the simulator, one after another and in bursts at once (a
// double press, two windows). Afterwards Harvest holds exactly what the accepted calls imply (a
// model kept from their replies), at most the one timer the model says runs, every refusal came
// back as words, the same change asked for twice at once was made once, and no promise was left
// to reject unhandled.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type Channel, type Reply } from '../../../shared/contract';
import type { ProjectChoice, QuickRestartResult, TimeEntry } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { realSleep, SlidingWindowLimiter } from '../harvest/rateLimiter';
import { dispatch } from './dispatch';
import { startHarness } from './testing/coreHarness';

type Modelled = { spentDate: string; notes: string | null; projectId: number; taskId: number; running: boolean };
type Model = Map<number, Modelled>;
type Call = { channel: string; payload: unknown };
/** Calls sent at once; a single call is a step of one. */
type Step = Call[];

const today = () => toLocalDate(new Date());
/** A pair Harvest accepts, or (index past the end) ids no project or task has. */
type PairPick = number;

let sim: Simulator;
beforeAll(async () => {
  // Hundreds of requests in seconds: Harvest's limit is a separate concern, tested elsewhere.
  sim = await startSimulator({ rateLimit: { max: 1_000_000, windowMs: 15_000 } });
});
afterAll(async () => {
  await sim.close();
});

/** Harvest's own record of my entries, read straight from the simulator. */
async function harvestState(accountId: number): Promise<Model> {
  const harvest = harvestRequester(sim, { accountId });
  const me = (await harvest.get('/users/me')).body as { id: number };
  const body = (await harvest.get(`/time_entries?user_id=${me.id}&per_page=2000`)).body as {
    time_entries: Array<{ id: number; spent_date: string; notes: string | null; project: { id: number }; task: { id: number }; is_running: boolean }>;
  };
  return new Map(
    body.time_entries.map((entry) => [
      entry.id,
      { spentDate: entry.spent_date, notes: entry.notes, projectId: entry.project.id, taskId: entry.task.id, running: entry.is_running },
    ]),
  );
}

function remember(model: Model, entry: TimeEntry): void {
  if (entry.isRunning) for (const other of model.values()) other.running = false;
  model.set(entry.id, {
    spentDate: entry.spentDate,
    notes: entry.notes,
    projectId: entry.project.id,
    taskId: entry.task.id,
    running: entry.isRunning,
  });
}

/** What an accepted call did to Harvest, by its reply. Refused calls change nothing. */
function apply(model: Model, call: Call, reply: Reply<unknown>): void {
  if (!reply.ok) return;
  const value = reply.value;
  switch (call.channel as Channel) {
    case 'entries.create':
    case 'entries.update':
    case 'timer.start':
    case 'timer.stop':
    case 'timer.restart':
      return remember(model, value as TimeEntry);
    case 'entries.delete':
      model.delete((value as { id: number }).id);
      return;
    case 'timer.quickRestart': {
      const result = value as QuickRestartResult;
      if (result.entry) remember(model, result.entry);
      return;
    }
    default:
      return;
  }
}

/** Random calls, valid and not, on every channel but the two that would leave this Harvest. */
function calls(accountId: number, pairs: Array<{ projectId: number; taskId: number }>, ids: number[]): fc.Arbitrary<Step[]> {
  const pair = fc.nat({ max: pairs.length }).map((index: PairPick) => pairs[index] ?? { projectId: 999_999, taskId: 888_888 });
  const validPair = fc.constantFrom(...pairs);
  const id = fc.oneof(fc.constantFrom(...ids), fc.integer({ min: 1, max: 3_000_000_000 }));
  const date = fc.oneof(
    fc.constant(today()),
    fc.constant(addDays(today(), -1)),
    fc.constantFrom('2000-01-01', '2025-02-30', '9999-12-31', '1900-01-01', 'yesterday', ''),
  );
  const hours = fc.oneof(fc.constantFrom(0, 0.25, 1.5, 8, 24, 0.0001, -1, 24.5), fc.double({ min: 0, max: 30, noNaN: true }));
  const notes = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant('שלום 😀 مرحبا'));
  const call = (channel: Channel, payload: fc.Arbitrary<unknown>) => payload.map((value) => ({ channel, payload: value }));

  const valid: Array<fc.Arbitrary<Call>> = [
    call('entries.create', fc.record({ projectId: fc.constant(0), taskId: fc.constant(0), spentDate: date, hours, notes: notes })
      .chain((fields) => pair.map((chosen) => ({ ...fields, ...chosen })))),
    // Without hours on today a timer starts, on a pair Harvest takes or one it refuses (as for a
    // project archived since the list was cached): a refused start leaves the running timer be.
    call('entries.create', fc.tuple(pair, notes).map(([chosen, text]) => ({ ...chosen, spentDate: today(), notes: text }))),
    call('timer.start', fc.tuple(pair, fc.option(notes, { nil: undefined })).map(([chosen, text]) => ({ ...chosen, ...(text === undefined ? {} : { notes: text }) }))),
    call('entries.update', fc.record({ id, patch: fc.record({ notes, hours, spentDate: date }, { requiredKeys: [] }) })),
    call('entries.update', fc.tuple(id, pair).map(([entryId, chosen]) => ({ id: entryId, patch: chosen }))),
    call('entries.delete', fc.record({ id })),
    call('timer.stop', fc.record({ id })),
    call('timer.restart', fc.record({ id })),
    call('timer.quickRestart', fc.constant({})),
    call('entries.list', fc.record({ from: date, to: date })),
    call('settings.update', fc.record({ hoursDisplay: fc.constantFrom('account', 'decimal', 'weeks') }, { requiredKeys: [] })),
    call('app.openExternal', fc.record({ url: fc.constantFrom('https://id.getharvest.com/', 'https://harvestapp.com.evil.example/', 'javascript:alert(1)') })),
    call('queryCache.save', fc.record({ snapshot: fc.string({ maxLength: 50 }) })),
    // Signing in again to the same account, or failing to: another account is another Harvest.
    call('session.signIn', fc.constantFrom({ token: 'wrong-token' }, { token: SIMULATOR_TOKENS.multi, accountId })),
    // With no idle question asked, an answer must change nothing in Harvest.
    call('idle.answer', fc.oneof(
      fc.constantFrom({ choice: 'keep' }, { choice: 'discard-continue' }, { choice: 'discard-stop' }),
      validPair.map((chosen) => ({ choice: 'move', ...chosen })),
    )),
    call('notices.dismiss', fc.record({ id: fc.string({ maxLength: 20 }) })),
    call('reminders.snooze', fc.record({ for: fc.constantFrom('15m', '1h', 'rest-of-day') })),
    call('shortcuts.recording', fc.record({ active: fc.boolean() })),
    call('session.listAccounts', fc.constantFrom({ token: 'wrong-token' }, { token: SIMULATOR_TOKENS.multi })),
    // Every channel that takes nothing, but the ones that would leave this account's Harvest.
    fc.constantFrom(...TAKING_NOTHING).map((channel) => ({ channel, payload: {} })),
  ];
  const readOnly = channelNames.filter((name) => !['session.startDemo', 'session.signIn', 'session.signOut'].includes(name));
  const anything = fc.oneof(fc.anything(), fc.constant(null), fc.constant({ id: 1, extra: true }));
  const invalid = fc.constantFrom(...channelNames).chain((channel) =>
    // Payloads the schemas refuse, on every channel (sign-out and the demo only so, or they would
    // leave this account); and the bare channel for the ones that take nothing.
    channel === 'session.startDemo' || channel === 'session.signOut'
      ? call(channel, fc.constant({ unexpected: 1 }))
      : call(channel, readOnly.includes(channel) ? fc.oneof(anything, fc.constant({})) : anything),
  );
  const unknown = call('nonsense.channel' as Channel, fc.constant({}));
  const single = fc
    .oneof({ weight: 6, arbitrary: fc.oneof(...valid) }, { weight: 2, arbitrary: invalid }, { weight: 1, arbitrary: unknown })
    .map((one): Step => [one]);
  // Changes to entries and timers at once: the same one repeated (a double press) or different ones.
  const burstable = fc.oneof(
    call('timer.quickRestart', fc.constant({})),
    call('timer.restart', fc.record({ id })),
    call('timer.stop', fc.record({ id })),
    call('timer.start', pair),
    call('entries.create', fc.record({ spentDate: date, hours }).chain((fields) => pair.map((chosen) => ({ ...fields, ...chosen })))),
    call('entries.update', fc.record({ id, patch: fc.record({ notes, hours }, { requiredKeys: [] }) })),
    call('entries.delete', fc.record({ id })),
    call('entries.list', fc.constant({ from: today(), to: today() })),
  );
  const repeated = fc.tuple(burstable, fc.integer({ min: 2, max: 6 })).map(([one, times]): Step => Array.from({ length: times }, () => one));
  const mixed = fc.array(burstable, { minLength: 2, maxLength: 4 });
  return fc.array(fc.oneof({ weight: 8, arbitrary: single }, { weight: 1, arbitrary: repeated }, { weight: 1, arbitrary: mixed }), {
    minLength: 1,
    maxLength: 16,
  });
}

/** Channels that take nothing and keep this account signed in, as their schemas say. */
const LEAVING_THIS_HARVEST = ['session.startDemo', 'session.signOut', 'accounts.use', 'accounts.remove'];
const TAKING_NOTHING = channelNames.filter(
  (name) => !LEAVING_THIS_HARVEST.includes(name) && channels[name].request.safeParse({}).success,
);

/**
 * The change a call joins when the same one is already on its way (the timer service's lanes):
 * asked for twice at once, it is made once and both callers get the one answer.
 */
function joinKey(call: Call): string | null {
  return ['timer.quickRestart', 'timer.restart', 'timer.stop'].includes(call.channel)
    ? `${call.channel} ${JSON.stringify(call.payload)}`
    : null;
}

/** Sends a step's calls at once; answers each reply in the order the calls were sent. */
async function send(handlers: Parameters<typeof dispatch>[0], step: Step): Promise<Array<Reply<unknown>>> {
  return Promise.all(step.map((one) => dispatch(handlers, one.channel, one.payload)));
}

describe('the whole contract, at random', () => {
  it('leaves Harvest as the accepted calls imply, with no stray timer and no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const limiter = new SlidingWindowLimiter({ max: 1_000_000, windowMs: 15_000, now: Date.now, sleep: realSleep });
    try {
      for (const accountId of [SIMULATOR_ACCOUNTS.duration, SIMULATOR_ACCOUNTS.timestamp]) {
        sim.knobs.reset();
        sim.knobs.setRateLimit(1_000_000, 15_000);
        const probe = await startHarness({ sim, rateLimiter: limiter });
        await probe.signIn(SIMULATOR_TOKENS.multi, accountId);
        const choices = await probe.call<ProjectChoice[]>('choices.projects');
        const pairs = choices.flatMap((choice) => choice.tasks.map((task) => ({ projectId: choice.projectId, taskId: task.taskId })));
        const ids = [...(await harvestState(accountId)).keys()];
        await probe.close();

        await fc.assert(
          fc.asyncProperty(calls(accountId, pairs, ids), async (sequence) => {
            sim.knobs.reset();
            sim.knobs.setRateLimit(1_000_000, 15_000);
            const harness = await startHarness({ sim, rateLimiter: limiter });
            try {
              await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
              const model = await harvestState(accountId);
              for (const step of sequence) {
                const replies = await send(harness.core.handlers, step);
                // Changes of one account take turns in the order they were asked for, so the
                // model follows the replies in that order; a call that joined another is not a
                // second change, and got the very same answer.
                const firstOfKey = new Map<string, Reply<unknown>>();
                step.forEach((one, index) => {
                  const reply = replies[index] as Reply<unknown>;
                  if (!reply.ok) expect(reply.error.message.length, one.channel).toBeGreaterThan(0);
                  if (one.channel === 'idle.answer' && reply.ok) expect(reply.value).toMatchObject({ changed: false });
                  const key = joinKey(one);
                  const joined = key === null ? undefined : firstOfKey.get(key);
                  if (joined !== undefined) return expect(reply, `${one.channel} joined`).toEqual(joined);
                  if (key !== null) firstOfKey.set(key, reply);
                  apply(model, one, reply);
                });
              }
              await harness.core.refresh();
              const harvest = await harvestState(accountId);
              expect([...harvest.entries()].sort(([a], [b]) => a - b)).toEqual([...model.entries()].sort(([a], [b]) => a - b));
              expect([...harvest.values()].filter((entry) => entry.running).length).toBeLessThanOrEqual(1);
            } finally {
              await harness.close();
            }
          }),
          { numRuns: 50, endOnFailure: true },
        );
      }
      // Background work a call started (a refresh, a stale-cache read) has had its turn by now.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 120_000);
});
