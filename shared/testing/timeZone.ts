// Runs a test file in a chosen time zone (one with daylight saving, for the day arithmetic).
// Node re-reads TZ whenever it is assigned. Call at the top of the file: describe blocks build
// their dates while being collected, before any beforeAll runs.
import { afterAll } from 'vitest';

export function useTimeZone(zone: string): void {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

/** A local moment in the current zone, written as people read it: at('2026-11-20 9:30'). */
export function at(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`Not a local moment: ${text}`);
  const [, year, month, day, hours, minutes] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(year, month - 1, day, hours, minutes);
}
