// The account switcher in the day view's header: a button naming the current account, opening a
// menu of the others (WAI-ARIA menu button: Enter, Space or the arrows open it, the arrows, Home
// and End move, Escape and Tab close it). Switching changes the account everything acts on.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountEntry } from '../../../shared/accounts';
import { switchAccount } from '../api/accountChange';
import { call, describeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { useSession } from '../hooks/queries';
import { useUiStore } from '../stores/uiStore';

/** Harvest's own API: another server (a simulator, a staging copy) is worth naming. */
const HARVEST_API_HOST = 'api.harvestapp.com';

export function serverNote(server: string): string | null {
  try {
    const host = new URL(server).host;
    return host === HARVEST_API_HOST ? null : host;
  } catch {
    return server;
  }
}

/** What the menu and the button call an account: the user's name for it, or Harvest's. */
export function accountLabel(account: Pick<AccountEntry, 'name' | 'accountName'>): string {
  return account.name ?? account.accountName;
}

export function AccountSwitcher() {
  const client = useQueryClient();
  const session = useSession();
  const showView = useUiStore((state) => state.showView);
  const setAlert = useUiStore((state) => state.setAlert);
  const [open, setOpen] = useState(false);
  const [switching, setSwitching] = useState<string | null>(null);
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('accounts.list', {}), enabled: open });
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const current = session.data?.state === 'signed-in' ? session.data : null;
  const label = current ? (current.name ?? current.account.name) : '';

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  // Opened: the list is asked again (the command line may have added one), and the current
  // account's item (or the first) takes the focus once it is there.
  useEffect(() => {
    if (!open) return;
    void accounts.refetch();
    // The refetch is asked for once per opening, not on every change of the query object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const listed = accounts.data?.accounts;
  useEffect(() => {
    if (!open) return;
    const all = items();
    (all.find((item) => item.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
  }, [open, listed]);

  // A click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (!current) return null;

  const choose = async (account: AccountEntry) => {
    close(true);
    if (account.current) return;
    setSwitching(accountLabel(account));
    try {
      await switchAccount(client, account.name, setAlert);
    } catch (error) {
      setAlert(`Could not switch to ${accountLabel(account)}: ${describeError(error)}`);
    } finally {
      setSwitching(null);
    }
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    // Every other key stays in the menu: no single-key shortcut of the day view, no hiding.
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Enter' || event.key === ' ') (document.activeElement as HTMLElement | null)?.click();
  };

  return (
    <div className="account-switcher" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${switching ?? label}`}
        aria-busy={switching !== null || undefined}
        title={switching ? `Switching to ${switching}…` : `Account: ${label} (${current.account.name})`}
        onClick={() => (open ? close(true) : setOpen(true))}
        onKeyDown={onButtonKey}
      >
        <span className="account-button-name">{switching ?? label}</span>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4.5 6.5L8 10l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <ul id={menuId} ref={menu} role="menu" aria-label="Accounts" className="account-menu" onKeyDown={onMenuKey}>
          {accounts.isPending ? (
            <li role="none" className="account-menu-note muted">
              Loading accounts…
            </li>
          ) : null}
          {accounts.isError ? (
            <li role="none" className="account-menu-note">
              The accounts could not be read: {describeError(accounts.error)}
            </li>
          ) : null}
          {(listed ?? []).map((account) => {
            const note = serverNote(account.server);
            return (
              <li role="none" key={account.name ?? 'environment'}>
                <button
                  type="button"
                  role="menuitemradio"
                  aria-checked={account.current}
                  tabIndex={-1}
                  className="account-menu-item"
                  onClick={() => void choose(account)}
                >
                  <span className="account-menu-check" aria-hidden="true">
                    {account.current ? '✓' : ''}
                  </span>
                  <span className="account-menu-text">
                    <span className="account-menu-name">{accountLabel(account)}</span>
                    <span className="account-menu-detail">
                      {account.name === null ? 'from HARVEST_ACCESS_TOKEN' : account.accountName}
                      {note ? ` · ${note}` : ''}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
          <li role="separator" className="account-menu-separator" />
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="account-menu-item"
              onClick={() => {
                close(false);
                showView('settings');
              }}
            >
              <span className="account-menu-check" aria-hidden="true" />
              <span className="account-menu-text">Add or manage accounts…</span>
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
