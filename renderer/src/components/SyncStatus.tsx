// Always present, so screen readers announce changes to it: offline, and how the changes not yet
// in Harvest stand. Beside it (outside the live region, so a button is not read out with every
// change), a way to the list of those changes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PendingChange } from '../../../shared/domain';
import { syncSummary } from '../../../shared/pendingWords';
import { queryKeys } from '../api/queryKeys';
import { usePendingChanges, useSyncState } from '../hooks/queries';
import { PendingChangesPanel } from './PendingChangesPanel';

const PANEL_ID = 'pending-changes';

export function SyncStatus() {
  const client = useQueryClient();
  const sync = useSyncState();
  const pending = sync.data?.pending ?? 0;
  // Asked only once something waits; 'queue.changed' keeps it current from then on.
  const queue = usePendingChanges(pending > 0);
  const changes = pending > 0 ? (queue.data ?? []) : [];
  const checking = changes.filter((change) => change.status.state === 'checking').length;
  const text = sync.data ? syncSummary(sync.data, checking) : '';
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const expanded = open && changes.length > 0;

  // A count that disagrees with the list held means an event was missed (a page reloaded, a
  // stream reconnected): the list is read again. Only on a new sync state, so a main process
  // whose counts and list disagree for a while is not asked in a loop.
  useEffect(() => {
    const held = client.getQueryData<PendingChange[]>(queryKeys.queue);
    if (sync.data && held && held.length !== sync.data.pending) void client.invalidateQueries({ queryKey: queryKeys.queue });
  }, [client, sync.data]);

  return (
    <div className={text ? 'sync-bar is-visible' : 'sync-bar'}>
      <div className="sync-line">
        <p role="status" className="sync-status">
          {text}
        </p>
        {changes.length > 0 ? (
          <button
            ref={toggle}
            type="button"
            className="link-button sync-toggle"
            aria-expanded={expanded}
            aria-controls={PANEL_ID}
            onClick={() => setOpen(!expanded)}
          >
            {expanded ? 'Hide changes' : 'Show changes'}
          </button>
        ) : null}
      </div>
      {expanded ? (
        <PendingChangesPanel
          id={PANEL_ID}
          changes={changes}
          onClose={() => {
            setOpen(false);
            toggle.current?.focus();
          }}
          onEditing={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
