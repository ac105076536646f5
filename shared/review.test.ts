import { describe, expect, it } from 'vitest';
import { timeEntry } from './testing/timeEntry';
import type { TimeEntry } from './domain';
import {
  dayTotal,
  findGapsAndOverlaps,
  projectTotals,
  runningPastMidnight,
  weekTotals,
} from './review';

let nextId = 1;
function entry(overrides: Partial<TimeEntry>): TimeEntry {
  return timeEntry({ id: nextId++, ...overrides });
}

function timed(startedTime: string, endedTime: string | null, overrides: Partial<TimeEntry> = {}) {
  return entry({ startedTime, endedTime, ...overrides });
}

const now = new Date('2026-11-21T12:00:00Z');

describe('dayTotal', () => {
  it('is zero for an empty day', () => {
    expect(dayTotal([], now)).toBe(0);
  });

  it('sums stopped hours and the live hours of a running timer', () => {
    const entries = [
      entry({ hours: 1.5 }),
      entry({ hours: 0.25 }),
      entry({
        isRunning: true,
        hours: 0.01,
        hoursWithoutTimer: 0.5,
        timerStartedAt: '2026-11-21T11:00:00Z',
      }),
    ];
    expect(dayTotal(entries, now)).toBeCloseTo(1.5 + 0.25 + 0.5 + 1, 10);
  });
});

describe('projectTotals', () => {
  it('groups by project, largest first, carrying the client name', () => {
    const website = { id: 10, name: 'Website', code: null };
    const app = { id: 11, name: 'Mobile app', code: 'APP' };
    const internal = { id: 12, name: 'Internal', code: null };
    const totals = projectTotals(
      [
        entry({ project: website, hours: 1 }),
        entry({ project: app, hours: 2 }),
        entry({ project: website, hours: 0.5 }),
        entry({ project: internal, client: null, hours: 3 }),
      ],
      now,
    );
    expect(totals).toEqual([
      { projectId: 12, projectName: 'Internal', clientName: null, hours: 3 },
      { projectId: 11, projectName: 'Mobile app', clientName: 'Acme', hours: 2 },
      { projectId: 10, projectName: 'Website', clientName: 'Acme', hours: 1.5 },
    ]);
  });

  it('counts a running timer at its live value', () => {
    const running = entry({
      isRunning: true,
      hours: 0,
      hoursWithoutTimer: 0,
      timerStartedAt: '2026-11-21T09:00:00Z',
      project: { id: 99, name: 'Support', code: null },
    });
    const totals = projectTotals([entry({ hours: 2 }), running], now);
    expect(totals[0]).toMatchObject({ projectId: 99, hours: 3 });
  });

  it('orders equal totals by name so the list does not jump around', () => {
    const totals = projectTotals(
      [
        entry({ project: { id: 2, name: 'Beta', code: null } }),
        entry({ project: { id: 1, name: 'Alpha', code: null } }),
      ],
      now,
    );
    expect(totals.map((total) => total.projectName)).toEqual(['Alpha', 'Beta']);
  });
});

describe('weekTotals', () => {
  it('gives one total per day asked for, zero where nothing was tracked, ignoring other days', () => {
    const days = ['2026-11-16', '2026-11-17', '2026-11-18'];
    const totals = weekTotals(
      [
        entry({ spentDate: '2026-11-16', hours: 2 }),
        entry({ spentDate: '2026-11-16', hours: 1 }),
        entry({ spentDate: '2026-11-18', hours: 4 }),
        entry({ spentDate: '2026-11-09', hours: 8 }),
      ],
      days,
      now,
    );
    expect(totals).toEqual([
      { date: '2026-11-16', hours: 3 },
      { date: '2026-11-17', hours: 0 },
      { date: '2026-11-18', hours: 4 },
    ]);
  });
});

