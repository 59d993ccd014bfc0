import { describe, expect, it } from 'vitest';
import { scatterDomain, scatterRows } from './scatter.ts';

describe('scatterRows', () => {
  it('pairs each point with its label and skips non-finite points', () => {
    expect(scatterRows([0, 1, NaN, 2, 3, 4], [2, 0, 1])).toEqual([
      [0, 1, 2],
      [3, 4, 1],
    ]);
  });
  it('keeps a NaN label (drawn grey) and uses class 0 without labels or with too few', () => {
    expect(scatterRows([0, 1], [NaN])[0]?.[2]).toBeNaN();
    expect(scatterRows([0, 1, 2, 3])).toEqual([
      [0, 1, 0],
      [2, 3, 0],
    ]);
    expect(scatterRows([0, 1, 2, 3], [1])).toEqual([
      [0, 1, 0],
      [2, 3, 0],
    ]);
  });
});

describe('scatterDomain', () => {
  it('pads the extent of the points by 5 %', () => {
    const d = scatterDomain([
      [0, 10, 0],
      [20, 30, 1],
    ]);
    expect(d.x).toEqual([-1, 21]);
    expect(d.y).toEqual([9, 31]);
    expect(scatterDomain([]).x).toEqual([-0.05, 1.05]);
  });
});
