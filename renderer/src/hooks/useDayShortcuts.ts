// Single-key shortcuts of the day view, heard only when no field has the focus (so typing is never
// taken for a command). "The selected entry" is the row holding the focus.
import { useEffect, useRef } from 'react';
import type { TimeEntry } from '../../../shared/domain';
import { isConfirmed } from '../api/entryCache';
import { useUiStore } from '../stores/uiStore';

export type DayShortcutActions = {
  entries: TimeEntry[];
  running: TimeEntry | null;
  newEntry: () => void;
  stop: (entry: TimeEntry) => void;
  restart: (entry: TimeEntry) => void;
  edit: (entry: TimeEntry) => void;
  remove: (entry: TimeEntry) => void;
};

function typingInto(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function rowOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('li[data-entry-id]') ?? null;
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('li[data-entry-id]')];
}

const changeable = (entry: TimeEntry) => !entry.isLocked && isConfirmed(entry);

export function useDayShortcuts(actions: DayShortcutActions): void {
  // The latest actions, read when a key comes, so the listener is added once.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingInto(event.target) || useUiStore.getState().shortcutsOpen) return;
      const { entries, running, newEntry, stop, restart, edit, remove } = latest.current;
      const row = rowOf(document.activeElement);
      const selected = row ? entries.find((entry) => String(entry.id) === row.dataset.entryId) : undefined;
      const onButton = document.activeElement instanceof HTMLButtonElement;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;

      const act = (action: () => void) => {
        event.preventDefault();
        action();
      };
      switch (key) {
        case '?':
          return act(() => useUiStore.getState().setShortcutsOpen(true));
        case 'n':
          return act(newEntry);
        case 's': {
          const target = selected ?? running;
          if (!target || !changeable(target)) return;
          return act(() => (target.isRunning ? stop(target) : restart(target)));
        }
        case 'e':
          if (selected && changeable(selected)) act(() => edit(selected));
          return;
        case 'Delete':
        case 'Backspace':
          if (selected && row && changeable(selected)) {
            act(() => {
              const all = rows();
              const next = all[all.indexOf(row) + 1] ?? all[all.indexOf(row) - 1];
              remove(selected);
              next?.focus();
            });
          }
          return;
        case 'Enter':
          // On a button, Enter presses that button.
          if (selected && !onButton && changeable(selected) && !selected.isRunning) act(() => restart(selected));
          return;
        case 'ArrowDown':
        case 'ArrowUp': {
          const all = rows();
          if (all.length === 0) return;
          const down = key === 'ArrowDown';
          const index = row ? all.indexOf(row) : -1;
          const next = row ? all[index + (down ? 1 : -1)] : down ? all[0] : all[all.length - 1];
          if (!next) return;
          return act(() => {
            // From a button, the same button on the next row; from a row, the next row.
            const buttons = row ? [...row.querySelectorAll('button')] : [];
            const column = onButton ? buttons.indexOf(document.activeElement as HTMLButtonElement) : -1;
            const target = column >= 0 ? next.querySelectorAll('button')[column] : undefined;
            (target ?? next).focus();
          });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
