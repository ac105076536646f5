// The queue's changes, oldest first (the order they are sent in), each with its state in words.
// A refused one offers what the user can do: retry, edit its entry, or discard it (asked first:
// discarding loses work).
import { useEffect, useRef, useState } from 'react';
import type { PendingChange } from '../../../shared/domain';
import { formatDay } from '../../../shared/dateDisplay';
import { changeTitle } from '../../../shared/pendingWords';
import { useDateFormat } from '../hooks/useDateFormat';
import { usePendingChangeActions } from '../hooks/usePendingChangeActions';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useToday } from '../hooks/useToday';
import { pendingStateText } from './PendingMark';

/** onClose: Escape was pressed; onEditing: an entry's form opens in the view below. */
type Props = { id: string; changes: PendingChange[]; onClose: () => void; onEditing: () => void };

export function PendingChangesPanel({ id, changes, onClose, onEditing }: Props) {
  const panel = useRef<HTMLElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    // Escape puts the list away, not the popover behind it: heard before the view's own listener.
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      closeRef.current();
    };
    // A press outside it (its toggle aside, which does its own) puts it away, as a menu's would.
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panel.current?.contains(target) || document.querySelector(`[aria-controls="${id}"]`)?.contains(target)) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [id]);
  return (
    <section ref={panel} id={id} className="pending-panel" aria-label="Changes not yet in Harvest">
      <p className="pending-note muted">Sent in this order as soon as Harvest answers. A refused one waits for you.</p>
      <ul className="pending-list" aria-label="Changes waiting">
        {changes.map((change) => (
          <PendingChangeItem key={change.id} change={change} onEditing={onEditing} />
        ))}
      </ul>
    </section>
  );
}

/** `onEditing`: the entry's form opens in the view below; the list makes way for it. */
function PendingChangeItem({ change, onEditing }: { change: PendingChange; onEditing: () => void }) {
  const today = useToday();
  const dateFormat = useDateFormat();
  const formatHours = useFormatHours();
  const { retry, discard, edit } = usePendingChangeActions();
  const [confirming, setConfirming] = useState(false);
  const discardButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const refused = change.status.state === 'refused';
  const titleId = `${change.id}-title`;
  const details = [
    formatDay(change.spentDate, today, dateFormat),
    change.hours === null ? null : formatHours(change.hours),
    change.notes,
  ].filter((part) => part);
  // Kept, the focus goes back where the question came from.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !confirming) discardButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  return (
    // Focusable (not in the Tab order): once retried, its buttons go and the focus stays on it.
    <li ref={item} tabIndex={-1} className={`pending-change is-${change.status.state}`}>
      <p className="pending-title" id={titleId}>
        {changeTitle(change)}
      </p>
      <p className="pending-details muted">{details.join(' · ')}</p>
      <p className="pending-state">{pendingStateText(change.status)}</p>
      {refused && confirming ? (
        <ConfirmDiscard change={change} titleId={titleId} busy={discard.isPending} onKeep={() => setConfirming(false)} onDiscard={() => discard.mutate(change)} />
      ) : null}
      {refused && !confirming ? (
        <div className="pending-actions">
          <button type="button" className="button is-small" aria-describedby={titleId} disabled={retry.isPending} onClick={() => retry.mutate(change, { onSuccess: () => item.current?.focus() })}>
            Retry
          </button>
          {change.kind === 'delete' ? null : (
            <button type="button" className="button is-small" aria-describedby={titleId} disabled={edit.isPending} onClick={() => edit.mutate(change, { onSuccess: (entry) => entry && onEditing() })}>
              Edit
            </button>
          )}
          <button ref={discardButton} type="button" className="button is-small is-danger" aria-describedby={titleId} onClick={() => setConfirming(true)}>
            Discard
          </button>
        </div>
      ) : null}
    </li>
  );
}

function ConfirmDiscard({
  change,
  titleId,
  busy,
  onKeep,
  onDiscard,
}: {
  change: PendingChange;
  titleId: string;
  busy: boolean;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes the focus, on the answer that loses nothing.
  useEffect(() => keep.current?.focus(), []);
  const questionId = `${change.id}-discard`;
  return (
    <div className="pending-confirm" role="group" aria-labelledby={`${questionId} ${titleId}`}>
      <p id={questionId}>
        <strong>Discard this change?</strong> It is never sent to Harvest, and what it changed is lost.
      </p>
      <div className="form-actions">
        <button ref={keep} type="button" className="button is-small" onClick={onKeep}>
          Keep it
        </button>
        <button type="button" className="button is-small is-danger" disabled={busy} onClick={onDiscard}>
          Discard change
        </button>
      </div>
    </div>
  );
}
