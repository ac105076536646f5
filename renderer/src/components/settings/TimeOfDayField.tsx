// A time of day for the reminders, in the browser's own time picker; stored in the app's one
// clock-time grammar ("17:30").
import { useId } from 'react';
import { formatClockTime, parseClockTime } from '../../../../shared/clockTime';

type Props = {
  label: string;
  value: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  onChange: (value: string) => void;
};

/** "9:00" as a time input wants it: "09:00". */
function toInputValue(value: string): string {
  const minutes = parseClockTime(value);
  if (minutes === null) return '';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function TimeOfDayField({ label, value, disabled, invalid, describedBy, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="time"
        value={toInputValue(value)}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const minutes = parseClockTime(event.target.value);
          if (minutes !== null) onChange(formatClockTime(minutes, '24h'));
        }}
      />
    </div>
  );
}
