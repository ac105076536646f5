// The entry's date, written as the account writes dates ("12/04/2026", "04.12.2026"), so the form
// reads like the rest of the popover and like Harvest.
import { useId, useState, type Ref } from 'react';
import type { DateFormat, LocalDate } from '../../../shared/domain';
import { formatNumericDate, numericDatePattern, parseNumericDate } from '../../../shared/dateDisplay';

type Props = {
  value: LocalDate;
  format: DateFormat;
  onChange: (date: LocalDate) => void;
  /** Told at every keystroke why the text is not a date (undefined once it is one). */
  onProblem: (problem: string | undefined) => void;
  problem: string | undefined;
  /** Show the problem even before the field is left (a submit was refused because of it). */
  reveal: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

export function DateField({ value, format, onChange, onProblem, problem, reveal, inputRef }: Props) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const pattern = numericDatePattern(format);
  const shown = problem && (left || reveal) ? problem : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Date</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        value={text ?? formatNumericDate(value, format)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          setLeft(false);
          const date = parseNumericDate(typed, format);
          if (date) onChange(date);
          // An emptied field is asked for, not called "not a date": nothing was written to be wrong.
          if (date) onProblem(undefined);
          else if (typed.trim() === '') onProblem('Enter the date of the entry.');
          else onProblem(`“${typed.trim()}” is not a date. Type it like ${pattern}.`);
        }}
        onBlur={() => {
          setLeft(true);
          // A date that reads back is shown in the account's own shape ("4/12/2026" -> "04/12/2026").
          if (!problem) setText(null);
        }}
      />
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          {shown}
        </p>
      ) : null}
    </div>
  );
}
