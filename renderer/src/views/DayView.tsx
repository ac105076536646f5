// The main screen: one day's entries, newest first, with the timer controls.
import { useEffect, type KeyboardEvent } from 'react';
import type { TimeEntry } from '../../../shared/domain';
import { addDays, formatDayHeading, weekDays } from '../../../shared/localDate';
import { call, isBridgeError } from '../api/bridge';
import { DayTotal } from '../components/DayTotal';
import { EntryRow } from '../components/EntryRow';
import { SkeletonRows } from '../components/SkeletonRows';
import { WeekProgress } from '../components/WeekProgress';
import { useCompany, useEntries } from '../hooks/queries';
import { useRestartTimer, useStopTimer } from '../hooks/useEntryMutations';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useDayShown, useToday } from '../hooks/useToday';
import { usePendingDeleteStore } from '../stores/pendingDeleteStore';
import { useUiStore } from '../stores/uiStore';

const OFFLINE_NOTE = "You're offline — showing what was last loaded.";

function newestFirst(a: TimeEntry, b: TimeEntry): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
}

/** Up and Down move between rows, keeping the same button column. */
function moveBetweenRows(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  const row = target.closest('li');
  if (!row) return;
  const sibling = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  if (!sibling) return;
  const buttons = [...row.querySelectorAll('button')];
  const index = Math.max(0, buttons.indexOf(target as HTMLButtonElement));
  const next = sibling.querySelectorAll('button')[index] ?? sibling.querySelector('button');
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function hidePopover(): void {
  // A delete waiting for its undo window is sent before the popover goes away.
  usePendingDeleteStore.getState().flush();
  call('app.hidePopover', {}).catch(() => undefined);
}

export function DayView() {
  const today = useToday();
  const day = useDayShown();
  const company = useCompany();
  const week = weekDays(day, company.data?.weekStartDay ?? 'Monday');
  // One read of the whole week serves the day's list and the week's progress (same query key),
  // so showing the popover costs a single request to Harvest.
  const entries = useEntries(week[0] ?? day, week[week.length - 1] ?? day);
  const formatHours = useFormatHours();
  const { showDay, showView, openNewEntry, openEditEntry } = useUiStore();
  const pendingDelete = usePendingDeleteStore((state) => state.pending);
  const scheduleDelete = usePendingDeleteStore((state) => state.schedule);
  const stop = useStopTimer();
  const restart = useRestartTimer();

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) hidePopover();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const shown = (entries.data ?? [])
    .filter((entry) => entry.spentDate === day && entry.id !== pendingDelete?.id)
    .sort(newestFirst);
  const offline = isBridgeError(entries.error) && entries.error.kind === 'offline';

  let body;
  if (entries.isPending) {
    body = <SkeletonRows />;
  } else if (entries.isError && !entries.data) {
    body = (
      <div className="empty-state" role="alert">
        <p>
          {offline
            ? "You're offline and this day was never loaded. It will show once the connection is back."
            : `This day could not be loaded: ${entries.error.message}`}
        </p>
        <button type="button" className="button" onClick={() => void entries.refetch()}>
          Try again
        </button>
      </div>
    );
  } else if (shown.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-title">{day === today ? 'No time entries today yet.' : 'No time entries on this day.'}</p>
        <p className="muted">Use New entry to start a timer or log hours.</p>
      </div>
    );
  } else {
    body = (
      <ul className="entries" aria-label="Time entries" onKeyDown={moveBetweenRows}>
        {shown.map((entry) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            formatHours={formatHours}
            onStop={(item) => stop.mutate({ id: item.id })}
            onRestart={(item) => restart.mutate({ id: item.id })}
            onEdit={openEditEntry}
            onDelete={scheduleDelete}
          />
        ))}
      </ul>
    );
  }

  return (
    <>
      <header className="view-header">
        <div className="day-nav">
          <button type="button" className="icon-button" aria-label="Previous day" title="Previous day" onClick={() => showDay(addDays(day, -1))}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3.5L5.5 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
          </button>
          <h1 className="day-heading">{formatDayHeading(day, today)}</h1>
          <button type="button" className="icon-button" aria-label="Next day" title="Next day" onClick={() => showDay(addDays(day, 1))}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3.5L10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
          </button>
        </div>
        <nav className="header-actions" aria-label="Views">
          <button type="button" className="chip" aria-current={day === today ? 'date' : undefined} onClick={() => showDay(null)}>
            Today
          </button>
          <button type="button" className="icon-button" aria-label="Review" title="Review" onClick={() => showView('review')}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 13V8.5M6.3 13V4M9.7 13V6.5M13 13V2.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
          </button>
          <button type="button" className="icon-button" aria-label="Settings" title="Settings" onClick={() => showView('settings')}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" strokeWidth="1.4" /><path d="M8 1.8v2M8 12.2v2M1.8 8h2M12.2 8h2M3.6 3.6l1.4 1.4M11 11l1.4 1.4M3.6 12.4L5 11M11 5l1.4-1.4" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" /></svg>
          </button>
        </nav>
      </header>
      {entries.isError && entries.data ? (
        <p className="banner is-muted">{offline ? OFFLINE_NOTE : `Could not refresh: ${entries.error.message}`}</p>
      ) : null}
      <main className="view-body" aria-busy={entries.isPending || undefined}>
        {body}
      </main>
      <footer className="view-footer">
        <div className="footer-figures">
          <DayTotal entries={shown} formatHours={formatHours} />
          <WeekProgress week={week} formatHours={formatHours} />
        </div>
        <button type="button" className="button is-primary" onClick={() => openNewEntry(day)}>
          New entry
        </button>
      </footer>
    </>
  );
}
