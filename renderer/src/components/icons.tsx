// The popover's small line icons, 16 units square, drawn in the text colour.
const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function ChevronLeftIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M10 3.5L5.5 8l4.5 4.5" {...line} strokeWidth={1.6} />
    </svg>
  );
}

export function ChevronRightIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M6 3.5L10.5 8 6 12.5" {...line} strokeWidth={1.6} />
    </svg>
  );
}

export function ReviewIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 13V8.5M6.3 13V4M9.7 13V6.5M13 13V2.5" {...line} strokeWidth={1.8} />
    </svg>
  );
}

/** A cog: eight square teeth around a ring with a hole, read as "settings" on every platform. */
export function GearIcon() {
  const teeth = Array.from({ length: 8 }, (_, index) => index * 45);
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <g fill="currentColor">
        {teeth.map((angle) => (
          <rect key={angle} x="6.6" y="0.9" width="2.8" height="3.2" rx="0.6" transform={`rotate(${angle} 8 8)`} />
        ))}
      </g>
      {/* A thick ring rather than a disc with a painted hole: the hole stays see-through on hover. */}
      <circle cx="8" cy="8" r="3.55" fill="none" stroke="currentColor" strokeWidth="2.3" />
    </svg>
  );
}

export function StopIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <rect x="4" y="4" width="8" height="8" rx="1.2" />
    </svg>
  );
}

export function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M5 3.5v9l7-4.5z" />
    </svg>
  );
}

export function KeyboardIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.5" y="4" width="13" height="8.5" rx="1.5" {...line} strokeWidth={1.3} />
      <path d="M4 7h.01M6.5 7h.01M9 7h.01M11.5 7h.01M5 10h6" {...line} strokeWidth={1.4} />
    </svg>
  );
}
