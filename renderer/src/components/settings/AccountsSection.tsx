// Who is signed in, and signing out. Named accounts (adding, renaming, removing and choosing the
// current one) belong in this section too, above the sign-out.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, describeError } from '../../api/bridge';
import { queryKeys } from '../../api/queryKeys';
import { useSession } from '../../hooks/queries';
import { useUiStore } from '../../stores/uiStore';

export function AccountsSection() {
  const client = useQueryClient();
  const session = useSession();
  const setAlert = useUiStore((state) => state.setAlert);
  const signOut = useMutation({
    mutationFn: () => call('session.signOut', {}),
    onSuccess: (signedOut) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      client.setQueryData(queryKeys.session, signedOut);
      useUiStore.getState().reset();
    },
    onError: (error) => setAlert(`Signing out failed: ${describeError(error)}`),
  });
  const signedIn = session.data?.state === 'signed-in' ? session.data : null;

  return (
    <section className="setting-group" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {signedIn ? (
        <p className="account-line">
          <span className="account-name">{signedIn.account.name}</span>
          <span className="muted">
            {signedIn.user.firstName} {signedIn.user.lastName}
            {signedIn.demo ? ' · demo' : ''}
          </span>
        </p>
      ) : null}
      <button type="button" className="button is-danger" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </button>
    </section>
  );
}
