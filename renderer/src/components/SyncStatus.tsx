// Always present, so screen readers announce changes to it: offline, and changes waiting.
import { useSyncState } from '../hooks/queries';

function describe(online: boolean, pending: number): string {
  const waiting = pending === 1 ? '1 change waiting to be sent' : `${pending} changes waiting to be sent`;
  if (!online) return pending > 0 ? `You're offline — ${waiting}.` : "You're offline — showing what was last loaded.";
  return pending > 0 ? `Sending: ${waiting}.` : '';
}

export function SyncStatus() {
  const sync = useSyncState();
  const text = sync.data ? describe(sync.data.online, sync.data.pending) : '';
  return (
    <div role="status" className={text ? 'sync-status is-visible' : 'sync-status'}>
      {text}
    </div>
  );
}
