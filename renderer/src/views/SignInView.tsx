// Sign in with a Harvest personal access token, pick the account where the token reaches
// several, or try the demo. Consent is asked before a token is stored without OS encryption.
// Accounts already added (here or with `harvest-tray accounts add`) can be used straight away.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session } from '../../../shared/domain';
import { switchAccount } from '../api/accountChange';
import { call, describeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { BrandMark } from '../components/BrandMark';
import { TokenFlow, type TokenStep, type TokenSubmit } from '../components/TokenFlow';

export function SignInView({ reason }: { reason: string | null }) {
  const client = useQueryClient();
  const [step, setStep] = useState<TokenStep['kind']>('token');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('accounts.list', {}) });
  const savedAccounts = saved.data?.accounts ?? [];

  const signedIn = (session: Session) => client.setQueryData(queryKeys.session, session);

  const signIn: TokenSubmit = async (request) => {
    const reply = await call('session.signIn', request);
    if (reply.state === 'choose-account') return reply.accounts;
    signedIn(reply.session);
    return 'done';
  };

  const startDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await call('session.startDemo', {}));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const openSaved = async (name: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await switchAccount(client, name, setError);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="brand">
        <BrandMark />
        <h1>Harvest Tray</h1>
      </div>
      <p className="muted">Your Harvest timer, one click from the menu bar.</p>
      {reason && step === 'token' ? <p role="alert" className="banner is-muted">{reason}</p> : null}
      {error ? (
        <p role="alert" className="banner is-error">
          {error}
        </p>
      ) : null}

      {savedAccounts.length > 0 && step === 'token' ? (
        <section className="saved-accounts" aria-labelledby="saved-accounts-heading">
          <h2 id="saved-accounts-heading">Your accounts</h2>
          <ul className="account-list">
            {savedAccounts.map((account) => (
              <li key={account.name ?? 'environment'}>
                <button type="button" className="button is-wide" disabled={busy} onClick={() => void openSaved(account.name)}>
                  {account.name ?? account.accountName}
                  <span className="muted">{account.name === null ? 'from HARVEST_ACCESS_TOKEN' : account.accountName}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="muted">Or sign in with another token:</p>
        </section>
      ) : null}

      <TokenFlow id="sign-in" submit={signIn} submitLabel="Sign in" busyLabel="Signing in…" onStep={setStep} />

      <div className="demo">
        <p className="muted">No account at hand?</p>
        <button type="button" className="button is-wide" disabled={busy} onClick={() => void startDemo()} aria-describedby="demo-note">
          Try the demo
        </button>
        <p id="demo-note" className="hint muted">
          Sample data in a built-in Harvest, on this computer only. Each demo starts afresh: changes made in an earlier
          one are not kept.
        </p>
      </div>
    </main>
  );
}
