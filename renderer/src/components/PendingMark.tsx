// The mark on an entry shown with changes Harvest has not confirmed. Waiting and checking are
// quiet (a small icon; the words for screen readers and on hover): the status line above already
// says changes wait. A refusal is said in full, with Harvest's reason: it waits for the user.
import type { PendingMark as Mark, PendingState } from '../../../shared/domain';

/** A change's state as one sentence; a refusal names who refused it, then Harvest's own words. */
export function pendingStateText(status: PendingState): string {
  return status.state === 'refused' ? `Refused by Harvest: ${status.message}` : status.message;
}

export function PendingMark({ mark }: { mark: Mark }) {
  if (mark.status.state === 'refused') {
    return (
      <p className="entry-refused">
        <svg className="pending-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5v4.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.2" r="0.9" />
        </svg>
        <span>{pendingStateText(mark.status)}</span>
      </p>
    );
  }
  const words = `Not in Harvest yet: ${mark.status.message}`;
  return (
    <span className={`entry-pending is-${mark.status.state}`} title={words}>
      {/* A clock for waiting, arrows going round for a change being checked. */}
      {mark.status.state === 'waiting' ? (
        <svg className="pending-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.8V8l2.2 1.6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      ) : (
        <svg className="pending-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M13 8a5 5 0 0 1-8.6 3.5M3 8a5 5 0 0 1 8.6-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          <path d="M11.8 1.8v2.9H8.9M4.2 14.2v-2.9h2.9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      )}
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
