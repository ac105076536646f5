// The day view's header: which day (whole, at popover width) with the account under it, the way
// to other days, and the other views. Today appears only where it helps: away from today.
import type { LocalDate } from '../../../shared/domain';
import { formatDayHeading } from '../../../shared/dateDisplay';
import { addDays } from '../../../shared/localDate';
import { useSession } from '../hooks/queries';
import { useDateFormat } from '../hooks/useDateFormat';
import { useUiStore } from '../stores/uiStore';
import { AccountSwitcher } from './AccountSwitcher';
import { ChevronLeftIcon, ChevronRightIcon, GearIcon, ReviewIcon } from './icons';

export function DayHeader({ day, today }: { day: LocalDate; today: LocalDate }) {
  const dateFormat = useDateFormat();
  const session = useSession();
  const demo = session.data?.state === 'signed-in' && session.data.demo;
  const showDay = useUiStore((state) => state.showDay);
  const showView = useUiStore((state) => state.showView);
  return (
    <header className="view-header day-header">
      <div className="day-nav">
        <button type="button" className="icon-button" aria-label="Previous day" title="Previous day" onClick={() => showDay(addDays(day, -1))}>
          <ChevronLeftIcon />
        </button>
        <h1 className="day-heading">{formatDayHeading(day, today, dateFormat)}</h1>
        <button type="button" className="icon-button" aria-label="Next day" title="Next day" onClick={() => showDay(addDays(day, 1))}>
          <ChevronRightIcon />
        </button>
      </div>
      {/* A line of its own under the day: one row beside the day's name, Today, the demo badge and
          the view buttons left the account's name a few letters, or one. */}
      <AccountSwitcher />
      <nav className="header-actions" aria-label="Views">
        {demo ? (
          <span className="demo-badge" title="Sample data in a built-in Harvest: nothing here reaches a real account">
            Demo
          </span>
        ) : null}
        {day === today ? null : (
          <button type="button" className="chip" onClick={() => showDay(null)}>
            Today
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Review" title="Review" onClick={() => showView('review')}>
          <ReviewIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Settings" title="Settings" onClick={() => showView('settings')}>
          <GearIcon />
        </button>
      </nav>
    </header>
  );
}
