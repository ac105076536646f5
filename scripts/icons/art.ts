// The one source of Harvest Tray's icons: a timer ring, with a filled centre while a timer runs,
// drawn as exact shapes so every size is rendered from the same geometry (no scaled bitmaps).
// scripts/icons/generate.ts renders it into build/: the app icon (macOS, Windows .ico, Linux
// sizes) and the tray icons (macOS template images, light and dark ones elsewhere).
// Why not an SVG rendered by a library: the art is two circles and a rounded square, whose pixel
// coverage has a closed form; a rasteriser would add a native dependency for that.

import { MARK_CENTRE, MARK_RING_INNER, MARK_RING_OUTER, MARK_SIZE, type MarkState } from '../../shared/brandMark';

// The geometry is shared/brandMark.ts's, which the popover also draws (its sign-in mark).
export type TrayState = MarkState;
export type Rgb = readonly [number, number, number];

export const HARVEST_ORANGE: Rgb = [0xf3, 0x6c, 0x00];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** A square RGBA image, row by row. */
export interface Bitmap {
  size: number;
  rgba: Uint8Array;
}

/** Fraction of a pixel inside a circle of `radius` at `distance` from its centre (1 px soft edge). */
function inside(distance: number, radius: number): number {
  return Math.min(1, Math.max(0, radius - distance + 0.5));
}

/** The glyph's coverage at pixel centre (x, y) of a `size` square, in the mark's design space. */
function glyph(x: number, y: number, size: number, state: TrayState): number {
  const unit = size / MARK_SIZE;
  const distance = Math.hypot(x - size / 2, y - size / 2);
  const ring = inside(distance, MARK_RING_OUTER * unit) * (1 - inside(distance, MARK_RING_INNER * unit));
  const centre = state === 'running' ? inside(distance, MARK_CENTRE * unit) : 0;
  return Math.max(ring, centre);
}

function paint(size: number, colourAt: (x: number, y: number) => { rgb: Rgb; alpha: number }): Bitmap {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const { rgb, alpha } = colourAt(x + 0.5, y + 0.5);
      rgba.set([rgb[0], rgb[1], rgb[2], Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return { size, rgba };
}

/** A tray icon: the glyph alone in one colour (black for macOS template images). */
export function trayBitmap(size: number, state: TrayState, rgb: Rgb): Bitmap {
  return paint(size, (x, y) => ({ rgb, alpha: glyph(x, y, size, state) }));
}

/** Coverage of a square with rounded corners, inset by `inset` px, corner radius `radius`. */
function roundedSquare(x: number, y: number, size: number, inset: number, radius: number): number {
  const near = (value: number) => Math.min(Math.max(value, inset + radius), size - inset - radius);
  const distance = Math.hypot(x - near(x), y - near(y));
  const edge = Math.min(x - inset, y - inset, size - inset - x, size - inset - y);
  return distance > 0 ? inside(distance, radius) : Math.min(1, Math.max(0, edge + 0.5));
}

/**
 * The app icon: the running glyph in white on a Harvest-orange rounded square, inset as macOS
 * asks of app icons (about 10% each side) so it sits with other apps in the Dock and menus.
 */
export function appIconBitmap(size: number): Bitmap {
  const inset = size * 0.1;
  const radius = size * 0.18;
  return paint(size, (x, y) => {
    const tile = roundedSquare(x, y, size, inset, radius);
    // The glyph fills 60% of the tile.
    const scale = 0.6 * (size - 2 * inset);
    const offset = (size - scale) / 2;
    const mark = x >= offset && y >= offset ? glyph(x - offset, y - offset, scale, 'running') : 0;
    const rgb = mark > 0 ? blend(HARVEST_ORANGE, WHITE, mark) : HARVEST_ORANGE;
    return { rgb, alpha: tile };
  });
}

function blend(from: Rgb, to: Rgb, amount: number): Rgb {
  const mix = (a: number, b: number) => Math.round(a + (b - a) * amount);
  return [mix(from[0], to[0]), mix(from[1], to[1]), mix(from[2], to[2])];
}
