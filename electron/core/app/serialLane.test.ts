import { describe, expect, it } from 'vitest';
import { SerialLane } from './serialLane';

/** A piece of work that ends when the test says so, recording when it started. */
function held(log: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const work = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialLane', () => {
  it('starts each piece of work only after the one before it has ended', async () => {
    const lane = new SerialLane();
    const log: string[] = [];
    const first = held(log, 'first');
    const second = held(log, 'second');
    const answers = [lane.run(first.work), lane.run(second.work)];
    await settle();
    expect(log).toEqual(['start first']);
    first.finish();
    await settle();
    expect(log).toEqual(['start first', 'start second']);
    second.finish();
    expect(await Promise.all(answers)).toEqual(['first', 'second']);
  });

  it('goes on after a failure, which only its own caller hears of', async () => {
    const lane = new SerialLane();
    const log: string[] = [];
    const failing = held(log, 'failing');
    const next = held(log, 'next');
    const failed = lane.run(failing.work);
    const after = lane.run(next.work);
    await settle();
    failing.fail(new Error('Harvest refused it'));
    await expect(failed).rejects.toThrow('Harvest refused it');
    await settle();
    next.finish();
    expect(await after).toBe('next');
  });

  it('joins a call to the same key while it is on its way, and runs it afresh once it has ended', async () => {
    const lane = new SerialLane();
    const log: string[] = [];
    const press = held(log, 'press');
    const presses = [lane.join('quick', press.work), lane.join('quick', press.work), lane.join('quick', press.work)];
    await settle();
    press.finish();
    expect(await Promise.all(presses)).toEqual(['press', 'press', 'press']);
    expect(log).toEqual(['start press']);

    const later = held(log, 'later');
    const again = lane.join('quick', later.work);
    await settle();
    later.finish();
    expect(await again).toBe('later');
    expect(log).toEqual(['start press', 'start later']);
  });

  it('gives every joined caller the failure, and leaves no rejection unheard', async () => {
    const lane = new SerialLane();
    const press = held([], 'press');
    const presses = [lane.join('quick', press.work), lane.join('quick', press.work)];
    await settle();
    press.fail(new Error('offline'));
    const results = await Promise.allSettled(presses);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('queues a key behind other work, and a join waits there with it', async () => {
    const lane = new SerialLane();
    const log: string[] = [];
    const stop = held(log, 'stop');
    const press = held(log, 'press');
    const stopped = lane.run(stop.work);
    const presses = [lane.join('quick', press.work), lane.join('quick', press.work)];
    await settle();
    expect(log).toEqual(['start stop']);
    stop.finish();
    await stopped;
    await settle();
    press.finish();
    expect(await Promise.all(presses)).toEqual(['press', 'press']);
    expect(log).toEqual(['start stop', 'start press']);
  });
});
