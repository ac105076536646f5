// A year of believable work for the review benchmark: working days of eight or so entries each,
// with start and end times (so gap and overlap detection has real work), one timer running.
import type { LocalDate, TimeEntry } from '../../shared/domain';
import { formatClockTime } from '../../shared/clockTime';
import { addDays } from '../../shared/localDate';

const PROJECTS = Array.from({ length: 24 }, (_, index) => ({
  id: 1000 + index,
  name: `Project ${index + 1}`,
  code: `P${index + 1}`,
  client: index % 5 === 0 ? null : { id: 500 + (index % 7), name: `Client ${(index % 7) + 1}` },
}));

/** `count` entries on the days up to and including `lastDay`, about eight a day. */
export function sampleYear(count: number, lastDay: LocalDate, now: Date): TimeEntry[] {
  const entries: TimeEntry[] = [];
  let seed = 42;
  // A fixed pseudo-random sequence: the same figures every run, so runs compare.
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let day = 0; entries.length < count; day += 1) {
    const spentDate = addDays(lastDay, -day);
    let clock = 8 * 60 + Math.floor(random() * 60);
    for (let slot = 0; slot < 8 && entries.length < count; slot += 1) {
      const minutes = 15 + Math.floor(random() * 90);
      // Now and then an entry starts a little early (overlap) or late (gap).
      const start = clock + Math.floor(random() * 30) - 10;
      const end = start + minutes;
      clock = end;
      const project = PROJECTS[Math.floor(random() * PROJECTS.length)] ?? PROJECTS[0];
      if (!project) throw new Error('no projects');
      const running = day === 0 && slot === 0;
      entries.push({
        id: 2_400_000_001 + entries.length,
        spentDate,
        hours: minutes / 60,
        hoursWithoutTimer: minutes / 60,
        notes: `Work item ${entries.length}`,
        isRunning: running,
        timerStartedAt: running ? new Date(now.getTime() - 20 * 60_000).toISOString() : null,
        startedTime: formatClockTime(start, '12h'),
        endedTime: running ? null : formatClockTime(end, '12h'),
        isLocked: day > 30,
        lockedReason: day > 30 ? 'Item Approved and Locked for this Time Period' : null,
        billable: project.client !== null,
        client: project.client,
        project: { id: project.id, name: project.name, code: project.code },
        task: { id: 1, name: 'Development' },
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
  }
  return entries;
}
