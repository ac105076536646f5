// The tray icons, drawn in code so there is no asset path to get wrong in dev, tests or packaged
// builds: a ring when idle, a ring with a filled centre while a timer runs. On macOS they are
// template images (black + alpha; the menu bar recolours them); elsewhere Harvest orange / grey.
// Encoding a 32x32 RGBA PNG takes a dozen lines over node:zlib, so no image library is pulled in.
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 32;

export type TrayIconState = 'idle' | 'running';

type Rgb = readonly [number, number, number];
const ORANGE: Rgb = [0xf3, 0x6c, 0x00];
const GREY: Rgb = [0x80, 0x80, 0x80];
const BLACK: Rgb = [0, 0, 0];

export function trayIconPng(state: TrayIconState, template: boolean): Buffer {
  const color = template ? BLACK : state === 'running' ? ORANGE : GREY;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // leading 0: PNG filter "none"
    for (let x = 0; x < SIZE; x += 1) {
      const alpha = coverage(x + 0.5, y + 0.5, state);
      row.set([color[0], color[1], color[2], Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  return png(SIZE, SIZE, Buffer.concat(rows));
}

/** How much of the pixel at (x, y) the shape covers, with a one-pixel soft edge. */
function coverage(x: number, y: number, state: TrayIconState): number {
  const distance = Math.hypot(x - SIZE / 2, y - SIZE / 2);
  const ring = edge(distance, 12.5) * (1 - edge(distance, 9.5));
  const centre = state === 'running' ? edge(distance, 6) : 0;
  return Math.max(ring, centre);
}

/** 1 inside radius, 0 outside, linear across the boundary pixel. */
function edge(distance: number, radius: number): number {
  return Math.min(1, Math.max(0, radius - distance + 0.5));
}

function png(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
