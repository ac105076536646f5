// The reminder of the moment, in the popover: what the notification said, with the same choices
// (where the system's notifications have no buttons, this is where they are).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Snooze } from '../../../shared/domain';
import { reminderText } from '../../../shared/reminderText';
import { call, describeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { useCompany, useReminder, useSettings } from '../hooks/queries';
import { useFormatHours } from '../hooks/useTimeFormat';
import { useUiStore } from '../stores/uiStore';

const snoozes: { value: Snooze; label: string }[] = [
  { value: '15m', label: '15 min' },
  { value: '1h', label: '1 hour' },
  { value: 'rest-of-day', label: 'Not today' },
];

export function ReminderBanner() {
  const client = useQueryClient();
  const reminder = useReminder();
  const company = useCompany();
  const settings = useSettings();
  const formatHours = useFormatHours();
  const showView = useUiStore((state) => state.showView);
  const setAlert = useUiStore((state) => state.setAlert);
  const clear = () => client.setQueryData(queryKeys.reminder, null);
  const snooze = useMutation({
    mutationFn: (choice: Snooze) => call('reminders.snooze', { for: choice }),
    onSuccess: clear,
    onError: (error) => setAlert(`The reminder could not be snoozed: ${describeError(error)}`),
  });
  const dismiss = useMutation({ mutationFn: () => call('reminders.dismiss', {}), onSettled: clear });

  const current = reminder.data;
  if (!current) return null;
  const text = reminderText(current, {
    formatHours,
    clock: company.data?.clock ?? '12h',
    hideNames: settings.data?.hideProjectNamesInTray ?? false,
  });

  return (
    <section className="reminder" aria-label="Reminder">
      <p>
        <strong>{text.title}.</strong> {text.body}
      </p>
      <div className="reminder-actions">
        {current.kind === 'no-timer' ? (
          <>
            <span className="muted">
              Snooze:
            </span>
            {snoozes.map((choice) => (
              <button
                key={choice.value}
                type="button"
                className="chip"
                aria-label={`Snooze ${choice.label === 'Not today' ? 'for the rest of today' : choice.label}`}
                disabled={snooze.isPending}
                onClick={() => snooze.mutate(choice.value)}
              >
                {choice.label}
              </button>
            ))}
          </>
        ) : null}
        {current.kind === 'end-of-day' ? (
          <button
            type="button"
            className="chip"
            onClick={() => {
              dismiss.mutate();
              showView('review');
            }}
          >
            Open review
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => dismiss.mutate()}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
