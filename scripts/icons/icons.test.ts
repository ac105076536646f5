import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconFiles } from './icons';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
const files = iconFiles();

/** Width, height and the RGBA pixels of a PNG written by encode.ts (filter "none" on every row). */
function decode(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT', 0, 'ascii');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  return {
    width,
    height,
    pixel: (x, y) => [...raw.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 5 + x * 4)],
  };
}

describe('icons in build/', () => {
  it.each([...files.keys()])('%s is what scripts/icons renders (run `npx tsx scripts/icons/generate.ts` after changing the art)', (path) => {
    expect(readFileSync(join(buildDir, path)).equals(files.get(path) ?? Buffer.alloc(0))).toBe(true);
  });

  it('has every size Linux packages and Windows need, and a 1024 px icon for macOS', () => {
    expect(decode(files.get('icon.png') ?? Buffer.alloc(0)).width).toBe(1024);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(decode(files.get(`icons/${size}x${size}.png`) ?? Buffer.alloc(0))).toMatchObject({ width: size, height: size });
    }
    const ico = files.get('icon.ico') ?? Buffer.alloc(0);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(sizes).toContain(256);
    // Each entry points at a whole PNG inside the file.
    for (let i = 0; i < count; i += 1) {
      const offset = ico.readUInt32LE(6 + i * 16 + 12);
      expect(ico.subarray(offset + 1, offset + 4).toString('ascii')).toBe('PNG');
    }
  });

  it('macOS template images are black with alpha; the running icon fills its centre', () => {
    const idle = decode(files.get('tray/trayTemplate@2x.png') ?? Buffer.alloc(0));
    const running = decode(files.get('tray/trayRunningTemplate@2x.png') ?? Buffer.alloc(0));
    expect(idle.width).toBe(32);
    for (let y = 0; y < 32; y += 1) for (let x = 0; x < 32; x += 1) expect(running.pixel(x, y).slice(0, 3)).toEqual([0, 0, 0]);
    expect(idle.pixel(16, 16)[3]).toBe(0);
    expect(running.pixel(16, 16)[3]).toBe(255);
  });

  it('light and dark panel icons differ where the glyph is drawn', () => {
    const light = decode(files.get('tray/tray-light@2x.png') ?? Buffer.alloc(0));
    const dark = decode(files.get('tray/tray-dark@2x.png') ?? Buffer.alloc(0));
    expect(light.pixel(16, 5)).not.toEqual(dark.pixel(16, 5));
    expect(light.pixel(16, 5)[3]).toBe(255);
  });
});
