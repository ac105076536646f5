// The daily review: the week at a glance, where the day's hours went, and what looks wrong
// (gaps, overlaps, a timer left running overnight).
import type { LocalDate, TimeEntry } from '../../../shared/domain';
import { formatDay, formatDayHeading } from '../../../shared/dateDisplay';
import { addDays, weekDays } from '../../../shared/localDate';
import { dayTotal, findGapsAndOverlaps, projectTotals, runningPastMidnight, weekTotals } from '../../../shared/review';
import { BackHeader } from '../components/BackHeader';
import { SkeletonRows } from '../components/SkeletonRows';
import { ChevronLeftIcon, ChevronRightIcon } from '../components/icons';
import { useCompany, useEntries } from '../hooks/queries';
import { useRunningEntry } from '../hooks/useRunningEntry';
import { useDateFormat } from '../hooks/useDateFormat';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useDayShown, useToday } from '../hooks/useToday';
import { useNow } from '../stores/clockStore';
import { useUiStore } from '../stores/uiStore';

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

function weekdayName(date: LocalDate): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return WEEKDAY.format(new Date(year, month - 1, day, 12));
}

/** No-break spaces: "(15 min)" never breaks across lines. */
function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes}\u00a0min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${rest}\u00a0min`;
}

export function ReviewView() {
  const today = useToday();
  const day = useDayShown();
  const now = useNow();
  const company = useCompany();
  const formatHours = useFormatHours();
  const dateFormat = useDateFormat();
  const pickDay = useUiStore((state) => state.pickDay);
  const showView = useUiStore((state) => state.showView);
  const openNewEntry = useUiStore((state) => state.openNewEntry);
  const openEditEntry = useUiStore((state) => state.openEditEntry);
  const heading = (date: LocalDate) => formatDayHeading(date, today, dateFormat);
  // Today is chosen as null, so the review follows the date past midnight like the day view.
  const choose = (date: LocalDate) => pickDay(date === today ? null : date);
  const week = weekDays(day, company.data?.weekStartDay ?? 'Monday');
  const from = week[0] ?? day;
  const to = week[week.length - 1] ?? day;
  const entries = useEntries(from, to);

  const all = entries.data ?? [];
  const ofDay = all.filter((entry) => entry.spentDate === day);
  const totals = weekTotals(all, week, now);
  const projects = projectTotals(ofDay, now);
  const issues = findGapsAndOverlaps(ofDay, now);
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
        <div className="week-nav">
          <button type="button" className="icon-button" aria-label="Previous week" title="Previous week" onClick={() => choose(addDays(day, -7))}>
            <ChevronLeftIcon />
          </button>
          <p className="week-range">
            {formatDay(from, today, dateFormat)} – {formatDay(to, today, dateFormat)}
          </p>
          {week.includes(today) ? null : (
            <button type="button" className="chip" onClick={() => choose(today)}>
              This week
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Next week" title="Next week" onClick={() => choose(addDays(day, 7))}>
            <ChevronRightIcon />
          </button>
        </div>
        <nav className="week-strip" aria-label="Week">
          {totals.map((total) => (
            <button
              key={total.date}
              type="button"
              className={`week-day${total.date === day ? ' is-current' : ''}${total.date === today ? ' is-today' : ''}`}
              aria-current={total.date === day ? 'date' : undefined}
              aria-label={`${heading(total.date)}: ${entries.data ? formatHours(total.hours) : 'loading'}`}
              onClick={() => choose(total.date)}
            >
              <span className="week-day-name">{weekdayName(total.date)}</span>
              <span className="week-day-hours">{entries.data ? formatHours(total.hours) : '–'}</span>
            </button>
          ))}
        </nav>
        {/* Until the week is read, a placeholder of the figure's size: 0:00 would be a wrong number. */}
        <p className="muted week-sum" aria-busy={entries.data ? undefined : true}>
          Week total {entries.data ? formatHours(weekSum) : <span className="skeleton-line" aria-hidden="true" />}
        </p>

        {forgotten.length > 0 ? (
          <div className="banner is-warning">
            {forgotten.map((entry) => (
              <p key={entry.id}>
                A timer has been running since {heading(entry.spentDate)} on {entry.project.name} ·{' '}
                {entry.task.name}. Stop it and correct its hours if you forgot it.
              </p>
            ))}
          </div>
        ) : null}

        <section aria-labelledby="review-day-heading">
          <h2 id="review-day-heading">{heading(day)}</h2>
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
                <li key={`${issue.kind}-${issue.start}-${issue.entryIds.join('-')}`} className={`issue is-${issue.kind}`}>
                  <span>
                    {issue.kind === 'gap'
                      ? `Nothing tracked from ${issue.from} to ${issue.to} (${minutesText(issue.minutes)}).`
                      : `Two entries overlap from ${issue.from} to ${issue.to} (${minutesText(issue.minutes)}).`}
                  </span>
                  {issue.kind === 'gap' ? (
                    <button
                      type="button"
                      className="button is-small"
                      aria-label={`Add an entry from ${issue.from} to ${issue.to}`}
                      onClick={() => openNewEntry(day, { start: issue.start, end: issue.end })}
                    >
                      Fill
                    </button>
                  ) : (
                    <OverlapEdit ids={issue.entryIds} entries={ofDay} from={issue.from} to={issue.to} onEdit={openEditEntry} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </>
  );
}

/** An overlap is mended by editing the later of the two entries (adding one would only add to it). */
function OverlapEdit({ ids, entries, from, to, onEdit }: { ids: number[]; entries: TimeEntry[]; from: string; to: string; onEdit: (entry: TimeEntry) => void }) {
  const later = entries.find((entry) => entry.id === ids[1]);
  if (!later || later.isLocked) return null;
  return (
    <button type="button" className="button is-small" aria-label={`Edit the entry overlapping from ${from} to ${to}`} onClick={() => onEdit(later)}>
      Edit
    </button>
  );
}
