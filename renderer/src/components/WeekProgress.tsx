// Hours this week against the user's weekly target: their own, set in Settings, or else the
// weekly capacity set in Harvest.
import type { LocalDate } from '../../../shared/domain';
import { dayTotal } from '../../../shared/review';
import { useEntries, useMe, useSettings } from '../hooks/queries';
import { useNow } from '../stores/clockStore';

type Props = { week: LocalDate[]; formatHours: (hours: number) => string };

export function WeekProgress({ week, formatHours }: Props) {
  const me = useMe();
  const settings = useSettings();
  const targetHours = settings.data?.weeklyTargetHours ?? (me.data?.weeklyCapacity ?? 0) / 3600;
  const from = week[0];
  const to = week[week.length - 1];
  const entries = useEntries(from ?? '', to ?? '', targetHours > 0 && from !== undefined);
  const now = useNow();
  if (targetHours <= 0 || !entries.data) return null;
  const hours = dayTotal(entries.data, now);
  const text = `${formatHours(hours)} of ${formatHours(targetHours)} this week`;
  return (
    <div className="week-progress">
      <meter
        min={0}
        max={targetHours}
        low={targetHours * 0.999}
        optimum={targetHours}
        value={Math.min(hours, targetHours)}
        aria-label="Week progress"
        aria-valuetext={text}
      />
      <span className="week-progress-text">{text}</span>
    </div>
  );
}
