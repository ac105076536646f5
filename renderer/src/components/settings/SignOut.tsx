// Signing out of the current account. Changes Harvest has not confirmed stay on this computer but
// are not sent while signed out, so with any waiting the user is asked first and told how many.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { countChanges } from '../../../../shared/pendingWords';
import { showSession } from '../../api/accountChange';
import { call, describeError } from '../../api/bridge';
import { queryKeys } from '../../api/queryKeys';
import type { SyncState } from '../../../../shared/domain';
import { useUiStore } from '../../stores/uiStore';

/** How many changes wait, from the queue itself (one may have been kept a moment ago). */
async function changesWaiting(fallback: number): Promise<number> {
  try {
    return (await call('queue.list', {})).length;
  } catch {
    // The count last told is the best word left; asking when unsure costs one click.
    return fallback;
  }
}

export function SignOut({ accountLabel }: { accountLabel: string }) {
  const client = useQueryClient();
  const setAlert = useUiStore((state) => state.setAlert);
  const [asking, setAsking] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const signOut = useMutation({
    mutationFn: () => call('session.signOut', {}),
    onSuccess: (signedOut) => showSession(client, signedOut),
    onError: (error) => setAlert(`Signing out failed: ${describeError(error)}`),
  });
  const check = useMutation({
    mutationFn: () => changesWaiting(client.getQueryData<SyncState>(queryKeys.sync)?.pending ?? 0),
    onSuccess: (count) => (count > 0 ? setAsking(count) : signOut.mutate()),
  });

  // Kept, the focus goes back to the button the question came from.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && asking === null) button.current?.focus();
    asked.current = asking !== null;
  }, [asking]);

  if (asking !== null) {
    return <ConfirmSignOut count={asking} busy={signOut.isPending} onKeep={() => setAsking(null)} onSignOut={() => signOut.mutate()} />;
  }
  return (
    <button ref={button} type="button" className="button is-danger" disabled={signOut.isPending || check.isPending} onClick={() => check.mutate()}>
      Sign out of {accountLabel}
    </button>
  );
}

function ConfirmSignOut({ count, busy, onKeep, onSignOut }: { count: number; busy: boolean; onKeep: () => void; onSignOut: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes the focus, on the answer that delays nothing.
  useEffect(() => keep.current?.focus(), []);
  // The queue is kept per account on disk through a sign-out (core/queue): nothing is lost, but
  // nothing is sent either until this account is signed in again, which is worth a question.
  return (
    <div className="account-edit sign-out-question" role="group" aria-labelledby="sign-out-question">
      <p id="sign-out-question">
        <strong>Sign out with {countChanges(count)} not in Harvest?</strong> They stay on this computer and are sent to
        Harvest when you sign in to this account again.
      </p>
      <div className="form-actions">
        <button ref={keep} type="button" className="button is-small" onClick={onKeep}>
          Stay signed in
        </button>
        <button type="button" className="button is-small" disabled={busy} onClick={onSignOut}>
          Sign out, keeping {countChanges(count)}
        </button>
      </div>
    </div>
  );
}
