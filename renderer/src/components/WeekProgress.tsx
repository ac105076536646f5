// Hours this week against the user's weekly target: their own, set in Settings, or else the
// weekly capacity set in Harvest. The entries are the day view's own (the same cached week, less
// an entry waiting to be deleted), so this figure and the day total always move together.
import type { TimeEntry } from '../../../shared/domain';
import { dayTotal } from '../../../shared/review';
import { useMe, useSettings } from '../hooks/queries';
import { useNow } from '../stores/clockStore';

type Props = { entries: TimeEntry[] | undefined; formatHours: (hours: number) => string };

export function WeekProgress({ entries, formatHours }: Props) {
  const me = useMe();
  const settings = useSettings();
  const now = useNow();
  // A number: the user's own target; null: Harvest's capacity; undefined: settings not read yet.
  const ownTarget = settings.data?.weeklyTargetHours;
  if (!entries || (typeof ownTarget !== 'number' && !me.data)) {
    // Not known yet: hold the row's place, so nothing jumps when it arrives.
    return (
      <div className="week-progress" aria-hidden="true">
        <span className="skeleton-line meter" />
        <span className="skeleton-line figure-wide" />
      </div>
    );
  }
  const targetHours = ownTarget ?? (me.data?.weeklyCapacity ?? 0) / 3600;
  if (targetHours <= 0) return null;
  const hours = dayTotal(entries, now);
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
