import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popoverPosition, type DisplayArea, type Rect } from './position';

const size = { width: 380, height: 560 };
const noCursor = { x: 0, y: 0 };

const macDisplay: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
const windowsBottom: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const leftTaskbar: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 60, y: 0, width: 1860, height: 1080 },
};
const rightTaskbar: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1860, height: 1080 },
};

function inside(point: { x: number; y: number }, area: Rect): boolean {
  return (
    point.x >= area.x &&
    point.y >= area.y &&
    point.x + size.width <= area.x + area.width &&
    point.y + size.height <= area.y + area.height
  );
}

describe('popoverPosition', () => {
  it('opens below a macOS menu bar icon, centred on it', () => {
    const tray = { x: 1000, y: 0, width: 24, height: 24 };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [macDisplay] });
    expect(at).toEqual({ x: 1012 - 190, y: 28 });
  });

  it('stays on screen for an icon at the far right of the menu bar', () => {
    const tray = { x: 1420, y: 0, width: 20, height: 24 };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [macDisplay] });
    expect(at.x).toBe(1440 - 380);
    expect(inside(at, macDisplay.workArea)).toBe(true);
  });

  it('opens above a bottom taskbar icon', () => {
    const tray = { x: 1700, y: 1044, width: 32, height: 32 };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [windowsBottom] });
    expect(at.y + size.height).toBeLessThanOrEqual(1040);
    expect(at.y).toBe(1044 - 560 - 4);
    expect(at.x).toBe(1716 - 190);
  });

  it('opens to the right of a left taskbar, vertically clamped', () => {
    const tray = { x: 14, y: 1030, width: 32, height: 32 };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [leftTaskbar] });
    // 14 + 32 + gap would overlap the bar's edge of the work area: pushed to it instead.
    expect(at).toEqual({ x: 60, y: 1080 - 560 });
  });

  it('opens to the left of a right taskbar', () => {
    const tray = { x: 1874, y: 500, width: 32, height: 32 };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [rightTaskbar] });
    expect(at.x).toBe(1860 - 380); // flush against the bar, never over it
    expect(at.y).toBe(516 - 280);
  });

  it('uses the display the icon is on when there are several', () => {
    const leftMonitor: DisplayArea = {
      bounds: { x: -1280, y: 0, width: 1280, height: 1024 },
      workArea: { x: -1280, y: 0, width: 1280, height: 984 },
    };
    const tray = { x: -100, y: 990, width: 32, height: 32 };
    const at = popoverPosition({
      trayBounds: tray,
      cursor: noCursor,
      windowSize: size,
      displays: [windowsBottom, leftMonitor],
    });
    expect(inside(at, leftMonitor.workArea)).toBe(true);
    expect(at.x).toBe(-380);
  });

  it('uses the cursor where Linux reports zero tray bounds', () => {
    const secondDisplay: DisplayArea = {
      bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
      workArea: { x: 1920, y: 32, width: 2560, height: 1408 },
    };
    const at = popoverPosition({
      trayBounds: { x: 0, y: 0, width: 0, height: 0 },
      cursor: { x: 4000, y: 10 },
      windowSize: size,
      displays: [windowsBottom, secondDisplay],
    });
    expect(at).toEqual({ x: 4000 - 190, y: 32 });
  });

  it('opens towards the middle when the bar auto-hides and the icon is inside the work area', () => {
    const tray = { x: 900, y: 1050, width: 24, height: 24 };
    const fullArea: DisplayArea = { bounds: windowsBottom.bounds, workArea: windowsBottom.bounds };
    const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [fullArea] });
    expect(at.y).toBe(1050 - 560 - 4);
  });

  it('sticks to the top-left of a work area smaller than the window', () => {
    const tiny: DisplayArea = {
      bounds: { x: 0, y: 0, width: 300, height: 400 },
      workArea: { x: 0, y: 20, width: 300, height: 380 },
    };
    const at = popoverPosition({ trayBounds: { x: 280, y: 0, width: 20, height: 20 }, cursor: noCursor, windowSize: size, displays: [tiny] });
    expect(at).toEqual({ x: 0, y: 20 });
  });

  it('keeps the popover fully inside the work area for any bar and icon placement', () => {
    const layout = fc
      .record({
        x: fc.integer({ min: -4000, max: 4000 }),
        y: fc.integer({ min: -2000, max: 2000 }),
        width: fc.integer({ min: 800, max: 5000 }),
        height: fc.integer({ min: 700, max: 3000 }),
        bar: fc.constantFrom('top', 'bottom', 'left', 'right', 'none'),
        thickness: fc.integer({ min: 20, max: 80 }),
        along: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ x, y, width, height, bar, thickness, along }) => {
        const bounds = { x, y, width, height };
        const workArea = { ...bounds };
        let tray: Rect = { x: x + Math.floor(along * (width - 24)), y: y + Math.floor(along * (height - 24)), width: 24, height: 24 };
        if (bar === 'top') {
          workArea.y += thickness;
          workArea.height -= thickness;
          tray = { ...tray, y };
        } else if (bar === 'bottom') {
          workArea.height -= thickness;
          tray = { ...tray, y: y + height - thickness + 2 };
        } else if (bar === 'left') {
          workArea.x += thickness;
          workArea.width -= thickness;
          tray = { ...tray, x: x + 2 };
        } else if (bar === 'right') {
          workArea.width -= thickness;
          tray = { ...tray, x: x + width - thickness + 2 };
        }
        return { display: { bounds, workArea }, tray };
      });
    fc.assert(
      fc.property(layout, ({ display, tray }) => {
        const at = popoverPosition({ trayBounds: tray, cursor: noCursor, windowSize: size, displays: [display] });
        return inside(at, display.workArea) && Number.isInteger(at.x) && Number.isInteger(at.y);
      }),
    );
  });
});
