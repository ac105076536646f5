// Chooses the screen: sign-in when signed out, otherwise the view the UI store says.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sendDelete } from './api/deleteEntry';
import { AlertMessage } from './components/AlertMessage';
import { IdleDialog, useShownIdleQuestion } from './components/IdleDialog';
import { Notice } from './components/Notice';
import { ReminderBanner } from './components/ReminderBanner';
import { ResetNotices } from './components/ResetNotices';
import { SyncStatus } from './components/SyncStatus';
import { UndoToast } from './components/UndoToast';
import { useSession } from './hooks/queries';
import { useBridgeEvents } from './hooks/useBridgeEvents';
import { useViewFreshness } from './hooks/useViewFreshness';
import { startClock } from './stores/clockStore';
import { setDeleteSender, usePendingDeleteStore } from './stores/pendingDeleteStore';
import { useUiStore } from './stores/uiStore';
import { DayView } from './views/DayView';
import { EntryFormView } from './views/EntryFormView';
import { ReviewView } from './views/ReviewView';
import { SettingsView } from './views/SettingsView';
import { SignInView } from './views/SignInView';

function SignedInApp() {
  const view = useUiStore((state) => state.view);
  const form = useUiStore((state) => state.form);
  const showView = useUiStore((state) => state.showView);
  const askingAboutIdle = useShownIdleQuestion() !== null;

  useEffect(() => {
    if (view !== 'review' && view !== 'settings') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) showView('day');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, showView]);

  let content;
  if (view === 'entry-form' && form) {
    // A new key per opened form, so a reopened form starts from its saved values.
    content = <EntryFormView key={form.mode === 'edit' ? `edit-${form.entry.id}-${form.error ?? ''}` : `new-${form.error ?? ''}`} form={form} />;
  } else if (view === 'review') content = <ReviewView />;
  else if (view === 'settings') content = <SettingsView />;
  else content = <DayView />;

  return (
    <>
      {/* Signed in only: on the sign-in screen nothing was loaded, and its own error says why. */}
      <SyncStatus />
      <ReminderBanner />
      {/* While the idle question is open, the view behind it waits (inert: no focus, no clicks). */}
      <div className="view-content" inert={askingAboutIdle}>
        {content}
      </div>
      <IdleDialog />
      <AlertMessage />
      <Notice />
      <UndoToast />
    </>
  );
}

export function App() {
  const client = useQueryClient();
  const session = useSession();
  useBridgeEvents();
  useViewFreshness();

  useEffect(() => startClock(), []);

  useEffect(() => {
    setDeleteSender((entry) => void sendDelete(client, entry, (message) => useUiStore.getState().setAlert(message)));
    // The popover hiding (or the page going away) sends a delete still waiting for its undo.
    const flush = () => usePendingDeleteStore.getState().flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [client]);

  let screen;
  if (session.isPending) screen = <main className="splash" aria-busy="true" />;
  else if (session.isError)
    screen = (
      <main className="sign-in">
        <p role="alert" className="banner is-error">
          Harvest Tray could not start: {session.error.message}
        </p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </main>
    );
  else if (session.data.state === 'signed-out') screen = <SignInView reason={session.data.reason} />;
  else screen = <SignedInApp />;

  return (
    <div className="app">
      <ResetNotices />
      {screen}
    </div>
  );
}
