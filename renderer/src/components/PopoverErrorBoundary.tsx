// The last line of defence: a view that throws while rendering (data of a shape it cannot show,
// a bug) leaves a sentence and a Reload button, never a blank popover.
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; onReload?: () => void };
type State = { error: Error | null };

export class PopoverErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools; the user reads the sentence below.
    console.error('Harvest Tray could not render a view', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return (
      <main className="sign-in">
        <div role="alert" className="banner is-error">
          <p>
            Harvest Tray could not show this view ({error.message || 'an unknown error'}). Your entries are
            safe in Harvest; reloading usually brings the popover back.
          </p>
        </div>
        <button type="button" className="button is-primary" onClick={reload}>
          Reload
        </button>
      </main>
    );
  }
}
