import { usePendingDeleteStore } from '../stores/pendingDeleteStore';

/** "Entry deleted · Undo" while the delete waits to be sent. */
export function UndoToast() {
  const pending = usePendingDeleteStore((state) => state.pending);
  const undo = usePendingDeleteStore((state) => state.undo);
  return (
    <div className="toast-region" aria-live="polite">
      {pending ? (
        <div className="toast">
          <span>
            Deleted {pending.project.name} · {pending.task.name}
          </span>
          <button type="button" className="link-button" onClick={undo}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
