import { describe, expect, it } from 'vitest';
import { arrowSegments, arrowSegments3d, viewDirection } from './arrow.ts';

describe('velocity arrow', () => {
  it('takes the direction after each axis is stretched to the view', () => {
    // A plane twice as wide in α as in β: one α unit is half as many world units as one β unit.
    const [dx, dy] = viewDirection([1, 1], 2 / 4, 2 / 2)!;
    expect(dx).toBeCloseTo(0.5 / Math.hypot(0.5, 1), 12);
    expect(dy).toBeCloseTo(1 / Math.hypot(0.5, 1), 12);
    // Pixels grow downwards: β up is screen up.
    expect(viewDirection([0, 3], 10, -10)).toEqual([0, -1]);
    expect(viewDirection([0, 0], 1, 1)).toBeNull();
    expect(viewDirection([NaN, 1], 1, 1)).toBeNull();
  });

  it('is a shaft of the given length from the point and two barbs back from the tip, symmetric about it', () => {
    const s = arrowSegments(1, 2, [1, 0], 10, 0.3, 0.5);
    expect(s.slice(0, 4)).toEqual([1, 2, 11, 2]);
    // Both barbs start at the tip, point back, are 3 long and mirror each other across the shaft.
    expect(s.slice(4, 6)).toEqual([11, 2]);
    expect(s.slice(8, 10)).toEqual([11, 2]);
    for (const at of [6, 10]) {
      expect(s[at]).toBeCloseTo(11 - 3 * Math.cos(0.5), 12);
      expect(Math.hypot((s[at] as number) - 11, (s[at + 1] as number) - 2)).toBeCloseTo(3, 12);
    }
    expect((s[7] as number) - 2).toBeCloseTo(-((s[11] as number) - 2), 12);
  });

  it('lies level at the current point in 3-D', () => {
    const s = arrowSegments3d(0.1, -0.2, 0.33, [0, 1], 0.4);
    expect(s.length).toBe(18);
    expect([...s.slice(0, 3)].map((v) => Math.fround(v))).toEqual([0.1, -0.2, 0.33].map(Math.fround));
    expect(s[4]).toBeCloseTo(0.2, 6);
    for (let k = 2; k < 18; k += 3) expect(s[k]).toBeCloseTo(0.33, 6);
  });
});
