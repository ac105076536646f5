// One time entry: who it is for, what was done, and how long, with the actions it allows.
import type { TimeEntry } from '../../../shared/domain';
import { liveHours } from '../../../shared/elapsed';
import { isConfirmed } from '../api/entryCache';
import { useNow } from '../stores/clockStore';
import { PendingMark } from './PendingMark';

type Actions = {
  onStop: (entry: TimeEntry) => void;
  onRestart: (entry: TimeEntry) => void;
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
};

type Props = Actions & { entry: TimeEntry; formatHours: (hours: number) => string };

/** Only the running row subscribes to the clock, so one tick re-renders one row. */
function RunningHours({ entry, formatHours }: { entry: TimeEntry; formatHours: (hours: number) => string }) {
  const now = useNow();
  return <>{formatHours(liveHours(entry, now))}</>;
}

export function EntryRow({ entry, formatHours, onStop, onRestart, onEdit, onDelete }: Props) {
  const confirmed = isConfirmed(entry);
  const clientName = entry.client?.name;
  const times = entry.startedTime ? `${entry.startedTime} – ${entry.endedTime ?? 'now'}` : null;
  const fullName = clientName ? `${entry.project.name} · ${clientName}` : entry.project.name;
  const refused = entry.pending?.status.state === 'refused';
  return (
    // Focusable (not in the Tab order) so the keyboard shortcuts can select a row.
    <li
      className={`entry${entry.isRunning ? ' is-running' : ''}${entry.isLocked ? ' is-locked' : ''}${refused ? ' is-refused' : ''}`}
      data-entry-id={entry.id}
      tabIndex={-1}
    >
      <div className="entry-top">
        {/* No mark is added before the name while running: starting a timer must not move the row's text. */}
        <p className="entry-project" title={fullName}>
          {entry.isRunning ? <span className="visually-hidden">Running: </span> : null}
          <span className="entry-project-name">{entry.project.name}</span>
          {clientName ? <span className="entry-client"> · {clientName}</span> : null}
        </p>
        {entry.pending && !refused ? <PendingMark mark={entry.pending} /> : null}
        <p className="entry-hours">
          {entry.isRunning ? <RunningHours entry={entry} formatHours={formatHours} /> : formatHours(entry.hours)}
        </p>
      </div>
      <div className="entry-bottom">
        <div className="entry-details">
          <p className="entry-task">
            {entry.task.name}
            {times ? <span className="entry-times"> · {times}</span> : null}
          </p>
          {entry.notes ? <p className="entry-notes">{entry.notes}</p> : null}
          {entry.pending && refused ? <PendingMark mark={entry.pending} /> : null}
          {entry.isLocked ? (
            <p className="entry-locked">
              <svg className="lock-icon" viewBox="0 0 16 16" aria-hidden="true">
                <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
                <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
              </svg>
              {entry.lockedReason ?? 'Locked: approved or invoiced entries cannot be changed.'}
            </p>
          ) : null}
        </div>
        {entry.isLocked ? null : (
          <div className="entry-actions">
            {entry.isRunning ? (
              <button type="button" className="icon-button timer-button is-stop" aria-label="Stop timer" title="Stop timer" disabled={!confirmed} onClick={() => onStop(entry)}>
                <svg viewBox="0 0 16 16" aria-hidden="true"><rect x="4" y="4" width="8" height="8" rx="1" /></svg>
              </button>
            ) : (
              <button type="button" className="icon-button timer-button" aria-label="Restart timer" title="Restart timer" disabled={!confirmed} onClick={() => onRestart(entry)}>
                <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M5 3.5v9l7-4.5z" /></svg>
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Edit entry" title="Edit entry" disabled={!confirmed} onClick={() => onEdit(entry)}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11.2 2.3l2.5 2.5-7.9 7.9H3.3v-2.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /></svg>
            </button>
            <button type="button" className="icon-button" aria-label="Delete entry" title="Delete entry" disabled={!confirmed} onClick={() => onDelete(entry)}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /></svg>
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
