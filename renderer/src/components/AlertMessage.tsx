import { useUiStore } from '../stores/uiStore';

/** The latest refusal (a change Harvest did not accept), until the user dismisses it. */
export function AlertMessage() {
  const alert = useUiStore((state) => state.alert);
  const setAlert = useUiStore((state) => state.setAlert);
  if (!alert) return null;
  return (
    <div className="banner is-error">
      <p role="alert">{alert}</p>
      <button type="button" className="link-button" onClick={() => setAlert(null)}>
        Dismiss
      </button>
    </div>
  );
}
