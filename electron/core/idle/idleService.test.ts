// The idle question end to end through the core's channels, against the Harvest simulator over
// HTTP, on a clock the test moves (shared by the core and the simulator).
import { afterEach, describe, expect, it } from 'vitest';
import type { IdleOutcome, IdleQuestion, ProjectChoice, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { at } from '../../../shared/testing/timeZone';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { harvestRequester } from '../../simulator/testing/harvestRequest';
import { startHarness, type Harness } from '../app/testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const DAY = '2026-11-20';
const TODAY = { from: DAY, to: DAY };

async function signedInAt(accountId: number, start: string) {
  let current = at(`${DAY} ${start}`).getTime();
  const clock = { set: (time: string) => (current = at(`${DAY} ${time}`).getTime()) };
  harness = await startHarness({ now: () => new Date(current) });
  await harness.signIn(SIMULATOR_TOKENS.multi, accountId);
  return { h: harness, clock };
}

const away = (from: string, to: string) => ({ from: at(`${DAY} ${from}`), to: at(`${DAY} ${to}`) });

describe('the idle question, duration account (Northwind Studio)', () => {
  it('asks when a timer ran through the time away, and “discard and continue” keeps only the worked hours', async () => {
    // The sample timer "Logo refinements" started at 10:48 on top of 0.5 h.
    const { h, clock } = await signedInAt(SIMULATOR_ACCOUNTS.duration, '11:00');
    clock.set('11:30');
    await h.core.reportIdle(away('11:05', '11:25'));

    const question = await h.call<IdleQuestion>('idle.question');
    expect(question.entry.notes).toBe('Logo refinements after client feedback');
    expect(question.idleMinutes).toBe(20);
    expect(h.eventsOf('idle.changed').at(-1)).toEqual(question);

    const outcome = await h.call<IdleOutcome>('idle.answer', { choice: 'discard-continue' });
    expect(outcome).toEqual({ changed: true, message: '20 min of idle time discarded; the timer goes on.' });
    const entry = (await h.call<TimeEntry[]>('entries.list', TODAY)).find((item) => item.id === question.entry.id);
    // 0.5 h + 17 min before idling + 5 min since coming back = 0.87 h, and it runs on.
    expect(entry).toMatchObject({ isRunning: true, hoursWithoutTimer: 0.87 });
    expect(await h.call('idle.question')).toBeNull();
    expect(h.eventsOf('idle.changed').at(-1)).toBeNull();
  });

  it('does not ask when idle time is off, the time away is under the threshold, or no timer ran', async () => {
    const { h, clock } = await signedInAt(SIMULATOR_ACCOUNTS.duration, '11:00');
    clock.set('11:30');
    await h.core.reportIdle(away('11:21', '11:29'));
    expect(await h.call('idle.question')).toBeNull();

    await h.call('settings.update', { idle: { enabled: false } });
    await h.core.reportIdle(away('11:05', '11:25'));
    expect(await h.call('idle.question')).toBeNull();

    await h.call('settings.update', { idle: { enabled: true, minutes: 5 } });
    await h.core.reportIdle(away('11:21', '11:29'));
    const running = await h.call<IdleQuestion>('idle.question');
    expect(running.idleMinutes).toBe(8);
    await h.call('idle.answer', { choice: 'keep' });

    await h.call('timer.stop', { id: running.entry.id });
    clock.set('12:00');
    await h.core.reportIdle(away('11:40', '11:55'));
    expect(await h.call('idle.question')).toBeNull();
    expect(h.eventsOf('idle.changed').filter((event) => event !== null)).toHaveLength(1);
  });

  it('a timer stopped elsewhere meanwhile is left as it is', async () => {
    const { h, clock } = await signedInAt(SIMULATOR_ACCOUNTS.duration, '11:00');
    clock.set('11:30');
    await h.core.reportIdle(away('11:05', '11:25'));
    const question = await h.call<IdleQuestion>('idle.question');

    // Stopped from Harvest's own web page before the user answered.
    clock.set('11:31');
    const stopped = await harvestRequester(h.sim).patch(`/time_entries/${question.entry.id}/stop`);
    expect(stopped.status).toBe(200);

    const outcome = await h.call<IdleOutcome>('idle.answer', { choice: 'discard-stop' });
    expect(outcome).toEqual({ changed: false, message: 'The timer was stopped elsewhere meanwhile, so nothing was changed.' });
    const entry = (await h.call<TimeEntry[]>('entries.list', TODAY)).find((item) => item.id === question.entry.id);
    // 0.5 h + 43 min up to the stop elsewhere: the idle time stays, as whoever stopped it left it.
    expect(entry).toMatchObject({ isRunning: false, hours: 1.22 });
  });

  it('Harvest refusing the first write changes nothing, and the question can be answered again', async () => {
    const { h, clock } = await signedInAt(SIMULATOR_ACCOUNTS.duration, '11:00');
    clock.set('11:30');
    await h.core.reportIdle(away('11:05', '11:25'));
    const question = await h.call<IdleQuestion>('idle.question');

    h.sim.knobs.failNext({ status: 422, body: { message: "This time entry can't be stopped right now" }, pathPrefix: `/v2/time_entries/${question.entry.id}/stop` });
    const refused = await h.fail('idle.answer', { choice: 'discard-stop' });
    expect(refused).toMatchObject({ kind: 'rejected', message: expect.stringContaining("can't be stopped") });
    expect(await h.call('idle.question')).toEqual(question);

    const outcome = await h.call<IdleOutcome>('idle.answer', { choice: 'discard-stop' });
    expect(outcome.changed).toBe(true);
    const entry = (await h.call<TimeEntry[]>('entries.list', TODAY)).find((item) => item.id === question.entry.id);
    // Stopped at the moment idling began: 0.5 h + 17 min.
    expect(entry).toMatchObject({ isRunning: false, hours: 0.78 });
  });
});

describe('the idle question, start/end-time account (Northwind Labs)', () => {
  it('“move” gives the idle span to a new entry on the chosen task, with the span’s times', async () => {
    // The sample timer "Checkout: shipping rates per region" started at 10:40.
    const { h, clock } = await signedInAt(SIMULATOR_ACCOUNTS.timestamp, '11:00');
    clock.set('11:30');
    await h.core.reportIdle(away('11:05', '11:25'));
    const question = await h.call<IdleQuestion>('idle.question');
    expect(question.entry).toMatchObject({ notes: 'Checkout: shipping rates per region', startedTime: '10:40' });
    const research = (await h.call<ProjectChoice[]>('choices.projects', {})).find((choice) => choice.projectName === 'Research & Prototypes');
    const admin = research?.tasks.find((task) => task.taskName === 'Admin');

    const outcome = await h.call<IdleOutcome>('idle.answer', {
      choice: 'move',
      projectId: research?.projectId,
      taskId: admin?.taskId,
      notes: 'Supplier call',
    });
    expect(outcome).toEqual({ changed: true, message: '20 min moved to a new entry; the timer goes on.' });

    const today = await h.call<TimeEntry[]>('entries.list', { from: toLocalDate(at(`${DAY} 12:00`)), to: DAY });
    const pick = (entry: TimeEntry) => [entry.notes, entry.startedTime, entry.endedTime, entry.isRunning];
    expect(today.filter((entry) => entry.notes !== null && /Checkout|Supplier/.test(entry.notes)).map(pick)).toEqual(
      expect.arrayContaining([
        ['Checkout: shipping rates per region', '10:40', '11:05', false],
        ['Supplier call', '11:05', '11:25', false],
        ['Checkout: shipping rates per region', '11:25', null, true],
      ]),
    );
    expect(today.filter((entry) => entry.isRunning)).toHaveLength(1);
  });
});
