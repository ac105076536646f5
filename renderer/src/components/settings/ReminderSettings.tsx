// Reminders: the working week and day, the no-timer reminder, the end-of-day total, and the
// automatic stops.
import { useId } from 'react';
import { parseClockTime } from '../../../../shared/clockTime';
import type { CompanySettings, ReminderSettings as Reminders, SettingsPatch } from '../../../../shared/domain';
import { useCompany } from '../../hooks/queries';
import { TimeOfDayField } from './TimeOfDayField';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIRST_DAY: Record<CompanySettings['weekStartDay'], number> = { Sunday: 0, Monday: 1, Saturday: 6 };
const EVERY_MINUTES = [15, 30, 60];

type Props = {
  reminders: Reminders;
  update: (patch: SettingsPatch) => void;
  /** Why the main process refused the last change here, if it did. */
  error: string | null;
  setError: (message: string | null) => void;
};

export function ReminderSettings({ reminders, update, error, setError }: Props) {
  const id = useId();
  const company = useCompany();
  const first = FIRST_DAY[company.data?.weekStartDay ?? 'Monday'];
  const days = Array.from({ length: 7 }, (_, index) => (first + index) % 7);
  const save = (patch: Partial<Reminders>) => {
    setError(null);
    update({ reminders: patch });
  };
  const saveHours = (patch: Pick<Partial<Reminders>, 'workStart' | 'workEnd'>) => {
    const start = parseClockTime(patch.workStart ?? reminders.workStart) ?? 0;
    const end = parseClockTime(patch.workEnd ?? reminders.workEnd) ?? 0;
    if (end <= start) return setError('The working day must end after it starts.');
    save(patch);
  };
  const toggleDay = (day: number, on: boolean) =>
    save({ workDays: on ? [...reminders.workDays, day] : reminders.workDays.filter((item) => item !== day) });

  return (
    <section className="setting-group" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <fieldset className="plain-fieldset">
        <legend>Working days</legend>
        <div className="weekdays">
          {days.map((day) => (
            <label key={day} className="weekday">
              <input type="checkbox" checked={reminders.workDays.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
              <span aria-hidden="true">{DAY_NAMES[day]?.slice(0, 2)}</span>
              <span className="visually-hidden">{DAY_NAMES[day]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <TimeOfDayField
          label="Working day starts"
          value={reminders.workStart}
          onChange={(workStart) => saveHours({ workStart })}
        />
        <TimeOfDayField
          label="Working day ends"
          value={reminders.workEnd}
          invalid={error !== null}
          describedBy={error ? `${id}-error` : undefined}
          onChange={(workEnd) => saveHours({ workEnd })}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="reminder-option">
        <label className="checkbox">
          <input type="checkbox" checked={reminders.noTimer} onChange={(event) => save({ noTimer: event.target.checked })} />
          Remind me when no timer runs in working hours
        </label>
        <div className="field">
          <label htmlFor={`${id}-every`}>Remind every</label>
          <select
            id={`${id}-every`}
            value={reminders.noTimerEveryMinutes}
            disabled={!reminders.noTimer}
            onChange={(event) => save({ noTimerEveryMinutes: Number(event.target.value) })}
          >
            {[...new Set([...EVERY_MINUTES, reminders.noTimerEveryMinutes])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes === 60 ? '1 hour' : `${minutes} minutes`}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="reminder-option">
        <label className="checkbox">
          <input type="checkbox" checked={reminders.endOfDay} onChange={(event) => save({ endOfDay: event.target.checked })} />
          Show the day’s total at the end of the working day
        </label>
        <TimeOfDayField
          label="End-of-day reminder at"
          value={reminders.endOfDayAt}
          disabled={!reminders.endOfDay}
          onChange={(endOfDayAt) => save({ endOfDayAt })}
        />
      </div>

      <div className="reminder-option">
        <label className="checkbox">
          <input type="checkbox" checked={reminders.autoStop} onChange={(event) => save({ autoStop: event.target.checked })} />
          Stop a timer still running at a set time
        </label>
        <TimeOfDayField
          label="Stop running timers at"
          value={reminders.autoStopAt}
          disabled={!reminders.autoStop}
          onChange={(autoStopAt) => save({ autoStopAt })}
        />
      </div>

      <label className="checkbox">
        <input type="checkbox" checked={reminders.stopOnShutdown} onChange={(event) => save({ stopOnShutdown: event.target.checked })} />
        Stop a running timer when the computer shuts down
      </label>
    </section>
  );
}
