/** The header of every view below the day view: back, and where you are. */
export function BackHeader({ title, onBack }: { title: string; onBack: () => void }) {
  return (
    <header className="view-header is-sub">
      <button type="button" className="icon-button" aria-label="Back" title="Back" onClick={onBack}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M10 3.5L5.5 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <h1>{title}</h1>
    </header>
  );
}
