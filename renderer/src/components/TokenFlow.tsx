// The steps of giving Harvest Tray a token, shared by the sign-in screen and "Add account" in
// settings: the token (and whatever else the form asks), the choice of account where the token
// reaches several, and consent where the token would be kept without encryption.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Account } from '../../../shared/domain';
import { call, describeError, isBridgeError } from '../api/bridge';

const TOKEN_PAGE = 'https://id.getharvest.com/developers';

export interface TokenRequest {
  token: string;
  accountId?: number;
  allowPlaintextStorage?: boolean;
}

/** 'done', or the accounts to choose from. Throws the bridge's error on a refusal. */
export type TokenSubmit = (request: TokenRequest) => Promise<'done' | Account[]>;

export type TokenStep =
  | { kind: 'token' }
  | { kind: 'choose-account'; accounts: Account[] }
  | { kind: 'consent'; accountId: number | undefined; message: string };

export function TokenFlow({
  id,
  submit,
  submitLabel,
  busyLabel,
  fields,
  onCancel,
  onStep,
}: {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  submit: TokenSubmit;
  submitLabel: string;
  busyLabel: string;
  /** More fields of the token's form, above the token. */
  fields?: ReactNode;
  /** Offered beside the submit button, where the flow can be left. */
  onCancel?: () => void;
  onStep?: (step: TokenStep['kind']) => void;
}) {
  const [token, setToken] = useState('');
  const [step, setStepState] = useState<TokenStep>({ kind: 'token' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setStep = (next: TokenStep) => {
    setStepState(next);
    onStep?.(next.kind);
  };

  const send = async (accountId?: number, allowPlaintextStorage?: boolean) => {
    if (token.trim() === '') {
      setError('Paste your personal access token first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await submit({
        token: token.trim(),
        ...(accountId === undefined ? {} : { accountId }),
        ...(allowPlaintextStorage ? { allowPlaintextStorage } : {}),
      });
      if (reply !== 'done') setStep({ kind: 'choose-account', accounts: reply });
    } catch (caught) {
      if (isBridgeError(caught) && caught.kind === 'consent-required') {
        setStep({ kind: 'consent', accountId, message: caught.message });
      } else {
        setError(describeError(caught));
        // A refusal of a field of the form (the name) is fixed there.
        if (isBridgeError(caught) && caught.field === 'name') setStep({ kind: 'token' });
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <>
      {error ? (
        <p role="alert" className="banner is-error">
          {error}
        </p>
      ) : null}

      {step.kind === 'token' ? (
        <form className="sign-in-form" onSubmit={onSubmit}>
          {fields}
          <div className="field">
            <label htmlFor={`${id}-token`}>Personal access token</label>
            <input
              id={`${id}-token`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-describedby={`${id}-token-help`}
            />
            <p id={`${id}-token-help`} className="hint muted">
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
          <div className="form-actions">
            {onCancel ? (
              <button type="button" className="button" onClick={onCancel}>
                Cancel
              </button>
            ) : null}
            <button type="submit" className={onCancel ? 'button is-primary' : 'button is-primary is-wide'} disabled={busy}>
              {busy ? busyLabel : submitLabel}
            </button>
          </div>
        </form>
      ) : null}

      {step.kind === 'choose-account' ? (
        <section className="account-choice" aria-labelledby={`${id}-choose-heading`}>
          <h2 id={`${id}-choose-heading`}>Which Harvest account?</h2>
          <p className="muted">This token reaches several accounts. Choose the one to track time in.</p>
          <ul className="account-list">
            {step.accounts.map((account) => (
              <li key={account.id}>
                <button type="button" className="button is-wide" disabled={busy} onClick={() => void send(account.id)}>
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
        <section className="consent" aria-labelledby={`${id}-consent-heading`}>
          <h2 id={`${id}-consent-heading`}>Store the token unencrypted?</h2>
          <p>{step.message}</p>
          <p className="muted">
            This computer has no keyring to encrypt it. Anyone who can read your files could read the token and use your
            Harvest account. You can sign out at any time to remove it.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'token' })}>
              Cancel
            </button>
            <button type="button" className="button is-primary" disabled={busy} onClick={() => void send(step.accountId, true)}>
              Store it anyway
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
