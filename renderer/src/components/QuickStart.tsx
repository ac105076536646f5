// "What are you working on?": the fastest way to start work. Typing filters recent project, task
// and notes triples; Enter starts the highlighted one.
import { useEffect, useMemo, useRef } from 'react';
import { onEvent } from '../api/bridge';
import type { RecentTriple } from '../hooks/useRecentTriples';
import { useUiStore } from '../stores/uiStore';
import { Combobox, type ComboOption } from './Combobox';
import { KeyboardIcon } from './icons';

type Props = { triples: RecentTriple[]; onStart: (triple: RecentTriple) => void; autoFocus: boolean };

export const QUICK_START_LABEL = 'What are you working on?';

export function QuickStart({ triples, onStart, autoFocus }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const setShortcutsOpen = useUiStore((state) => state.setShortcutsOpen);
  const options = useMemo<ComboOption[]>(
    () =>
      triples.map((triple) => ({
        value: triple.key,
        label: triple.notes ?? triple.task.name,
        detail: [triple.project.name, triple.notes ? triple.task.name : null, triple.client?.name].filter(Boolean).join(' · '),
      })),
    [triples],
  );

  // The popover shown again (tray click, shortcut) lands in this field, ready to type.
  useEffect(() => onEvent('ui.shown', () => input.current?.focus()), []);

  return (
    <div className="quick-start">
      <Combobox
        label={QUICK_START_LABEL}
        hideLabel
        className="quick-start-field"
        placeholder={QUICK_START_LABEL}
        options={options}
        value={null}
        autoFocus={autoFocus}
        inputRef={input}
        onChange={(key) => {
          const triple = triples.find((item) => item.key === key);
          if (triple) onStart(triple);
        }}
      />
      <button
        type="button"
        className="icon-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setShortcutsOpen(true)}
      >
        <KeyboardIcon />
      </button>
    </div>
  );
}
