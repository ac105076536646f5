import { describe, expect, it } from 'vitest';
import { rangeForHours, rangeFromStart } from './clockRange';

const at = (hours: number, minutes: number) => new Date(2026, 10, 21, hours, minutes);

describe('rangeForHours', () => {
  it('ends today’s range now', () => {
    expect(rangeForHours({ hours: 1.5, isToday: true, now: at(14, 30), clock: '12h' })).toEqual({
      startedTime: '1:00pm',
      endedTime: '2:30pm',
    });
  });

  it('starts another day’s range at 9:00', () => {
    expect(rangeForHours({ hours: 2, isToday: false, now: at(14, 30), clock: '24h' })).toEqual({
      startedTime: '9:00',
      endedTime: '11:00',
    });
  });

  it('never crosses midnight', () => {
    expect(rangeForHours({ hours: 3, isToday: true, now: at(1, 0), clock: '24h' })).toEqual({
      startedTime: '0:00',
      endedTime: '3:00',
    });
    expect(rangeForHours({ hours: 20, isToday: false, now: at(1, 0), clock: '24h' })).toEqual({
      startedTime: '3:59',
      endedTime: '23:59',
    });
  });
});

describe('rangeFromStart', () => {
  it('keeps the start and moves the end', () => {
    expect(rangeFromStart('8:00am', 1.25, '12h')).toEqual({ startedTime: '8:00am', endedTime: '9:15am' });
    expect(rangeFromStart(null, 1, '12h')).toBeNull();
  });
});
