import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPng } from './trayIcons';

/** Decodes the unfiltered RGBA PNG the encoder writes and returns the pixel at (x, y). */
function pixel(png: Buffer, x: number, y: number): number[] {
  const idatStart = png.indexOf('IDAT', 0, 'ascii');
  const length = png.readUInt32BE(idatStart - 4);
  const raw = inflateSync(png.subarray(idatStart + 4, idatStart + 4 + length));
  const offset = y * (1 + 32 * 4) + 1 + x * 4;
  return [...raw.subarray(offset, offset + 4)];
}

describe('trayIconPng', () => {
  it('is a 32x32 RGBA PNG', () => {
    const png = trayIconPng('idle', false);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(32);
    expect(png.readUInt32BE(20)).toBe(32);
  });

  it('fills the centre only while running, and draws the ring in both', () => {
    expect(pixel(trayIconPng('running', false), 16, 16)).toEqual([0xf3, 0x6c, 0x00, 255]);
    expect(pixel(trayIconPng('idle', false), 16, 16)[3]).toBe(0);
    expect(pixel(trayIconPng('idle', false), 16, 5)[3]).toBe(255);
    expect(pixel(trayIconPng('idle', false), 0, 0)[3]).toBe(0);
  });

  it('template images are black with alpha only', () => {
    expect(pixel(trayIconPng('running', true), 16, 16)).toEqual([0, 0, 0, 255]);
  });
});
