// A searchable single-select following the WAI-ARIA combobox pattern (list autocomplete):
// typing filters, arrows move the active option, Enter picks it, Escape closes the list (and,
// with the list already closed, lets the form hear Escape so it can cancel).
import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';

export type ComboOption = {
  value: string;
  label: string;
  /** Smaller second line, e.g. the client of a project. */
  detail?: string | null;
  /** Shown above the option when it starts a group ("Recent", "All projects"). */
  group?: string;
};

type Props = {
  label: string;
  options: ComboOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  /** The label is for screen readers only (the placeholder says the same on screen). */
  hideLabel?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
};

function matches(option: ComboOption, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${option.label} ${option.detail ?? ''}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function Combobox({ label, options, value, onChange, placeholder, disabled, describedBy, invalid, autoFocus, hideLabel, inputRef, className }: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const selected = options.find((option) => option.value === value) ?? null;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const filtered = useMemo(
    () => (query === null || query.trim() === '' ? options : options.filter((option) => matches(option, query))),
    [options, query],
  );
  const active = open ? filtered[Math.min(activeIndex, filtered.length - 1)] : undefined;
  const optionId = (index: number) => `${id}-option-${index}`;

  const openList = (index: number) => {
    setOpen(true);
    setActiveIndex(index);
  };

  const choose = (option: ComboOption) => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  const moveTo = (index: number) => {
    setActiveIndex(index);
    listRef.current?.querySelector(`#${CSS.escape(optionId(index))}`)?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = filtered.length - 1;
    const current = Math.min(activeIndex, last);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList(Math.max(0, filtered.findIndex((option) => option.value === value)));
        else moveTo(current >= last ? 0 : current + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openList(last);
        else moveTo(current <= 0 ? last : current - 1);
        break;
      case 'Home':
      case 'End':
        if (open) {
          event.preventDefault();
          moveTo(event.key === 'Home' ? 0 : last);
        }
        break;
      case 'Enter':
        // Ctrl/Cmd+Enter belongs to the form (submit), not the list.
        if (open && active && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setQuery(null);
        }
        break;
      case 'Tab':
        setOpen(false);
        setQuery(null);
        break;
    }
  };

  return (
    <div className={className ? `combobox ${className}` : 'combobox'}>
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(filtered.indexOf(active)) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={query ?? selected?.label ?? ''}
        onChange={(event) => {
          setQuery(event.target.value);
          openList(0);
        }}
        onClick={() => (open ? setOpen(false) : openList(Math.max(0, selected ? filtered.indexOf(selected) : 0)))}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!open} ref={listRef}>
        {/* Options exist only while the list is open: nothing hidden for a page search or a long list to render. */}
        {!open ? null : filtered.length === 0 ? (
          <li className="combobox-empty" role="presentation">
            Nothing matches “{query}”
          </li>
        ) : (
          filtered.flatMap((option, index) => {
            const startsGroup = option.group && filtered[index - 1]?.group !== option.group;
            const row = (
              <li
                key={option.value}
                id={optionId(index)}
                role="option"
                aria-selected={option.value === value}
                className={option === active ? 'combobox-option is-active' : 'combobox-option'}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                <span className="combobox-label" title={option.label}>{option.label}</span>
                {option.detail ? <span className="combobox-detail" title={option.detail}>{option.detail}</span> : null}
              </li>
            );
            return startsGroup
              ? [
                  <li key={`group-${option.group}`} role="presentation" className="combobox-group" aria-hidden="true">
                    {option.group}
                  </li>,
                  row,
                ]
              : [row];
          })
        )}
      </ul>
    </div>
  );
}
