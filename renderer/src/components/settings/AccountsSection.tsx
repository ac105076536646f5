// The accounts: the named ones (the same list as `harvest-tray accounts`), which is current,
// adding one (the sign-in's steps), renaming, removing (asked first), and signing out of the
// current one (SignOut.tsx).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountEntry } from '../../../../shared/accounts';
import { switchAccount } from '../../api/accountChange';
import { call, describeError } from '../../api/bridge';
import { queryKeys } from '../../api/queryKeys';
import { useSession } from '../../hooks/queries';
import { useUiStore } from '../../stores/uiStore';
import { accountLabel, serverNote } from '../AccountSwitcher';
import { TokenFlow, type TokenSubmit } from '../TokenFlow';
import { SignOut } from './SignOut';

type Editing = { kind: 'rename'; name: string } | { kind: 'remove'; name: string } | { kind: 'add' } | null;

export function AccountsSection() {
  const client = useQueryClient();
  const session = useSession();
  const setAlert = useUiStore((state) => state.setAlert);
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('accounts.list', {}) });
  const [editing, setEditing] = useState<Editing>(null);
  const [said, setSaid] = useState('');
  const signedIn = session.data?.state === 'signed-in' ? session.data : null;

  const listChanged = (message: string) => {
    setSaid(message);
    void client.invalidateQueries({ queryKey: queryKeys.accounts });
  };

  const use = useMutation({
    mutationFn: (account: AccountEntry) => switchAccount(client, account.name, setAlert),
    onSuccess: (_session, account) => listChanged(`Now using ${accountLabel(account)}.`),
    onError: (error, account) => setAlert(`Could not switch to ${accountLabel(account)}: ${describeError(error)}`),
  });

  const listed = accounts.data?.accounts ?? [];
  // The demo, or a sign-in not yet named, is current without being in the list.
  const unlisted = signedIn && !listed.some((account) => account.current) ? signedIn : null;

  return (
    <section className="setting-group" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {accounts.isError ? (
        <p role="alert" className="banner is-error">
          The accounts could not be read: {describeError(accounts.error)}
        </p>
      ) : null}
      {(accounts.data?.problems ?? []).map((problem) => (
        <p key={problem} className="note">
          {problem}
        </p>
      ))}
      <ul className="account-rows" aria-label="Accounts" aria-busy={accounts.isPending || undefined}>
        {unlisted ? (
          <li className="account-row">
            <div className="account-row-text">
              <span className="account-name">{unlisted.account.name}</span>
              <span className="current-badge">Current</span>
              <span className="account-detail muted">
                {unlisted.user.firstName} {unlisted.user.lastName}
                {unlisted.demo ? ' · demo' : ''}
              </span>
            </div>
          </li>
        ) : null}
        {listed.map((account) => (
          <AccountRow
            key={account.name ?? 'environment'}
            account={account}
            user={account.current && signedIn ? `${signedIn.user.firstName} ${signedIn.user.lastName}` : null}
            editing={editing}
            setEditing={setEditing}
            busy={use.isPending}
            onUse={() => use.mutate(account)}
            onChanged={listChanged}
          />
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {said}
      </p>

      {editing?.kind === 'add' ? (
        <AddAccount
          onDone={(added) => {
            setEditing(null);
            listChanged(`Added ${added}. Choose it above, or in the header, to use it.`);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="button is-start" onClick={() => setEditing({ kind: 'add' })}>
          Add account
        </button>
      )}

      {signedIn ? <SignOut accountLabel={signedIn.name ?? signedIn.account.name} /> : null}
    </section>
  );
}

function AccountRow({
  account,
  user,
  editing,
  setEditing,
  busy,
  onUse,
  onChanged,
}: {
  account: AccountEntry;
  user: string | null;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  busy: boolean;
  onUse: () => void;
  onChanged: (message: string) => void;
}) {
  const label = accountLabel(account);
  const note = serverNote(account.server);
  const renaming = editing?.kind === 'rename' && editing.name === account.name;
  const removing = editing?.kind === 'remove' && editing.name === account.name;
  const detail = [account.name === null ? 'from HARVEST_ACCESS_TOKEN' : account.accountName, user, note].filter(Boolean).join(' · ');

  return (
    <li className="account-row">
      <div className="account-row-text">
        <span className="account-name">{label}</span>
        {account.current ? <span className="current-badge">Current</span> : null}
        <span className="account-detail muted">{detail}</span>
      </div>
      {renaming || removing ? null : (
        <div className="account-row-actions">
          {account.current ? null : (
            <button type="button" className="button is-small" disabled={busy} aria-label={`Use ${label}`} onClick={onUse}>
              Use
            </button>
          )}
          {account.name === null ? null : (
            <button
              type="button"
              className="button is-small"
              aria-label={`Rename ${label}`}
              onClick={() => setEditing({ kind: 'rename', name: account.name ?? '' })}
            >
              Rename
            </button>
          )}
          {account.name === null || account.current ? null : (
            <button
              type="button"
              className="button is-small is-danger"
              aria-label={`Remove ${label}`}
              onClick={() => setEditing({ kind: 'remove', name: account.name ?? '' })}
            >
              Remove
            </button>
          )}
        </div>
      )}
      {renaming && account.name !== null ? (
        <RenameForm name={account.name} onDone={(to) => { setEditing(null); onChanged(`Renamed ${account.name} to ${to}.`); }} onCancel={() => setEditing(null)} />
      ) : null}
      {removing && account.name !== null ? (
        <ConfirmRemove name={account.name} accountName={account.accountName} onDone={() => { setEditing(null); onChanged(`Removed ${account.name}.`); }} onCancel={() => setEditing(null)} />
      ) : null}
    </li>
  );
}

function RenameForm({ name, onDone, onCancel }: { name: string; onDone: (to: string) => void; onCancel: () => void }) {
  const [to, setTo] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const rename = useMutation({
    mutationFn: () => call('accounts.rename', { name, to: to.trim() }),
    onSuccess: () => onDone(to.trim()),
    onError: (caught) => setError(describeError(caught)),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (to.trim() === name) onCancel();
    else rename.mutate();
  };
  const id = `rename-${name}`;
  return (
    <form className="account-edit" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={id}>New name for {name}</label>
        <input
          id={id}
          ref={input}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="field-error">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="hint muted">
            Lower-case letters, digits, - and _, such as work or personal. The command line’s --account takes it too.
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button is-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button is-small is-primary" disabled={rename.isPending}>
          Save name
        </button>
      </div>
    </form>
  );
}

function ConfirmRemove({
  name,
  accountName,
  onDone,
  onCancel,
}: {
  name: string;
  accountName: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes the focus, on the answer that changes nothing.
  useEffect(() => keep.current?.focus(), []);
  const remove = useMutation({
    mutationFn: () => call('accounts.remove', { name }),
    onSuccess: onDone,
    onError: (caught) => setError(describeError(caught)),
  });
  const id = `remove-${name}`;
  return (
    <div className="account-edit" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>
        <strong>Remove {name}?</strong> Its token ({accountName}) is forgotten here and by the command line, with what is
        cached for it. Adding it again needs the token.
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button ref={keep} type="button" className="button is-small" onClick={onCancel}>
          Keep it
        </button>
        <button type="button" className="button is-small is-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Yes, remove {name}
        </button>
      </div>
    </div>
  );
}

function AddAccount({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const add: TokenSubmit = async (request) => {
    const reply = await call('accounts.add', { ...request, ...(name.trim() === '' ? {} : { name: name.trim() }) });
    if (reply.state === 'choose-account') return reply.accounts;
    onDone(accountLabel(reply.account));
    return 'done';
  };
  return (
    <section className="add-account" aria-labelledby="add-account-heading">
      <h3 id="add-account-heading" ref={heading} tabIndex={-1}>
        Add an account
      </h3>
      <TokenFlow
        id="add-account"
        submit={add}
        submitLabel="Add account"
        busyLabel="Adding…"
        onCancel={onCancel}
        fields={
          <div className="field">
            <label htmlFor="add-account-name">Name (optional)</label>
            <input
              id="add-account-name"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-describedby="add-account-name-hint"
            />
            <p id="add-account-name-hint" className="hint muted">
              Such as work or personal. Left empty, it is made from the account’s name in Harvest.
            </p>
          </div>
        }
      />
    </section>
  );
}
