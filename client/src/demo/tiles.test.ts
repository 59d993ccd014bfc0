import { describe, expect, it } from 'vitest';
import { field } from '@gradcast/shared';
import { MAX_HEIGHT, tileAt, tileLayout, tilesOf } from './tiles.ts';

describe('tilesOf', () => {
  it('reads [k, h, w] and a single [h, w] image, and refuses other shapes', () => {
    expect(tilesOf(field('f32', new Float32Array(24), [2, 3, 4]))).toMatchObject({ k: 2, h: 3, w: 4 });
    expect(tilesOf(field('f32', new Float32Array(6), [2, 3]))).toMatchObject({ k: 1, h: 2, w: 3 });
    expect(tilesOf(field('f32', new Float32Array(6)))).toBeNull();
    expect(tilesOf({ dtype: 'f32', dims: [2, 2, 2], data: new Float32Array(7) })).toBeNull();
    expect(tilesOf(undefined)).toBeNull();
  });
});

describe('tileLayout', () => {
  it('draws ten 28×28 templates 3 px a pixel in one row when the width allows', () => {
    const l = tileLayout(10, 28, 28, 1000, true);
    expect([l.pixel, l.tileW, l.cols, l.rows, l.gap, l.captionH]).toEqual([3, 84, 10, 1, 4, 15]);
    expect(l.width).toBe(10 * 84 + 9 * 4);
    expect(l.height).toBe(84 + 15);
  });
  it('balances the rows in a narrow panel', () => {
    const l = tileLayout(10, 28, 28, 500);
    expect([l.pixel, l.cols, l.rows]).toEqual([3, 5, 2]);
  });
  it('shrinks the pixels until a large gallery stays under the height limit', () => {
    const l = tileLayout(512, 5, 5, 1000);
    expect(l.pixel).toBe(5);
    expect(l.height).toBeLessThanOrEqual(MAX_HEIGHT);
    expect(l.width).toBeLessThanOrEqual(1000);
    expect(l.cols * l.rows).toBeGreaterThanOrEqual(512);
    const digits = tileLayout(100, 28, 28, 480, true);
    expect(digits.pixel).toBe(1);
    expect(digits.height).toBeLessThanOrEqual(MAX_HEIGHT);
  });
  it('keeps 1 px per pixel when even that does not fit, rather than lose pixels', () => {
    const l = tileLayout(1, 64, 64, 40);
    expect([l.pixel, l.cols, l.width]).toEqual([1, 1, 64]);
  });
  it('places tile t in row t / cols, below the captions of the rows above', () => {
    const l = tileLayout(10, 28, 28, 500, true);
    expect(tileAt(l, 0)).toEqual({ x: 0, y: 0 });
    expect(tileAt(l, 6)).toEqual({ x: 88, y: 84 + 15 + 4 });
  });
});
