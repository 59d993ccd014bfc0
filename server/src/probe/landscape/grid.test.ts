import { describe, expect, it } from 'vitest';
import { axisValues, gridLevels, levelValues } from './grid.ts';

describe('grid', () => {
  it('spans [−r, r] with 0 exactly in the middle', () => {
    expect(Array.from(axisValues(5, 2))).toEqual([-2, -1, 0, 1, 2]);
    expect(axisValues(33, 0.7)[16]).toBe(0);
  });

  it('computes each finest-grid point once, coarse levels first', () => {
    const levels = gridLevels([9, 17, 33]);
    expect(levels.map((l) => l.points.length)).toEqual([81, 17 * 17 - 81, 33 * 33 - 17 * 17]);
    const all = new Set(levels.flatMap((l) => Array.from(l.points)));
    expect(all.size).toBe(33 * 33);
    // The 9×9 level holds every 4th row and column, corners and centre included.
    const first = new Set(levels[0]!.points);
    for (const k of [0, 32, 16 * 33 + 16, 32 * 33 + 32, 4 * 33 + 8]) expect(first.has(k)).toBe(true);
    expect(first.has(2 * 33 + 2)).toBe(false);
  });

  it('reads a level out of the finest grid', () => {
    const N = 5;
    const fine = Float32Array.from({ length: N * N }, (_, k) => k);
    const [coarse] = gridLevels([3, 5]);
    expect(Array.from(levelValues(fine, N, coarse!))).toEqual([0, 2, 4, 10, 12, 14, 20, 22, 24]);
  });

  it('refuses levels that do not nest', () => {
    expect(() => gridLevels([9, 16])).toThrow(/nest/);
    expect(() => gridLevels([7, 33])).toThrow(/nest/);
    expect(() => gridLevels([17, 9])).toThrow(/nest/);
  });
});
