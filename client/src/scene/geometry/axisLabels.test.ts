import { describe, expect, it } from 'vitest';
import { axisTicks, lossAxisTicks, namePlace, tickCount } from './axisLabels.ts';

describe('axisTicks', () => {
  it('keeps the nice ticks away from a crowded end', () => {
    // ch03-03's window: w ∈ [−6, 4] gives −6, −4, …, 4; −6 sits on the front-left corner.
    expect(axisTicks(-6, 4, 5)).toEqual([-6, -4, -2, 0, 2, 4]);
    expect(axisTicks(-6, 4, 5, ['min'])).toEqual([-4, -2, 0, 2, 4]);
    expect(axisTicks(-6, 4, 5, ['min', 'max'])).toEqual([-4, -2, 0, 2]);
  });

  it('keeps ticks that are far enough from the ends', () => {
    expect(axisTicks(-15, 15, 4, ['min', 'max'])).toEqual([-10, 0, 10]);
  });
});

describe('namePlace', () => {
  it("puts the axis name in the widest gap, not on the middle tick", () => {
    // Ticks −10, 0, 10 over [−15, 15]: gaps of 5, 10, 10, 5: the first of the widest, between −10 and 0.
    expect(namePlace([-10, 0, 10], -15, 15)).toBe(-5);
    // Ticks 1, 2, 8 over [0, 10]: the widest gap is 2…8.
    expect(namePlace([1, 2, 8], 0, 10)).toBe(5);
    expect(namePlace([0, 2, 8], 0, 10)).toBe(5);
    // Equal gaps: the one nearest the middle (−1), not the first.
    expect(namePlace([-4, -2, 0, 2], -6, 4)).toBe(-1);
  });

  it('is the middle of an axis without ticks', () => {
    expect(namePlace([], -1, 1)).toBe(0);
  });
});

describe('lossAxisTicks', () => {
  it('drops ticks closer than the gap to the one below or to the top, always keeping the top', () => {
    const ticks = [
      { value: 0.05, t: 0 },
      { value: 1, t: 0.1 },
      { value: 10, t: 0.45 },
      { value: 40, t: 0.92 },
      { value: 43, t: 1 },
    ];
    expect(lossAxisTicks(ticks, 0.2).map((k) => k.value)).toEqual([0.05, 10, 43]);
    expect(lossAxisTicks([], 0.2)).toEqual([]);
  });
});

describe('tickCount', () => {
  it('fits the labels along the axis, between 2 and 6', () => {
    expect(tickCount(300, 60)).toBe(5);
    expect(tickCount(50, 60)).toBe(2);
    expect(tickCount(2000, 60)).toBe(6);
    expect(tickCount(0, 60)).toBe(2);
  });
});
