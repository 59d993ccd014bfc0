import { describe, expect, it } from 'vitest';
import { dotValues, gridDots, gridSpan } from './gridPoints.ts';

describe('gridDots', () => {
  // An 11 × 11 plane over x1, x2 ∈ [−1, 1] (cell centres every 0.2), 20 px cells 1 px apart.
  const place = (pts: number[]) => gridDots(pts, [-1, 1, -1, 1], 11, 11, 20, 1)!;

  it('puts a point at a cell’s (x, y) on that cell’s centre: row 0 at the top (y = yMax)', () => {
    const g = place([-1, 1, 5, 1, -1, 6, 0, 0, 7]);
    expect(g.width).toBe(11 * 20 + 12);
    expect(g.height).toBe(gridSpan(11, 20, 1));
    // (−1, 1): column 0, row 0 → the top-left cell's centre (1 px gap + 10 px half cell).
    expect([g.dots[0]!.px, g.dots[0]!.py]).toEqual([11, 11]);
    // (1, −1): the bottom-right cell.
    expect([g.dots[1]!.px, g.dots[1]!.py]).toEqual([1 + 10 * 21 + 10, 1 + 10 * 21 + 10]);
    // (0, 0): the centre cell, row 5, column 5.
    expect([g.dots[2]!.px, g.dots[2]!.py]).toEqual([1 + 5 * 21 + 10, 1 + 5 * 21 + 10]);
    expect(g.dots.map((d) => d.value)).toEqual([5, 6, 7]);
  });

  it('places points between cell centres linearly (half a cell step is half a cell pitch)', () => {
    const [a, b] = place([0, 0, 1, 0.1, -0.1, 1]).dots;
    expect(b!.px - a!.px).toBeCloseTo(10.5, 6);
    expect(b!.py - a!.py).toBeCloseTo(10.5, 6);
  });

  it('leaves out points off the grid or not finite, and keeps their row index', () => {
    const g = place([1.09, 0, 1, 1.2, 0, 2, 0, NaN, 3, 0, -1.09, 4]);
    expect(g.dots.map((d) => d.index)).toEqual([0, 3]);
  });

  it('draws nothing without a usable extent or whole (x, y, value) rows', () => {
    expect(gridDots([0, 0, 1], undefined, 3, 3, 20)).toBeNull();
    expect(gridDots([0, 0, 1], [0, 1, 0], 3, 3, 20)).toBeNull();
    expect(gridDots([0, 0, 1], [0, 0, 0, 1], 3, 3, 20)).toBeNull();
    expect(gridDots([0, 0, 1], [0, 1, 0, NaN], 3, 3, 20)).toBeNull();
    expect(gridDots([0, 0], [0, 1, 0, 1], 3, 3, 20)).toBeNull();
    // One column: every point on it, whatever its x range.
    expect(gridDots([5, 0.5, 1], [5, 5, 0, 1], 3, 1, 20)!.dots[0]!.px).toBe(11);
  });
});

describe('dotValues', () => {
  it('is the third of each row', () => {
    expect(dotValues([0, 0, 1, 2, 3, -4])).toEqual([1, -4]);
    expect(dotValues([])).toEqual([]);
  });
});
