// Idle time: whether to ask, and after how long; where the desktop cannot tell, it says so.
import { useId, useState, type FormEvent } from 'react';
import type { HostCapabilities, Settings, SettingsPatch } from '../../../../shared/domain';

const MIN_MINUTES = 1;
const MAX_MINUTES = 240;

type Props = { idle: Settings['idle']; capabilities: HostCapabilities | undefined; update: (patch: SettingsPatch) => void };

export function IdleSettings({ idle, capabilities, update }: Props) {
  const id = useId();
  const [text, setText] = useState(String(idle.minutes));
  const [error, setError] = useState<string | null>(null);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const minutes = Number(text.trim());
    if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      setError(`Enter whole minutes from ${MIN_MINUTES} to ${MAX_MINUTES}.`);
      return;
    }
    setError(null);
    if (minutes !== idle.minutes) update({ idle: { minutes } });
  };

  return (
    <section className="setting-group" aria-labelledby="idle-heading">
      <h2 id="idle-heading">Idle time</h2>
      <label className="checkbox">
        <input type="checkbox" checked={idle.enabled} onChange={(event) => update({ idle: { enabled: event.target.checked } })} />
        Ask what to do with time away while a timer runs
      </label>
      <form className="field inline-field" onSubmit={save}>
        <label htmlFor={id}>Away for at least (minutes)</label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          className="short-input"
          value={text}
          disabled={!idle.enabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => save()}
        />
      </form>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <p className="hint muted">No keyboard or mouse, a locked screen and sleep all count as away.</p>
      {capabilities?.idleNote ? <p className="note">{capabilities.idleNote}</p> : null}
    </section>
  );
}
