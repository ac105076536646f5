// Harvest Tray's mark, in one place: a timer ring, with a filled centre while a timer runs. The
// icon generator (scripts/icons/art.ts) renders the app and tray icons from these numbers and the
// popover draws the same shape as SVG (renderer/src/components/BrandMark.tsx), so the sign-in
// screen, the tray and the app icon show one mark.

/** The mark is designed on a square of this many units. */
export const MARK_SIZE = 32;
/** The ring's outer and inner radius, and the running centre's radius, in the same units. */
export const MARK_RING_OUTER = 12.5;
export const MARK_RING_INNER = 9.5;
export const MARK_CENTRE = 6;

export type MarkState = 'idle' | 'running';
