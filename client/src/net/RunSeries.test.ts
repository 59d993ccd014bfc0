import { describe, expect, it } from 'vitest';
import { RunSeries } from './RunSeries.ts';

describe('RunSeries', () => {
  it('merges overlapping windows by step, one column per run', () => {
    const s = new RunSeries(100);
    expect(s.merge([1, 2], [[10, 20], [11, 21]], false)).toBe(true);
    expect(s.runs).toBe(2);
    expect(s.merge([2, 3], [[20, 30], [21, 31]], false)).toBe(true);
    expect(s.steps).toEqual([1, 2, 3]);
    expect(s.run(1)).toEqual([[11, 21, 31]]);
    expect(s.merge([2, 3], [[20, 30], [21, 31]], false)).toBe(false);
  });
  it('replaces the history on a full frame', () => {
    const s = new RunSeries(100);
    s.merge([1, 2, 3], [[1, 2, 3]], false);
    expect(s.merge([1], [[9]], true)).toBe(true);
    expect(s.steps).toEqual([1]);
    expect(s.run(0)).toEqual([[9]]);
  });
  it('starts again when the number of runs changes', () => {
    const s = new RunSeries(100, 3);
    s.merge([1, 2], [[0, 0], [0, 0], [5, 4]], false);
    expect(s.runs).toBe(1);
    expect(s.merge([7], [[1], [1], [1], [2], [2], [2]], false)).toBe(true);
    expect(s.runs).toBe(2);
    expect(s.steps).toEqual([7]);
    expect(s.run(1)).toEqual([[2], [2], [2]]);
  });
  it('ignores a column count that is not whole runs', () => {
    const s = new RunSeries(100, 3);
    expect(s.merge([1], [[1], [2]], false)).toBe(false);
    expect(s.length).toBe(0);
  });
  it('truncates after a step, every run alike', () => {
    const s = new RunSeries(100);
    s.merge([1, 2, 3], [[1, 2, 3], [4, 5, 6]], false);
    s.truncateAfter(1);
    expect(s.steps).toEqual([1]);
    expect(s.run(1)).toEqual([[4]]);
  });
});
