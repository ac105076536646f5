// Preferences kept by the main process: how hours show, launch at login, the global shortcuts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import type { HoursDisplay, ShortcutAction } from '../../../shared/domain';
import { call, describeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { BackHeader } from '../components/BackHeader';
import { useCompany, useSession, useSettings, useShortcuts } from '../hooks/queries';
import { useUiStore } from '../stores/uiStore';

const actionNames: Record<ShortcutAction, string> = {
  togglePopover: 'Show or hide Harvest Tray',
  quickRestart: 'Stop or restart the last timer',
};

const displayChoices: { value: HoursDisplay; label: string }[] = [
  { value: 'account', label: 'As the account shows them' },
  { value: 'decimal', label: 'Decimal (1.50)' },
  { value: 'hours_minutes', label: 'Hours and minutes (1:30)' },
];

export function SettingsView() {
  const client = useQueryClient();
  const settings = useSettings();
  const shortcuts = useShortcuts();
  const company = useCompany();
  const session = useSession();
  const showView = useUiStore((state) => state.showView);
  const setAlert = useUiStore((state) => state.setAlert);

  const update = useMutation({
    mutationFn: (patch: RequestOf<'settings.update'>) => call('settings.update', patch),
    onSuccess: (saved) => client.setQueryData(queryKeys.settings, saved),
    onError: (error) => setAlert(`The setting was not saved: ${describeError(error)}`),
  });
  const signOut = useMutation({
    mutationFn: () => call('session.signOut', {}),
    onSuccess: (signedOut) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      client.setQueryData(queryKeys.session, signedOut);
      useUiStore.getState().reset();
    },
    onError: (error) => setAlert(`Signing out failed: ${describeError(error)}`),
  });

  const accountFormat = company.data?.timeFormat === 'hours_minutes' ? '1:30' : '1.50';
  const signedIn = session.data?.state === 'signed-in' ? session.data : null;

  return (
    <>
      <BackHeader title="Settings" onBack={() => showView('day')} />
      <main className="view-body settings">
        {settings.isError ? (
          <p role="alert" className="banner is-error">
            Settings could not be loaded: {describeError(settings.error)}
          </p>
        ) : null}
        <fieldset className="setting-group">
          <legend>Show hours</legend>
          {displayChoices.map((choice) => (
            <label key={choice.value} className="radio">
              <input
                type="radio"
                name="hours-display"
                value={choice.value}
                checked={settings.data?.hoursDisplay === choice.value}
                disabled={!settings.data}
                onChange={() => update.mutate({ hoursDisplay: choice.value })}
              />
              {choice.value === 'account' ? `${choice.label} (${accountFormat})` : choice.label}
            </label>
          ))}
        </fieldset>

        <fieldset className="setting-group">
          <legend>Start up</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.data?.launchAtLogin ?? false}
              disabled={!settings.data}
              onChange={(event) => update.mutate({ launchAtLogin: event.target.checked })}
            />
            Open Harvest Tray when I log in
          </label>
        </fieldset>

        <section className="setting-group" aria-labelledby="shortcuts-heading">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          {shortcuts.data && shortcuts.data.length > 0 ? (
            <ul className="shortcut-list">
              {shortcuts.data.map((shortcut) => (
                <li key={shortcut.action}>
                  <span>{actionNames[shortcut.action]}</span>
                  <span className="shortcut-state">
                    <kbd>{shortcut.accelerator || 'None'}</kbd>
                    {shortcut.registered ? (
                      <span className="ok-text">Active</span>
                    ) : (
                      <span className="problem-text">{shortcut.problem ?? 'Not active'}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Global shortcuts work in the desktop app only.</p>
          )}
        </section>

        <section className="setting-group" aria-labelledby="account-heading">
          <h2 id="account-heading">Account</h2>
          {signedIn ? (
            <p>
              {signedIn.user.firstName} {signedIn.user.lastName} · {signedIn.account.name}
              {signedIn.demo ? ' (demo)' : ''}
            </p>
          ) : null}
          <button type="button" className="button is-danger" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </section>
      </main>
    </>
  );
}
