// The main screen: the running timer pinned at the top, quick start, one day's entries newest
// first, and the day's and week's totals, every figure from the same cached week.
import { useEffect, useMemo, useRef } from 'react';
import type { TimeEntry } from '../../../shared/domain';
import { weekDays } from '../../../shared/localDate';
import { call, isBridgeError } from '../api/bridge';
import { DayHeader } from '../components/DayHeader';
import { DayTotal } from '../components/DayTotal';
import { EntryRow } from '../components/EntryRow';
import { QuickStart } from '../components/QuickStart';
import { RunningTimerBar } from '../components/RunningTimerBar';
import { ShortcutsOverlay } from '../components/ShortcutsOverlay';
import { SkeletonRows } from '../components/SkeletonRows';
import { WeekProgress } from '../components/WeekProgress';
import { useCompany, useEntries } from '../hooks/queries';
import { useDayShortcuts } from '../hooks/useDayShortcuts';
import { useRestartTimer, useStopTimer } from '../hooks/useEntryMutations';
import { useQuickStart } from '../hooks/useQuickStart';
import { tripleKey, useRecentTriples } from '../hooks/useRecentTriples';
import { useRunningEntry } from '../hooks/useRunningEntry';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useDayShown, useToday } from '../hooks/useToday';
import { usePendingDeleteStore } from '../stores/pendingDeleteStore';
import { useUiStore } from '../stores/uiStore';

function newestFirst(a: TimeEntry, b: TimeEntry): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
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
  const openNewEntry = useUiStore((state) => state.openNewEntry);
  const openEditEntry = useUiStore((state) => state.openEditEntry);
  const focusEntryId = useUiStore((state) => state.focusEntryId);
  const focusEntry = useUiStore((state) => state.focusEntry);
  const pendingDelete = usePendingDeleteStore((state) => state.pending);
  const scheduleDelete = usePendingDeleteStore((state) => state.schedule);
  const stop = useStopTimer();
  const restart = useRestartTimer();
  // An entry waiting for its delete's undo is gone from the bar too.
  const cachedRunning = useRunningEntry();
  const running = cachedRunning && cachedRunning.id !== pendingDelete?.id ? cachedRunning : null;
  const list = useRef<HTMLUListElement>(null);

  // Every figure below comes from this one list: the week as cached, less a delete waiting for
  // its undo. The day's rows, the day total and the week's progress cannot disagree.
  const weekEntries = useMemo(
    () => entries.data?.filter((entry) => entry.id !== pendingDelete?.id),
    [entries.data, pendingDelete?.id],
  );
  const shown = useMemo(() => (weekEntries ?? []).filter((entry) => entry.spentDate === day).sort(newestFirst), [weekEntries, day]);
  const recent = useRecentTriples(entries.data);
  // What already runs is not offered again.
  const runningKey = running ? tripleKey(running) : null;
  const triples = useMemo(() => recent.filter((triple) => triple.key !== runningKey), [recent, runningKey]);
  const quickStart = useQuickStart(today, day === today ? shown : []);

  const stopEntry = (entry: TimeEntry) => {
    focusEntry(entry.id);
    stop.mutate({ id: entry.id });
  };
  const restartEntry = (entry: TimeEntry) => {
    focusEntry(entry.id);
    restart.mutate({ id: entry.id });
  };

  useDayShortcuts({
    entries: shown,
    running,
    newEntry: () => openNewEntry(day),
    stop: stopEntry,
    restart: restartEntry,
    edit: openEditEntry,
    remove: scheduleDelete,
  });

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) hidePopover();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // After a save, a start or a restart, the focus goes to the row it changed once that row is on
  // screen (a new entry's row appears with Harvest's id).
  useEffect(() => {
    if (focusEntryId === null || !list.current) return;
    const selector = focusEntryId === 'new' ? 'li[data-entry-id^="-"]' : `li[data-entry-id="${focusEntryId}"]`;
    const row = list.current.querySelector<HTMLElement>(selector);
    if (!row) return;
    // A button of the row keeps the focus it has; otherwise the row itself takes it.
    if (!row.contains(document.activeElement) || document.activeElement === row) row.focus();
    if (focusEntryId !== 'new') focusEntry(null);
  }, [focusEntryId, shown, focusEntry]);

  const offline = isBridgeError(entries.error) && entries.error.kind === 'offline';
  const refreshing = entries.isFetching && !entries.isPending;

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
        <p className="muted">
          {day === today ? 'Type what you are working on above, or use New entry.' : 'Use New entry to log hours on this day.'}
        </p>
      </div>
    );
  } else {
    body = (
      <ul className="entries" aria-label="Time entries" aria-busy={refreshing || undefined} ref={list}>
        {shown.map((entry) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            formatHours={formatHours}
            onStop={stopEntry}
            onRestart={restartEntry}
            onEdit={openEditEntry}
            onDelete={scheduleDelete}
          />
        ))}
      </ul>
    );
  }

  return (
    <>
      <DayHeader day={day} today={today} />
      {/* Offline is said once, by the sync status line above; other failures to refresh are said here. */}
      {entries.isError && entries.data && !offline ? (
        <p className="banner is-muted">Could not refresh: {entries.error.message}</p>
      ) : null}
      <div className="day-top">
        {running ? <RunningTimerBar entry={running} onStop={stopEntry} /> : null}
        {day === today ? <QuickStart triples={triples} onStart={quickStart} autoFocus={focusEntryId === null} /> : null}
        {/* Cached entries are on screen while Harvest is asked again: a thin moving line says so, quietly. */}
        <div className={refreshing ? 'refresh-line is-active' : 'refresh-line'} aria-hidden="true" title={refreshing ? 'Refreshing…' : undefined} />
      </div>
      <main className="view-body" aria-busy={entries.isPending || undefined}>
        {body}
      </main>
      <footer className="view-footer">
        <div className="footer-figures">
          <DayTotal entries={entries.data ? shown : undefined} formatHours={formatHours} />
          <WeekProgress entries={weekEntries} formatHours={formatHours} />
        </div>
        <button type="button" className="button is-primary" title="New entry (N)" onClick={() => openNewEntry(day)}>
          New entry
        </button>
      </footer>
      <ShortcutsOverlay />
    </>
  );
}
