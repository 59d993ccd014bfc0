import { describe, expect, it } from 'vitest';
import { arrowHead, arrowsOf, squareDomain } from './arrows.ts';

describe('arrowsOf', () => {
  it('reads [k, 4] rows and skips non-finite ones', () => {
    expect(arrowsOf([0, 0, 1, 2, NaN, 0, 1, 1, 1, 1, 3, 3])).toEqual([
      { x0: 0, y0: 0, x1: 1, y1: 2 },
      { x0: 1, y0: 1, x1: 3, y1: 3 },
    ]);
  });
});

describe('squareDomain', () => {
  it('holds the arrows and the origin in a square', () => {
    const d = squareDomain([{ x0: 0, y0: 0, x1: 4, y1: 1 }], 0);
    expect(d.x).toEqual([0, 4]);
    expect(d.y).toEqual([-1.5, 2.5]);
  });
});

describe('arrowHead', () => {
  it('points along the arrow, its tip at the end', () => {
    const pts = arrowHead(0, 0, 100, 0, 10).split(' ').map((p) => p.split(',').map(Number));
    expect(pts[0]).toEqual([100, 0]);
    expect(pts[1]?.[0]).toBe(90);
    expect(pts[2]?.[0]).toBe(90);
    expect(Math.abs(pts[1]?.[1] ?? 0)).toBeCloseTo(4.5);
  });
  it('is empty for a zero-length arrow', () => {
    expect(arrowHead(5, 5, 5, 5)).toBe('');
  });
});
