import type { TimeEntry } from '../../../shared/domain';
import { dayTotal } from '../../../shared/review';
import { useNow } from '../stores/clockStore';

/** The day's hours, ticking with a running timer. `timer` is the role for elapsed time. */
export function DayTotal({ entries, formatHours }: { entries: TimeEntry[]; formatHours: (hours: number) => string }) {
  const now = useNow();
  return (
    <p className="total">
      <span className="total-label" aria-hidden="true">
        Total
      </span>
      <span role="timer" aria-label="Day total" className="total-value">
        {formatHours(dayTotal(entries, now))}
      </span>
    </p>
  );
}
