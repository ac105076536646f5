// How hours show, and the weekly target the day view's progress bar measures against.
import { useId, useState, type FormEvent } from 'react';
import type { HoursDisplay, Settings, SettingsPatch } from '../../../../shared/domain';
import { useCompany, useMe } from '../../hooks/queries';
import { useFormatHours } from '../../hooks/useTimeFormat';

const displayChoices: { value: HoursDisplay; label: string }[] = [
  { value: 'account', label: 'As the account shows them' },
  { value: 'decimal', label: 'Decimal (1.50)' },
  { value: 'hours_minutes', label: 'Hours and minutes (1:30)' },
];

const MAX_WEEK_HOURS = 168;

type Props = { settings: Settings; update: (patch: SettingsPatch) => void };

export function HoursSettings({ settings, update }: Props) {
  const company = useCompany();
  const accountFormat = company.data?.timeFormat === 'hours_minutes' ? '1:30' : '1.50';
  return (
    <section className="setting-group" aria-labelledby="hours-heading">
      <h2 id="hours-heading">Hours</h2>
      <fieldset className="plain-fieldset">
        <legend>Show hours</legend>
        {displayChoices.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name="hours-display"
              value={choice.value}
              checked={settings.hoursDisplay === choice.value}
              onChange={() => update({ hoursDisplay: choice.value })}
            />
            {choice.value === 'account' ? `${choice.label} (${accountFormat})` : choice.label}
          </label>
        ))}
      </fieldset>
      <WeeklyTarget target={settings.weeklyTargetHours} update={update} />
    </section>
  );
}

function WeeklyTarget({ target, update }: { target: number | null; update: Props['update'] }) {
  const id = useId();
  const me = useMe();
  const formatHours = useFormatHours();
  const [text, setText] = useState(target === null ? '' : String(target));
  const [error, setError] = useState<string | null>(null);
  const capacity = (me.data?.weeklyCapacity ?? 0) / 3600;

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') {
      setError(null);
      if (target !== null) update({ weeklyTargetHours: null });
      return;
    }
    const hours = Number(trimmed);
    if (!Number.isFinite(hours) || hours < 0 || hours > MAX_WEEK_HOURS) {
      setError(`Enter the hours of a week, from 0 to ${MAX_WEEK_HOURS}, or leave it empty.`);
      return;
    }
    setError(null);
    if (hours !== target) update({ weeklyTargetHours: hours });
  };

  return (
    <form className="field" onSubmit={save}>
      <label htmlFor={id}>Weekly target (hours)</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="short-input"
        value={text}
        placeholder={capacity > 0 ? String(capacity) : 'None'}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => save()}
      />
      <p id={`${id}-hint`} className="hint muted">
        {capacity > 0
          ? `Left empty, your weekly capacity in Harvest is used (${formatHours(capacity)}).`
          : 'Left empty, no target is shown: Harvest has no weekly capacity set for you.'}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
