import { validateOptionValues } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import {
  brushFor,
  decodeDrawing,
  distanceToSegment,
  drawSegment,
  encodeDrawing,
  greyToRgba,
  inkAt,
  toImagePoint,
} from './drawing.ts';

describe('the pen', () => {
  it('is solid in its core, antialiased over its feather, and empty beyond its reach', () => {
    const b = { radius: 1.5, feather: 1 };
    expect([0, 1, 1.25, 1.5, 1.75, 2, 3].map((d) => inkAt(d, b))).toEqual([1, 1, 0.75, 0.5, 0.25, 0, 0]);
  });
  it('scales with the image, at least 1.1 px wide and 1 px soft', () => {
    expect(brushFor(28)).toEqual({ radius: 1.5, feather: 1.5 });
    expect(brushFor(56)).toEqual({ radius: 3, feather: 3 });
    expect(brushFor(16)).toEqual({ radius: 1.1, feather: 1 });
  });
});

describe('distanceToSegment', () => {
  it('is the distance to the nearest point of the segment, ends included', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 4, y: 0 };
    expect(distanceToSegment({ x: 2, y: 3 }, a, b)).toBe(3);
    expect(distanceToSegment({ x: 7, y: 4 }, a, b)).toBe(5);
    expect(distanceToSegment({ x: -3, y: -4 }, a, b)).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, a, a)).toBe(5);
  });
});

describe('drawSegment', () => {
  const W = 9;
  it('a horizontal stroke along row 4’s centres: a symmetric soft profile across it, full ink on the row', () => {
    const px = new Uint8Array(W * W);
    expect(drawSegment(px, W, W, { x: 2.5, y: 4.5 }, { x: 6.5, y: 4.5 }, { radius: 1.5, feather: 1 })).toBe(true);
    const column = (i: number) => Array.from({ length: W }, (_, j) => px[j * W + i]);
    // distance 0, 1 → full; 2 → 0 (radius + feather/2 = 2): rows 3–5 inked
    expect(column(4)).toEqual([0, 0, 0, 255, 255, 255, 0, 0, 0]);
    // past the end, at x = 7.5 (distance 1 from the end): full; at 8.5 (distance 2): none
    expect(px[4 * W + 7]).toBe(255);
    expect(px[4 * W + 8]).toBe(0);
    // a diagonal neighbour of the end point, distance √2 ≈ 1.414: ink (2 − 1.414)/1 ≈ 0.586 → 149
    expect(px[5 * W + 7]).toBe(Math.round(255 * (2 - Math.SQRT2)));
  });
  it('keeps the larger ink (no darkening over itself); reports no change when nothing grows', () => {
    const px = new Uint8Array(W * W);
    const b = { radius: 1.5, feather: 1 };
    drawSegment(px, W, W, { x: 4.5, y: 4.5 }, { x: 4.5, y: 4.5 }, b);
    const once = Array.from(px);
    expect(drawSegment(px, W, W, { x: 4.5, y: 4.5 }, { x: 4.5, y: 4.5 }, b)).toBe(false);
    expect(Array.from(px)).toEqual(once);
    px[4 * W + 4] = 10; // a fainter pixel under the pen is inked again
    expect(drawSegment(px, W, W, { x: 4.5, y: 4.5 }, { x: 4.5, y: 4.5 }, b)).toBe(true);
    expect(px[4 * W + 4]).toBe(255);
  });
  it('drops what falls off the image, without writing outside it', () => {
    const px = new Uint8Array(W * W + 4).fill(7).subarray(0, W * W).fill(0);
    expect(drawSegment(px, W, W, { x: -1, y: -1 }, { x: 0.2, y: 0.2 }, { radius: 1.5, feather: 1 })).toBe(true);
    expect(px[0]).toBe(255);
    expect(drawSegment(px, W, W, { x: -10, y: 4 }, { x: -5, y: 4 }, { radius: 1.5, feather: 1 })).toBe(false);
    expect(Array.from(new Uint8Array(px.buffer, W * W, 4))).toEqual([7, 7, 7, 7]);
  });
});

describe('toImagePoint', () => {
  it('maps the element’s box onto the image, pixel (i, j) covering [i, i+1) × [j, j+1)', () => {
    const box = { left: 100, top: 50, width: 280, height: 280 };
    expect(toImagePoint(100, 50, box, 28, 28)).toEqual({ x: 0, y: 0 });
    const p = toImagePoint(385, 195, box, 28, 28);
    expect([p.x, p.y].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([28.5, 14.5]);
    expect(toImagePoint(145, 55, { ...box, width: 160, height: 160 }, 16, 16)).toEqual({ x: 4.5, y: 0.5 });
  });
});

describe('encode / decode', () => {
  it('round-trips, as base64 of the bytes that the shared validation accepts', () => {
    const px = new Uint8Array(28 * 28);
    drawSegment(px, 28, 28, { x: 14, y: 4 }, { x: 14, y: 24 }, brushFor(28));
    const s = encodeDrawing(px);
    expect(s).toHaveLength(1048);
    expect(Array.from(decodeDrawing(s, 28, 28))).toEqual(Array.from(px));
    const control = { name: 'drawn', label: 'draw', kind: 'drawing' as const, default: '', width: 28, height: 28 };
    expect(validateOptionValues({ drawn: s }, [control]).ok).toBe(true);
    expect(validateOptionValues({ drawn: s }, [{ ...control, width: 16, height: 16 }]).ok).toBe(false);
  });
  it('writes known bytes as standard base64', () => {
    expect(encodeDrawing(Uint8Array.of(0, 255, 128, 251))).toBe('AP+A+w==');
  });
  it('an image without ink is the empty value; anything not an image of the size decodes blank', () => {
    expect(encodeDrawing(new Uint8Array(256))).toBe('');
    for (const v of ['', undefined, '!!!!', 'AP+A+w==']) expect(Array.from(decodeDrawing(v, 2, 3))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(decodeDrawing('AP+A+w==', 2, 2))).toEqual([0, 255, 128, 251]);
  });
});

describe('greyToRgba', () => {
  it('grey bytes become opaque grey RGBA', () => {
    const rgba = new Uint8ClampedArray(8);
    greyToRgba(Uint8Array.of(0, 200), rgba);
    expect(Array.from(rgba)).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
  });
});
