// Every preference in one view: accounts, hours, idle time, reminders, shortcuts, the tray and
// start-up. Each change is saved as it is made; only what this host can do is offered.
import { useState } from 'react';
import type { SettingsPatch } from '../../../shared/domain';
import { describeError, isBridgeError } from '../api/bridge';
import { BackHeader } from '../components/BackHeader';
import { AccountsSection } from '../components/settings/AccountsSection';
import { HoursSettings } from '../components/settings/HoursSettings';
import { IdleSettings } from '../components/settings/IdleSettings';
import { ReminderSettings } from '../components/settings/ReminderSettings';
import { ShortcutSettings } from '../components/settings/ShortcutSettings';
import { useCapabilities, useSettings } from '../hooks/queries';
import { useUpdateSettings } from '../hooks/useUpdateSettings';
import { useUiStore } from '../stores/uiStore';

export function SettingsView() {
  const settings = useSettings();
  const capabilities = useCapabilities();
  const showView = useUiStore((state) => state.showView);
  const setAlert = useUiStore((state) => state.setAlert);
  const [reminderError, setReminderError] = useState<string | null>(null);
  const update = useUpdateSettings((error) => {
    // A refusal about a reminder field is shown beside it; anything else as the alert.
    if (isBridgeError(error) && error.field?.startsWith('reminders.')) setReminderError(error.message);
    else setAlert(`The setting was not saved: ${describeError(error)}`);
  });
  const save = (patch: SettingsPatch) => update.save(patch);
  const current = settings.data;

  return (
    <>
      <BackHeader title="Settings" onBack={() => showView('day')} />
      <main className="view-body settings" aria-busy={settings.isPending || undefined}>
        {settings.isError ? (
          <p role="alert" className="banner is-error">
            Settings could not be loaded: {describeError(settings.error)}
          </p>
        ) : null}
        <AccountsSection />
        {current ? (
          <>
            <HoursSettings settings={current} update={save} />
            <IdleSettings idle={current.idle} capabilities={capabilities.data} update={save} />
            <ReminderSettings reminders={current.reminders} update={save} error={reminderError} setError={setReminderError} />
            <ShortcutSettings shortcuts={current.shortcuts} canRegister={capabilities.data?.globalShortcuts ?? false} update={save} />
            <section className="setting-group" aria-labelledby="tray-heading">
              <h2 id="tray-heading">Tray</h2>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={current.hideProjectNamesInTray}
                  onChange={(event) => save({ hideProjectNamesInTray: event.target.checked })}
                />
                Hide project and task names in the tray, for screen sharing
              </label>
              {capabilities.data?.launchAtLogin ? (
                <label className="checkbox">
                  <input type="checkbox" checked={current.launchAtLogin} onChange={(event) => save({ launchAtLogin: event.target.checked })} />
                  Open Harvest Tray when I log in
                </label>
              ) : null}
            </section>
          </>
        ) : null}
      </main>
    </>
  );
}
