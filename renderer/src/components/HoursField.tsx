// Hours as a person types them ("1.5", "1:30", "90m"), checked on leaving the field; a reason
// shows beside the field and the form refuses to send until it parses.
import { useId } from 'react';

type Props = {
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  error: string | undefined;
  placeholder: string;
};

export function HoursField({ value, onChange, onBlur, error, placeholder }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field field-hours">
      <label htmlFor={id}>Hours</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
