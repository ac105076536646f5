// The single-key shortcuts of the day view, listed where `?` (or the keyboard button) opens them.
import { useEffect, useRef } from 'react';
import { useUiStore } from '../stores/uiStore';

export const DAY_SHORTCUTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['N'], does: 'New entry' },
  { keys: ['S'], does: 'Stop the running timer, or start the selected entry' },
  { keys: ['Enter'], does: 'Restart the selected entry' },
  { keys: ['E'], does: 'Edit the selected entry' },
  { keys: ['Delete'], does: 'Delete the selected entry (with Undo)' },
  { keys: ['↑', '↓'], does: 'Move between entries' },
  { keys: ['Esc'], does: 'Close the popover' },
  { keys: ['?'], does: 'Show or hide this list' },
];

export function ShortcutsOverlay() {
  const open = useUiStore((state) => state.shortcutsOpen);
  const setOpen = useUiStore((state) => state.setShortcutsOpen);
  const close = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!open) return;
    returnTo.current = document.activeElement;
    close.current?.focus();
    // Capture phase: Escape closes this list before the day view hears it and hides the popover.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (event.key === 'Tab') {
        // The only control here is Close: keep the focus on it while the list is open.
        event.preventDefault();
        close.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <div className="overlay" onMouseDown={(event) => event.target === event.currentTarget && setOpen(false)}>
      <div className="overlay-panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <p className="muted">When no field has the focus:</p>
        <dl className="shortcut-keys">
          {DAY_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.does}>
              <dt>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" className="button is-wide" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
