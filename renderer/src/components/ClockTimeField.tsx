import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  error: string | undefined;
  placeholder: string;
};

/** A time of day ("9:00am", "14:30") for accounts that record start and end times. */
export function ClockTimeField({ label, value, onChange, onBlur, error, placeholder }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
