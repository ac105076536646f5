// The global shortcuts: each shown as the keyboard names it, with whether it works and why not;
// a new one recorded by pressing it; all put back to the defaults at once.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { acceleratorFromKeys, displayAccelerator } from '../../../../shared/accelerator';
import { DEFAULT_SHORTCUTS } from '../../../../shared/defaultSettings';
import type { Settings, SettingsPatch, ShortcutAction, ShortcutStatus } from '../../../../shared/domain';
import { call } from '../../api/bridge';
import { isMac } from '../../api/platform';
import { useShortcuts } from '../../hooks/queries';

export const actionNames: Record<ShortcutAction, string> = {
  togglePopover: 'Show or hide Harvest Tray',
  quickRestart: 'Stop or restart the last timer',
};
const ACTIONS: ShortcutAction[] = ['togglePopover', 'quickRestart'];

type Props = {
  shortcuts: Settings['shortcuts'];
  /** The desktop registers them; a browser cannot. */
  canRegister: boolean;
  update: (patch: SettingsPatch) => void;
};

export function ShortcutSettings({ shortcuts, canRegister, update }: Props) {
  const status = useShortcuts();
  const isDefault = ACTIONS.every((action) => shortcuts[action] === DEFAULT_SHORTCUTS[action]);
  return (
    <section className="setting-group" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {canRegister ? null : (
        <p className="note">A browser cannot register shortcuts for the whole system. The desktop app uses the ones set here.</p>
      )}
      <ul className="shortcut-list">
        {ACTIONS.map((action) => (
          <ShortcutRow
            key={action}
            action={action}
            shortcuts={shortcuts}
            status={canRegister ? status.data?.find((item) => item.action === action && item.accelerator === shortcuts[action]) : undefined}
            update={update}
          />
        ))}
      </ul>
      <button type="button" className="button is-start" disabled={isDefault} onClick={() => update({ shortcuts: DEFAULT_SHORTCUTS })}>
        Reset shortcuts to defaults
      </button>
    </section>
  );
}

type RowProps = {
  action: ShortcutAction;
  shortcuts: Settings['shortcuts'];
  status: ShortcutStatus | undefined;
  update: (patch: SettingsPatch) => void;
};

function ShortcutRow({ action, shortcuts, status, update }: RowProps) {
  const id = useId();
  const mac = isMac();
  const name = actionNames[action];
  const accelerator = shortcuts[action];
  const [recording, setRecording] = useState(false);
  const [held, setHeld] = useState('');
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<HTMLButtonElement>(null);
  const change = useRef<HTMLButtonElement>(null);

  // The desktop lets go of its shortcuts while recording, so pressing the current one records it
  // instead of firing it; it takes them back when recording ends, however it ends.
  useEffect(() => {
    if (!recording) return;
    recorder.current?.focus();
    void call('shortcuts.recording', { active: true }).catch(() => undefined);
    return () => void call('shortcuts.recording', { active: false }).catch(() => undefined);
  }, [recording]);

  const finish = () => {
    setRecording(false);
    setHeld('');
    requestAnimationFrame(() => change.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Tab') return finish();
    event.preventDefault();
    event.stopPropagation();
    const recorded = acceleratorFromKeys(event.nativeEvent, mac);
    if (recorded.kind === 'incomplete') return setHeld(recorded.held);
    if (recorded.kind === 'cancelled') return finish();
    // A refused combination starts the recording over: the keys held for it are shown no more.
    setHeld('');
    if (recorded.kind === 'invalid') return setError(recorded.reason);
    const other = (Object.keys(shortcuts) as ShortcutAction[]).find(
      (candidate) => candidate !== action && shortcuts[candidate] === recorded.accelerator,
    );
    if (other) {
      return setError(`${displayAccelerator(recorded.accelerator, mac)} is already the shortcut for “${actionNames[other]}”. Press other keys.`);
    }
    setError(null);
    update({ shortcuts: { [action]: recorded.accelerator } });
    finish();
  };

  let state = null;
  if (accelerator === '') state = <span className="muted">Off</span>;
  else if (status?.registered) state = <span className="ok-text">Active</span>;
  else if (status?.problem) state = <span className="problem-text">{status.problem}</span>;

  return (
    <li className="shortcut-row">
      <span className="shortcut-name" id={`${id}-name`}>
        {name}
      </span>
      {recording ? (
        <>
          <button
            ref={recorder}
            type="button"
            className="recorder"
            aria-describedby={`${id}-hint`}
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (!event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) setHeld('');
            }}
            onBlur={finish}
          >
            {held ? `${held}+…` : 'Press the new keys…'}
          </button>
          <span id={`${id}-hint`} className="hint muted">
            Press the keys for “{name}”. Escape cancels.
          </span>
        </>
      ) : (
        <span className="shortcut-state">
          <kbd>{accelerator === '' ? 'None' : displayAccelerator(accelerator, mac)}</kbd>
          {state}
        </span>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <span className="shortcut-actions">
        <button
          ref={change}
          type="button"
          className="chip"
          aria-label={`Change shortcut: ${name}`}
          disabled={recording}
          onClick={() => {
            setError(null);
            setRecording(true);
          }}
        >
          Change
        </button>
        {accelerator !== '' ? (
          <button type="button" className="chip" aria-label={`Turn off shortcut: ${name}`} onClick={() => update({ shortcuts: { [action]: '' } })}>
            Turn off
          </button>
        ) : null}
      </span>
    </li>
  );
}
