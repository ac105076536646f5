// How long the review's figures take for one day of a year holding 2,000 entries: the day's and
// week's slices are taken from all of them, as the review view does with what it is given.
import { performance } from 'node:perf_hooks';
import { toLocalDate, weekDays } from '../../shared/localDate';
import {
  dayTotal,
  findGapsAndOverlaps,
  projectTotals,
  runningPastMidnight,
  weekTotals,
} from '../../shared/review';
import { median, type Figure } from './figures';
import { sampleYear } from './sampleYear';

export function reviewTiming(count = 2_000): Figure {
  const now = new Date();
  const today = toLocalDate(now);
  const entries = sampleYear(count, today, now);
  const run = () => {
    const week = weekDays(today, 'Monday');
    const day = entries.filter((entry) => entry.spentDate === today);
    dayTotal(day, now);
    projectTotals(day, now);
    findGapsAndOverlaps(day, now);
    weekTotals(entries, week, now);
    runningPastMidnight(entries, today);
    // The whole year at once too: the worst a review could be asked to do.
    projectTotals(entries, now);
    findGapsAndOverlaps(entries, now);
  };
  const timings: number[] = [];
  for (let round = 0; round < 21; round += 1) {
    const started = performance.now();
    run();
    timings.push(performance.now() - started);
  }
  const first = timings[0] ?? 0;
  return {
    name: `review figures, ${count} entries in a year`,
    value: Math.max(first, median(timings)),
    unit: 'ms',
    limit: 100,
    note: `first run ${first.toFixed(1)} ms, median ${median(timings).toFixed(2)} ms`,
  };
}
