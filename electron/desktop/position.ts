// Where the popover opens: next to the tray icon, on the side facing away from the menu bar or
// taskbar, and always fully inside the work area of the display the icon is on. Pure so every
// layout (top bar, bottom/left/right taskbars, several displays, Linux's zero bounds) is testable.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface DisplayArea {
  bounds: Rect;
  /** The display minus menu bar, dock and taskbars. */
  workArea: Rect;
}

export interface PopoverPlacement {
  /** Tray.getBounds(); some Linux desktops report all zeros. */
  trayBounds: Rect;
  /** Where the pointer is, used when the tray bounds say nothing. */
  cursor: Point;
  windowSize: { width: number; height: number };
  displays: readonly DisplayArea[];
}

/** A small gap so the popover does not touch the bar it opened from. */
const GAP = 4;

export function popoverPosition({ trayBounds, cursor, windowSize, displays }: PopoverPlacement): Point {
  const anchor = hasArea(trayBounds) ? trayBounds : { x: cursor.x, y: cursor.y, width: 0, height: 0 };
  const center = { x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 };
  const display = displayFor(center, displays);
  if (!display) return { x: Math.round(center.x), y: Math.round(center.y) };
  const area = display.workArea;
  const { width, height } = windowSize;

  let x: number;
  let y: number;
  switch (sideOfWorkArea(center, display)) {
    case 'above': // macOS menu bar, or a taskbar at the top
      x = center.x - width / 2;
      y = anchor.y + anchor.height + GAP;
      break;
    case 'below': // Windows' usual taskbar
      x = center.x - width / 2;
      y = anchor.y - height - GAP;
      break;
    case 'left':
      x = anchor.x + anchor.width + GAP;
      y = center.y - height / 2;
      break;
    case 'right':
      x = anchor.x - width - GAP;
      y = center.y - height / 2;
      break;
    case 'inside': {
      // No bar to lean on (auto-hidden taskbar, or only a cursor point): open towards the middle.
      const displayMiddleY = display.bounds.y + display.bounds.height / 2;
      x = center.x - width / 2;
      y = center.y < displayMiddleY ? anchor.y + anchor.height + GAP : anchor.y - height - GAP;
      break;
    }
  }
  return {
    x: Math.round(clamp(x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(y, area.y, area.y + area.height - height)),
  };
}

type Side = 'above' | 'below' | 'left' | 'right' | 'inside';

/** Which side of the work area the icon sits on, i.e. where its bar is. */
function sideOfWorkArea(point: Point, display: DisplayArea): Side {
  const area = display.workArea;
  if (point.y < area.y) return 'above';
  if (point.y >= area.y + area.height) return 'below';
  if (point.x < area.x) return 'left';
  if (point.x >= area.x + area.width) return 'right';
  return 'inside';
}

function displayFor(point: Point, displays: readonly DisplayArea[]): DisplayArea | undefined {
  const containing = displays.find((display) => contains(display.bounds, point));
  if (containing) return containing;
  let best: DisplayArea | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const display of displays) {
    const distance = distanceTo(display.bounds, point);
    if (distance < bestDistance) {
      best = display;
      bestDistance = distance;
    }
  }
  return best;
}

function hasArea(rect: Rect): boolean {
  return rect.width > 0 && rect.height > 0;
}

function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;
}

function distanceTo(rect: Rect, point: Point): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height));
  return Math.hypot(dx, dy);
}

/** Keeps [value, value + size] inside [min, max + size]; a window larger than the area sticks to min. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
