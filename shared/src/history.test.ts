import { describe, expect, it } from 'vitest';
import { StepSeries } from './history.ts';

describe('StepSeries', () => {
  it('merges overlapping windows by step without duplicates', () => {
    const s = new StepSeries();
    s.merge([0, 1, 2], [5, 4, 3]);
    s.merge([1, 2, 3, 4], [4, 3, 2, 1]);
    expect(s.steps).toEqual([0, 1, 2, 3, 4]);
    expect(s.values).toEqual([5, 4, 3, 2, 1]);
  });

  it('stays bounded, keeps the first and the recent points', () => {
    const s = new StepSeries(100);
    for (let i = 0; i < 1000; i++) s.merge([i], [i * 2]);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.steps[0]).toBe(0);
    expect(s.lastStep).toBe(999);
    // the recent end is at full resolution
    expect(s.steps.slice(-5)).toEqual([995, 996, 997, 998, 999]);
    // values still belong to their steps
    s.steps.forEach((st, i) => expect(s.values[i]).toBe(st * 2));
  });

  it('truncates after a step (revert)', () => {
    const s = new StepSeries();
    s.merge([0, 1, 2, 3], [1, 1, 1, 1]);
    s.truncateAfter(1);
    expect(s.steps).toEqual([0, 1]);
    s.merge([2], [9]);
    expect(s.values).toEqual([1, 1, 9]);
  });
});

describe('StepSeries with several columns (optimizer path)', () => {
  it('keeps columns aligned through decimation', () => {
    const s = new StepSeries(64, 3);
    for (let i = 0; i < 500; i++) s.push(i, i, -i, i * i);
    expect(s.length).toBeLessThanOrEqual(64);
    s.steps.forEach((st, i) => {
      expect(s.columns[0]![i]).toBe(st);
      expect(s.columns[1]![i]).toBe(-st);
      expect(s.columns[2]![i]).toBe(st * st);
    });
    expect(() => s.merge([1000], [1])).toThrow(RangeError);
  });
});

describe('StepSeries decimation keeps a uniform resolution', () => {
  it('after a long run the older points are evenly spaced, the start and the recent tail are kept', () => {
    const s = new StepSeries(1000);
    for (let i = 0; i < 100_000; i++) s.push(i, i);
    expect(s.length).toBeLessThanOrEqual(1000);
    expect(s.steps[0]).toBe(0);
    const tailStart = s.length - 50;
    const gaps = new Set<number>();
    for (let i = 1; i < tailStart; i++) {
      const step = s.steps[i]!;
      if (step < 90_000) gaps.add(step - s.steps[i - 1]!);
    }
    // One spacing across the whole older part (a power of two), not ever sparser towards the start.
    expect(gaps.size).toBe(1);
    expect(s.steps.slice(-5)).toEqual([99_995, 99_996, 99_997, 99_998, 99_999]);
  });
});
