import { MARK_CENTRE, MARK_RING_INNER, MARK_RING_OUTER, MARK_SIZE, type MarkState } from '../../../shared/brandMark';

const middle = MARK_SIZE / 2;
const ringRadius = (MARK_RING_OUTER + MARK_RING_INNER) / 2;

/** The app's mark (the tray icon's shape, shared/brandMark.ts), drawn in the accent colour. */
export function BrandMark({ state = 'running', size = 28 }: { state?: MarkState; size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox={`0 0 ${MARK_SIZE} ${MARK_SIZE}`} aria-hidden="true">
      <circle cx={middle} cy={middle} r={ringRadius} fill="none" stroke="currentColor" strokeWidth={MARK_RING_OUTER - MARK_RING_INNER} />
      {state === 'running' ? <circle cx={middle} cy={middle} r={MARK_CENTRE} fill="currentColor" /> : null}
    </svg>
  );
}