describe('findGapsAndOverlaps', () => {
  it('finds nothing in a day of back-to-back entries', () => {
    expect(
      findGapsAndOverlaps(
        [timed('9:00am', '10:00am'), timed('10:00am', '12:00pm'), timed('12:00pm', '1:00pm')],
        now,
      ),
    ).toEqual([]);
  });

  it('reports a gap between entries, whatever order they come in', () => {
    const morning = timed('9:00am', '10:00am');
    const afternoon = timed('1:30pm', '5:00pm');
    expect(findGapsAndOverlaps([afternoon, morning], now)).toEqual([
      {
        kind: 'gap',
        from: '10:00am',
        to: '1:30pm',
        minutes: 210,
        start: 600,
        end: 810,
        entryIds: [morning.id, afternoon.id],
      },
    ]);
  });

  it('reports an overlap with its extent', () => {
    const first = timed('9:00', '11:00');
    const second = timed('10:30', '12:00');
    expect(findGapsAndOverlaps([first, second], now)).toEqual([
      { kind: 'overlap', from: '10:30', to: '11:00', minutes: 30, start: 630, end: 660, entryIds: [first.id, second.id] },
    ]);
  });

  it('reports an entry inside another as an overlap of its whole length, then no false gap', () => {
    const long = timed('9:00am', '5:00pm');
    const inside = timed('11:00am', '11:45am');
    const after = timed('5:00pm', '6:00pm');
    expect(findGapsAndOverlaps([long, inside, after], now)).toEqual([
      {
        kind: 'overlap',
        from: '11:00am',
        to: '11:45am',
        minutes: 45,
        start: 660,
        end: 705,
        entryIds: [long.id, inside.id],
      },
    ]);
  });

  it('leaves out entries without times, and compares only within a day', () => {
    expect(
      findGapsAndOverlaps(
        [timed('9:00am', '10:00am'), entry({ hours: 3 }), timed('2:00pm', '3:00pm', { spentDate: '2026-11-20' })],
        now,
      ),
    ).toEqual([]);
  });

  it("counts a running timer up to now: the gap before it is found, and nothing after it", () => {
    // A timestamp day as the sample account has it: two entries, then a timer started at 16:09.
    const at = new Date(2026, 10, 21, 16, 29);
    const first = timed('8:30', '10:00');
    const second = timed('10:15', '10:45');
    const running = timed('16:09', null, { isRunning: true, timerStartedAt: new Date(2026, 10, 21, 16, 9).toISOString() });
    const issues = findGapsAndOverlaps([running, first, second], at);
    expect(issues.map(({ kind, from, to, minutes }) => ({ kind, from, to, minutes }))).toEqual([
      { kind: 'gap', from: '10:00', to: '10:15', minutes: 15 },
      { kind: 'gap', from: '10:45', to: '16:09', minutes: 324 },
    ]);
    expect(issues[1]).toMatchObject({ start: 10 * 60 + 45, end: 16 * 60 + 9, entryIds: [second.id, running.id] });
  });

  it('reports a running timer started inside an earlier entry as an overlap up to that entry’s end', () => {
    const at = new Date(2026, 10, 21, 11, 0);
    const meeting = timed('9:00', '10:30');
    const running = timed('10:00', null, { isRunning: true });
    expect(findGapsAndOverlaps([meeting, running], at)).toEqual([
      { kind: 'overlap', from: '10:00', to: '10:30', minutes: 30, start: 600, end: 630, entryIds: [meeting.id, running.id] },
    ]);
  });

  it('treats an entry ending before it starts as running past midnight', () => {
    const late = timed('10:00pm', '1:00am');
    const earlier = timed('9:00pm', '10:30pm');
    expect(findGapsAndOverlaps([late, earlier], now)).toEqual([
      {
        kind: 'overlap',
        from: '10:00pm',
        to: '10:30pm',
        minutes: 30,
        start: 1320,
        end: 1350,
        entryIds: [earlier.id, late.id],
      },
    ]);
  });
});

describe('runningPastMidnight', () => {
  it('finds only running timers from an earlier day', () => {
    const forgotten = entry({ spentDate: '2026-11-20', isRunning: true });
    const monthAgo = entry({ spentDate: '2026-10-31', isRunning: true });
    const entries = [
      forgotten,
      monthAgo,
      entry({ spentDate: '2026-11-21', isRunning: true }),
      entry({ spentDate: '2026-11-20', isRunning: false }),
    ];
    expect(runningPastMidnight(entries, '2026-11-21')).toEqual([forgotten, monthAgo]);
  });
});
