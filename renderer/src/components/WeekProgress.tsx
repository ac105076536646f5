// Hours this week against the user's weekly capacity, for people who have one set in Harvest.
import type { LocalDate } from '../../../shared/domain';
import { dayTotal } from '../../../shared/review';
import { useEntries, useMe } from '../hooks/queries';
import { useNow } from '../stores/clockStore';

type Props = { week: LocalDate[]; formatHours: (hours: number) => string };

export function WeekProgress({ week, formatHours }: Props) {
  const me = useMe();
  const capacityHours = (me.data?.weeklyCapacity ?? 0) / 3600;
  const from = week[0];
  const to = week[week.length - 1];
  const entries = useEntries(from ?? '', to ?? '', capacityHours > 0 && from !== undefined);
  const now = useNow();
  if (capacityHours <= 0 || !entries.data) return null;
  const hours = dayTotal(entries.data, now);
  const text = `${formatHours(hours)} of ${formatHours(capacityHours)} this week`;
  return (
    <div className="week-progress">
      <meter
        min={0}
        max={capacityHours}
        low={capacityHours * 0.999}
        optimum={capacityHours}
        value={Math.min(hours, capacityHours)}
        aria-label="Week progress"
        aria-valuetext={text}
      />
      <span className="week-progress-text">{text}</span>
    </div>
  );
}
