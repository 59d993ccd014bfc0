import { describe, expect, it } from 'vitest';
import { sampleIndices } from './sampleIndices.ts';

describe('sampleIndices', () => {
  it('draws distinct ascending indices, the same for the same seed', () => {
    const a = sampleIndices(10_000, 1000, 7);
    expect(a.length).toBe(1000);
    for (let i = 1; i < a.length; i++) expect(a[i]! > a[i - 1]!).toBe(true);
    expect(a[0]! >= 0 && a[a.length - 1]! < 10_000).toBe(true);
    expect(Array.from(sampleIndices(10_000, 1000, 7))).toEqual(Array.from(a));
    expect(Array.from(sampleIndices(10_000, 1000, 8))).not.toEqual(Array.from(a));
  });

  it('spreads over the whole set (not the first rows)', () => {
    const a = sampleIndices(10_000, 1000, 1);
    const firstHalf = a.filter((i) => i < 5000).length;
    expect(firstHalf).toBeGreaterThan(400);
    expect(firstHalf).toBeLessThan(600);
  });

  it('takes every row of a set smaller than the sample', () => {
    expect(Array.from(sampleIndices(5, 1000, 3))).toEqual([0, 1, 2, 3, 4]);
    expect(sampleIndices(0, 10, 3).length).toBe(0);
  });
});
