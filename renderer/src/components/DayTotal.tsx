import type { TimeEntry } from '../../../shared/domain';
import { dayTotal } from '../../../shared/review';
import { useNow } from '../stores/clockStore';

type Props = {
  /** undefined while the day has not loaded: a placeholder of the figure's size, not a wrong 0:00. */
  entries: TimeEntry[] | undefined;
  formatHours: (hours: number) => string;
};

/** The day's hours, ticking with a running timer. `timer` is the role for elapsed time. */
export function DayTotal({ entries, formatHours }: Props) {
  const now = useNow();
  return (
    <p className="total">
      <span className="total-label" aria-hidden="true">
        Total
      </span>
      <span role="timer" aria-label="Day total" aria-busy={entries ? undefined : true} className="total-value">
        {entries ? formatHours(dayTotal(entries, now)) : <span className="skeleton-line figure" aria-hidden="true" />}
      </span>
    </p>
  );
}
