import { describe, expect, it } from 'vitest';
import { localDate } from './clockTime';
import { buildWorld, FIRST_ENTRY_ID } from './sampleData';

describe('sample data', () => {
  it('dates the week by the local calendar, even just after local midnight', () => {
    const justAfterMidnight = new Date(2026, 6, 1, 0, 5);
    const world = buildWorld(justAfterMidnight, true);
    const dates = [...world.entries.values()].map((entry) => entry.spentDate);
    expect(dates).toContain('2026-07-01');
    expect(dates.every((date) => date >= '2026-06-24' && date <= '2026-07-01')).toBe(true);
    const running = [...world.entries.values()].filter((entry) => entry.timerStartedAt !== null);
    // Studio: mine; Labs: mine and a colleague's.
    expect(running).toHaveLength(3);
    expect(running.every((entry) => entry.timerStartedAt !== null && entry.timerStartedAt <= justAfterMidnight)).toBe(true);
  });

  it('gives start/end-time entries times and duration entries none', () => {
    const world = buildWorld(new Date(2026, 2, 11, 14, 0), true);
    for (const entry of world.entries.values()) {
      const timestamps = world.companies.get(entry.accountId)?.wantsTimestampTimers;
      expect(entry.startedTime !== null, `entry ${entry.id}`).toBe(timestamps);
    }
  });

  it('without sample data keeps accounts, people and projects but no entries', () => {
    const now = new Date(2026, 2, 11, 14, 0);
    const world = buildWorld(now, false);
    expect(world.entries.size).toBe(0);
    expect(world.nextEntryId).toBe(FIRST_ENTRY_ID);
    expect(world.projects.length).toBeGreaterThanOrEqual(5);
    expect(world.users.filter((user) => user.weeklyCapacity === 144_000)).toHaveLength(4);
    expect(localDate(now)).toBe('2026-03-11');
  });
});
