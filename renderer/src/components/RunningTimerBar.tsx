// The running timer, pinned above the list whatever its scroll: what runs, its time to the second
// (so a fresh timer visibly moves), and a large Stop.
import type { TimeEntry } from '../../../shared/domain';
import { formatTimerReading, liveHours } from '../../../shared/elapsed';
import { isConfirmed } from '../api/entryCache';
import { useNow } from '../stores/clockStore';
import { StopIcon } from './icons';

type Props = { entry: TimeEntry; onStop: (entry: TimeEntry) => void };

/** Only this part subscribes to the clock, so a tick re-renders a few characters. */
function Reading({ entry }: { entry: TimeEntry }) {
  const now = useNow();
  return <>{formatTimerReading(liveHours(entry, now))}</>;
}

export function RunningTimerBar({ entry, onStop }: Props) {
  const client = entry.client?.name;
  const fullName = client ? `${entry.project.name} · ${client}` : entry.project.name;
  return (
    <section className="running-bar" aria-label="Running timer">
      <div className="running-bar-text">
        <p className="running-bar-project" title={fullName}>
          <span className="project-name">{entry.project.name}</span>
          {client ? <span className="client-name"> · {client}</span> : null}
        </p>
        <p className="running-bar-task" title={entry.notes ? `${entry.task.name} — ${entry.notes}` : entry.task.name}>
          {entry.task.name}
          {entry.notes ? <span className="running-bar-notes"> — {entry.notes}</span> : null}
        </p>
      </div>
      <p className="running-bar-time" role="timer" aria-label="Time running">
        <Reading entry={entry} />
      </p>
      <button
        type="button"
        className="stop-button"
        aria-label="Stop timer"
        title="Stop timer (S)"
        disabled={!isConfirmed(entry)}
        onClick={() => onStop(entry)}
      >
        <StopIcon />
      </button>
    </section>
  );
}
