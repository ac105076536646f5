// Sign in with a Harvest personal access token, pick the account where the token reaches
// several, or try the demo. Consent is asked before a token is stored without OS encryption.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Account, Session } from '../../../shared/domain';
import { call, describeError, isBridgeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { BrandMark } from '../components/BrandMark';

const TOKEN_PAGE = 'https://id.getharvest.com/developers';

type Step =
  | { kind: 'token' }
  | { kind: 'choose-account'; accounts: Account[] }
  | { kind: 'consent'; accountId: number | undefined; message: string };

export function SignInView({ reason }: { reason: string | null }) {
  const client = useQueryClient();
  const [token, setToken] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'token' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signedIn = (session: Session) => client.setQueryData(queryKeys.session, session);

  const signIn = async (accountId?: number, allowPlaintextStorage?: boolean) => {
    if (token.trim() === '') {
      setError('Paste your personal access token first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await call('session.signIn', {
        token: token.trim(),
        ...(accountId === undefined ? {} : { accountId }),
        ...(allowPlaintextStorage ? { allowPlaintextStorage } : {}),
      });
      if (reply.state === 'signed-in') signedIn(reply.session);
      else setStep({ kind: 'choose-account', accounts: reply.accounts });
    } catch (caught) {
      if (isBridgeError(caught) && caught.kind === 'consent-required') {
        setStep({ kind: 'consent', accountId, message: caught.message });
      } else {
        setError(describeError(caught));
      }
    } finally {
      setBusy(false);
    }
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void signIn();
  };

  return (
    <main className="sign-in">
      <div className="brand">
        <BrandMark />
        <h1>Harvest Tray</h1>
      </div>
      <p className="muted">Your Harvest timer, one click from the menu bar.</p>
      {reason && step.kind === 'token' ? <p role="alert" className="banner is-muted">{reason}</p> : null}
      {error ? (
        <p role="alert" className="banner is-error">
          {error}
        </p>
      ) : null}

      {step.kind === 'token' ? (
        <form className="sign-in-form" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="token">Personal access token</label>
            <input
              id="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-describedby="token-help"
            />
            <p id="token-help" className="hint muted">
              Create one under Developers in your Harvest ID.{' '}
              <a
                href={TOKEN_PAGE}
                onClick={(event) => {
                  event.preventDefault();
                  call('app.openExternal', { url: TOKEN_PAGE }).catch((caught: unknown) => setError(describeError(caught)));
                }}
              >
                Get a token from Harvest
              </a>
            </p>
          </div>
          <button type="submit" className="button is-primary is-wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      ) : null}

      {step.kind === 'choose-account' ? (
        <section className="account-choice" aria-labelledby="choose-account-heading">
          <h2 id="choose-account-heading">Which Harvest account?</h2>
          <p className="muted">This token reaches several accounts. Choose the one to track time in.</p>
          <ul className="account-list">
            {step.accounts.map((account) => (
              <li key={account.id}>
                <button type="button" className="button is-wide" disabled={busy} onClick={() => void signIn(account.id)}>
                  {account.name}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setStep({ kind: 'token' })}>
            Use another token
          </button>
        </section>
      ) : null}

      {step.kind === 'consent' ? (
        <section className="consent" aria-labelledby="consent-heading">
          <h2 id="consent-heading">Store the token unencrypted?</h2>
          <p>{step.message}</p>
          <p className="muted">
            This computer has no keyring to encrypt it. Anyone who can read your files could read the token and use your
            Harvest account. You can sign out at any time to remove it.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'token' })}>
              Cancel
            </button>
            <button type="button" className="button is-primary" disabled={busy} onClick={() => void signIn(step.accountId, true)}>
              Store it anyway
            </button>
          </div>
        </section>
      ) : null}

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
