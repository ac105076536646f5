// Reads of the user's time entries. A popover show, a wake-up, an unlock, the slow interval and
// the popover's own list of its week arrive together or in bursts; one request to Harvest answers
// every caller asking for days it covers, while it is in flight or has just come back. So a show
// costs one request, and a hammered shortcut stays far under Harvest's 100 requests per 15 s.
import type { TimeEntry } from '../../../shared/domain';
import { addDays } from '../../../shared/localDate';
import { today, watchingRunning, type AccountContext } from './accountContext';
import { changedDates, dayInRange, type DayRange } from './entryLedger';
import { QUICK_RESTART_DAYS } from './timers';

/**
 * How long a finished read still answers for its days: long enough for the popover's own list to
 * follow a show's refresh (or the news it brought), short enough that a reload or a focus a
 * moment later asks Harvest again rather than settle for an answer from before it.
 */
export const SHARE_MS = 500;

/** A refresh also covers the rest of a week that ends after today, so a week view shares it. */
const DAYS_AHEAD = 6;

interface Reading {
  range: DayRange;
  entries: Promise<TimeEntry[]>;
  finishedAt: number | null;
}

interface ReadResult {
  entries: TimeEntry[];
  /** This call sent the request (rather than sharing another caller's). */
  own: boolean;
  /** No change was made through the app while it was in flight, so it is the whole truth. */
  intact: boolean;
}

export class EntryReads {
  private readings: Reading[] = [];
  private generation = 0;
  private refreshing: Promise<void> | null = null;

  /**
   * @param context the account's services; its `emit` must be the plain one (a refresh's own
   *   news of changed days is not a change made through the app).
   * @param read one request to Harvest for the user's entries of these days, newest first.
   */
  constructor(
    private readonly context: AccountContext,
    private readonly read: (range: DayRange) => Promise<TimeEntry[]>,
  ) {}

  /** Entries were changed through the app: no read begun before may answer for them any more. */
  changed(): void {
    this.generation += 1;
    this.readings = [];
  }

  /** The user's entries of these days, newest first. */
  async list(range: DayRange): Promise<TimeEntry[]> {
    return (await this.readShared(range)).entries;
  }

  /**
   * Re-reads the recent weeks: the tray learns what runs now, and the popover which days moved
   * (a timer started on the phone, an entry deleted on the web).
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.readRecent().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readRecent(): Promise<void> {
    const { context } = this;
    const day = today(context);
    const range = { from: addDays(day, -QUICK_RESTART_DAYS), to: addDays(day, DAYS_AHEAD) };
    const before = context.ledger.versions(range);
    const result = await watchingRunning(context, async () => {
      const reading = await this.readShared(range);
      // A timer runs on a recent day in practice, so this window is the whole truth about what
      // runs: a timer stopped elsewhere stops in the tray too.
      if (reading.own && reading.intact) {
        context.ledger.setRunning(reading.entries.filter((entry) => entry.isRunning));
      }
      return reading;
    });
    // A read shared with another caller has told its news already.
    if (!result.own) return;
    const dates = changedDates(before, context.ledger.versions(range));
    if (dates.length > 0) context.emit('entries.changed', { dates });
  }

  private readShared(range: DayRange): Promise<ReadResult> {
    const nowMs = this.context.now().getTime();
    this.readings = this.readings.filter((reading) => reading.finishedAt === null || nowMs - reading.finishedAt < SHARE_MS);
    const shared = range.from <= range.to ? this.readings.find((reading) => covers(reading.range, range)) : undefined;
    if (shared !== undefined) {
      return shared.entries.then((entries) => ({
        entries: entries.filter((entry) => dayInRange(entry.spentDate, range)),
        own: false,
        intact: true,
      }));
    }
    return this.readOwn(range);
  }

  private async readOwn(range: DayRange): Promise<ReadResult> {
    const generation = this.generation;
    const reading: Reading = { range, entries: this.read(range), finishedAt: null };
    this.readings.push(reading);
    let entries: TimeEntry[];
    try {
      entries = await reading.entries;
    } catch (error) {
      this.readings = this.readings.filter((other) => other !== reading);
      throw error;
    }
    reading.finishedAt = this.context.now().getTime();
    const intact = generation === this.generation;
    // Entries missing from a complete reading of their days were deleted elsewhere.
    if (intact) this.context.ledger.replaceDays(range, entries);
    return { entries, own: true, intact };
  }
}

function covers(outer: DayRange, inner: DayRange): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}
