// Typed hours in every form people use, and hours shown the way the account (or the user) wants.
// Harvest's API always speaks decimal hours; `hours_minutes` only changes what people see.
import type { HoursDisplay, TimeFormat } from './domain';

export type ParsedHours =
  { kind: 'empty' } | { kind: 'hours'; hours: number } | { kind: 'invalid'; reason: string };

/** Harvest refuses more than a day on one entry, and so do we before anything is sent. */
const MAX_HOURS = 24;
const HINT = 'Type hours like 1.5, 1:30 or 1h 30m.';

/**
 * Harvest keeps hours to two decimals (0.01 h is 36 seconds) and rounds whatever it is sent.
 * Sending exactly what it will keep means the reply, the list and the total all agree.
 */
export function toHarvestHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export type HoursCheck = { ok: true; hours: number } | { ok: false; reason: string };

/**
 * The one rule for an amount of hours, wherever it comes from (typed in the popover, sent over
 * the bridge, given on the command line): 0 to 24, rounded to what Harvest keeps; an amount
 * that is more than nothing but rounds to nothing is refused rather than saved as 0.
 */
export function checkHours(hours: number): HoursCheck {
  if (!Number.isFinite(hours)) return { ok: false, reason: `Hours must be a number. ${HINT}` };
  if (hours < 0) return { ok: false, reason: 'Hours cannot be negative.' };
  if (hours > MAX_HOURS) return { ok: false, reason: 'An entry can hold at most 24 hours.' };
  const kept = toHarvestHours(hours);
  if (kept === 0 && hours > 0) {
    return {
      ok: false,
      reason: `${formatTiny(hours)} hours is less than Harvest records: the least it keeps is 0.01 hours (36 seconds).`,
    };
  }
  return { ok: true, hours: kept };
}

/**
 * Whether a timer may run again on an entry holding `hours`: the time it runs is added to them,
 * so an entry that already holds the most one entry can hold has no room left to grow.
 */
export function checkRoomToRun(hours: number): { ok: true } | { ok: false; reason: string } {
  if (toHarvestHours(hours) < MAX_HOURS) return { ok: true };
  return {
    ok: false,
    reason: 'This entry already holds 24 hours, the most one entry can hold: start a new timer instead.',
  };
}

function formatTiny(hours: number): string {
  // Up to 6 significant digits, never exponent notation ("1e-7" would not read as hours).
  return hours.toLocaleString('en', { maximumSignificantDigits: 6, useGrouping: false });
}

// A number with either decimal mark: "1.5", "1,5", ".5", "2".
const NUMBER = String.raw`(\d+(?:[.,]\d*)?|[.,]\d+)`;
const DECIMAL = new RegExp(`^${NUMBER}$`);
// "1:30", ":45", "2:" — hours and minutes on a clock-like dial.
const HOURS_MINUTES = /^(\d*):(\d{1,2})?$/;
// "2h", "1.5h", "90m", "1h 30m", "1h30", "1 hr 30 mins".
const UNITS = new RegExp(
  String.raw`^(?:${NUMBER}\s*h(?:ours?|rs?)?)?\s*(?:${NUMBER}\s*(?:m(?:in(?:ute)?s?)?)?)?$`,
);
const MINUTES_ONLY = new RegExp(String.raw`^${NUMBER}\s*m(?:in(?:ute)?s?)?$`);

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function hoursFromText(text: string): number | null {
  if (DECIMAL.test(text)) return toNumber(text);

  const clock = HOURS_MINUTES.exec(text);
  if (clock) {
    const [, hoursPart = '', minutesPart = ''] = clock;
    if (hoursPart === '' && minutesPart === '') return null;
    const minutes = minutesPart === '' ? 0 : Number(minutesPart);
    if (minutes >= 60) return null;
    return (hoursPart === '' ? 0 : Number(hoursPart)) + minutes / 60;
  }

  const minutesOnly = MINUTES_ONLY.exec(text);
  if (minutesOnly?.[1] !== undefined) return toNumber(minutesOnly[1]) / 60;

  const units = UNITS.exec(text);
  if (units) {
    const [, hoursPart, minutesPart] = units;
    // "1h30" means 30 minutes; a bare number with no hours before it is handled as decimal above.
    if (hoursPart === undefined) return null;
    return toNumber(hoursPart) + (minutesPart === undefined ? 0 : toNumber(minutesPart) / 60);
  }
  return null;
}

export function parseHours(text: string): ParsedHours {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { kind: 'empty' };
  if (/^[-−]/.test(trimmed)) return { kind: 'invalid', reason: 'Hours cannot be negative.' };

  const hours = hoursFromText(trimmed);
  if (hours === null || !Number.isFinite(hours))
    return { kind: 'invalid', reason: `“${text.trim()}” is not a time. ${HINT}` };
  const checked = checkHours(hours);
  return checked.ok ? { kind: 'hours', hours: checked.hours } : { kind: 'invalid', reason: checked.reason };
}

export function formatHours(hours: number, format: TimeFormat): string {
  const sign = hours < 0 ? '-' : '';
  const magnitude = Math.abs(hours);
  if (format === 'decimal') return `${sign}${magnitude.toFixed(2)}`;
  const totalMinutes = Math.round(magnitude * 60);
  const wholeHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `${totalMinutes === 0 ? '' : sign}${wholeHours}:${String(minutes).padStart(2, '0')}`;
}

/** The user's display override wins; 'account' follows the account's own setting. */
export function resolveTimeFormat(display: HoursDisplay, accountFormat: TimeFormat): TimeFormat {
  return display === 'account' ? accountFormat : display;
}
