// The daily review: the week at a glance, where the day's hours went, and what looks wrong
// (gaps, overlaps, a timer left running overnight).
import type { LocalDate } from '../../../shared/domain';
import { formatDayHeading, weekDays } from '../../../shared/localDate';
import { dayTotal, findGapsAndOverlaps, projectTotals, runningPastMidnight, weekTotals } from '../../../shared/review';
import { BackHeader } from '../components/BackHeader';
import { SkeletonRows } from '../components/SkeletonRows';
import { useCompany, useEntries } from '../hooks/queries';
import { useRunningEntry } from '../hooks/useRunningEntry';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useDayShown, useToday } from '../hooks/useToday';
import { useNow } from '../stores/clockStore';
import { useUiStore } from '../stores/uiStore';

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

function weekdayName(date: LocalDate): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return WEEKDAY.format(new Date(year, month - 1, day, 12));
}

function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function ReviewView() {
  const today = useToday();
  const day = useDayShown();
  const now = useNow();
  const company = useCompany();
  const formatHours = useFormatHours();
  const showDay = useUiStore((state) => state.showDay);
  const showView = useUiStore((state) => state.showView);
  const week = weekDays(day, company.data?.weekStartDay ?? 'Monday');
  const from = week[0] ?? day;
  const to = week[week.length - 1] ?? day;
  const entries = useEntries(from, to);

  const all = entries.data ?? [];
  const ofDay = all.filter((entry) => entry.spentDate === day);
  const totals = weekTotals(all, week, now);
  const projects = projectTotals(ofDay, now);
  const issues = findGapsAndOverlaps(ofDay);
  // The running timer may be on a day before this week (a timer started on Sunday night).
  const running = useRunningEntry();
  const forgotten = running === null ? [] : runningPastMidnight([running], today);
  const weekSum = dayTotal(all, now);

  return (
    <>
      <BackHeader title="Review" onBack={() => showView('day')} />
      <main className="view-body review">
        {entries.isError && !entries.data ? (
          <div className="empty-state" role="alert">
            <p>The week could not be loaded: {entries.error.message}</p>
            <button type="button" className="button" onClick={() => void entries.refetch()}>
              Try again
            </button>
          </div>
        ) : null}
        <nav className="week-strip" aria-label="Week">
          {totals.map((total) => (
            <button
              key={total.date}
              type="button"
              className={`week-day${total.date === day ? ' is-current' : ''}${total.date === today ? ' is-today' : ''}`}
              aria-current={total.date === day ? 'date' : undefined}
              aria-label={`${formatDayHeading(total.date, today)}: ${formatHours(total.hours)}`}
              onClick={() => showDay(total.date)}
            >
              <span className="week-day-name">{weekdayName(total.date)}</span>
              <span className="week-day-hours">{entries.data ? formatHours(total.hours) : '–'}</span>
            </button>
          ))}
        </nav>
        <p className="muted week-sum">Week total {formatHours(weekSum)}</p>

        {forgotten.length > 0 ? (
          <div className="banner is-warning">
            {forgotten.map((entry) => (
              <p key={entry.id}>
                A timer has been running since {formatDayHeading(entry.spentDate, today)} on {entry.project.name} ·{' '}
                {entry.task.name}. Stop it and correct its hours if you forgot it.
              </p>
            ))}
          </div>
        ) : null}

        <section aria-labelledby="review-day-heading">
          <h2 id="review-day-heading">{formatDayHeading(day, today)}</h2>
          {entries.isPending ? (
            <SkeletonRows count={2} />
          ) : projects.length === 0 ? (
            <p className="muted">Nothing tracked on this day.</p>
          ) : (
            <ul className="project-totals" aria-label="Hours per project">
              {projects.map((project) => (
                <li key={project.projectId}>
                  <span className="project-total-name">
                    <strong>{project.projectName}</strong>
                    {project.clientName ? <span className="muted"> · {project.clientName}</span> : null}
                  </span>
                  <span className="project-total-hours">{formatHours(project.hours)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {issues.length > 0 ? (
          <section aria-labelledby="review-issues-heading">
            <h2 id="review-issues-heading">Worth a look</h2>
            <ul className="issues">
              {issues.map((issue) => (
                <li key={`${issue.kind}-${issue.from}-${issue.entryIds.join('-')}`} className={`issue is-${issue.kind}`}>
                  {issue.kind === 'gap'
                    ? `Nothing tracked from ${issue.from} to ${issue.to} (${minutesText(issue.minutes)}).`
                    : `Two entries overlap from ${issue.from} to ${issue.to} (${minutesText(issue.minutes)}).`}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </>
  );
}
