// Harvest's started_time / ended_time are local clock strings in the account's 12h or 24h format
// ("8:00am", "14:30"). This is the app's one grammar for them: the popover's fields, the contract
// every bridge parses with, and the Harvest simulator all read times here. A small regex reads
// both clocks: date-fns' parse would need one pattern per variant and silently accepts odd input,
// which we would rather refuse.
const CLOCK = /^(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$/;
const MINUTES_PER_DAY = 24 * 60;

/** Minutes after local midnight, or null when the text is not a time of day. */
export function parseClockTime(text: string): number | null {
  const match = CLOCK.exec(text.trim().toLowerCase());
  if (!match) return null;
  const [, hoursText = '', minutesText, meridiem] = match;
  const hours = Number(hoursText);
  const minutes = minutesText === undefined ? 0 : Number(minutesText);
  if (minutes > 59) return null;
  // "8" alone is ambiguous but common; "8m" is not a time.
  if (meridiem === undefined && /m\.?$/.test(text.trim().toLowerCase())) return null;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    return ((hours % 12) + (meridiem === 'p' ? 12 : 0)) * 60 + minutes;
  }
  if (hours > 23) return null;
  return hours * 60 + minutes;
}

/**
 * The time written as Harvest writes it, in the clock the text was written in ("9am" ->
 * "9:00am", "9" -> "9:00", "14:30" stays), or null when it is not a time of day.
 */
export function normalizeClockTime(text: string): string | null {
  const minutes = parseClockTime(text);
  if (minutes === null) return null;
  return formatClockTime(minutes, /[ap]\.?\s*m?\.?\s*$/i.test(text.trim()) ? '12h' : '24h');
}

export function formatClockTime(minutes: number, clock: '12h' | '24h'): string {
  const wrapped = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(wrapped / 60);
  const mm = String(wrapped % 60).padStart(2, '0');
  // Harvest writes the 24h clock without a leading zero ("8:00", "14:30"), like its 12h clock.
  if (clock === '24h') return `${hours}:${mm}`;
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${mm}${hours < 12 ? 'am' : 'pm'}`;
}
