import { describe, expect, it } from 'vitest';
import { field } from '@gradcast/shared';
import { linear } from '../charts/ticks.ts';
import { barRects, countMax, histogramsOf, stepOutline } from './histogram.ts';

describe('histogramsOf', () => {
  it('splits [k, bins] counts into rows sharing the edges', () => {
    const h = histogramsOf(field('f32', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]), [0, 1, 2, 3])!;
    expect([h.k, h.bins, h.ownEdges]).toEqual([2, 3, true]);
    expect(Array.from(h.rows[1]!)).toEqual([4, 5, 6]);
  });
  it('reads [bins] as one histogram, and falls back to bin indices when the edges do not fit', () => {
    const h = histogramsOf(field('f32', Float32Array.from([1, 2])), [0, 1])!;
    expect([h.k, h.bins, h.ownEdges]).toEqual([1, 2, false]);
    expect(Array.from(h.edges)).toEqual([0, 1, 2]);
  });
  it('refuses other shapes', () => {
    expect(histogramsOf(field('f32', new Float32Array(8), [2, 2, 2]))).toBeNull();
    expect(histogramsOf({ dtype: 'f32', dims: [2, 3], data: new Float32Array(5) })).toBeNull();
    expect(histogramsOf(undefined)).toBeNull();
  });
});

describe('barRects', () => {
  // Edges 0, 1, 2, 3 onto 0 … 300 px; counts 0 … 10 onto 100 … 0 px (baseline at 100).
  const sx = linear(0, 3, 0, 300);
  const sy = linear(0, 10, 100, 0);
  it('spans each bin between its edges, from the baseline up to its count', () => {
    expect(barRects([5, 10, 2], [0, 1, 2, 3], sx, sy)).toEqual([
      { x: 0, y: 50, w: 99, h: 50, count: 5 },
      { x: 100, y: 0, w: 99, h: 100, count: 10 },
      { x: 200, y: 80, w: 99, h: 20, count: 2 },
    ]);
  });
  it('draws nothing for empty, negative or non-finite bins', () => {
    expect(barRects([0, NaN, -1], [0, 1, 2, 3], sx, sy)).toEqual([]);
    expect(barRects([1, 1], [0, NaN, 2], sx, sy)).toEqual([]);
  });
  it('keeps narrow bars whole', () => {
    const narrow = linear(0, 3, 0, 9);
    expect(barRects([1], [0, 1], narrow, sy)[0]?.w).toBe(3);
  });
});

describe('countMax', () => {
  it('is the largest finite count', () => {
    expect(countMax([1, NaN, 7, Infinity, 3])).toBe(7);
    expect(countMax([])).toBe(0);
  });
});

describe('stepOutline', () => {
  const sx = (v: number) => v * 10;
  const sy = (v: number) => 100 - v;

  it('steps over the bins from the baseline and back down', () => {
    expect(stepOutline([2, 5, 0], [0, 1, 2, 3], sx, sy)).toBe('M0,100V98H10V95H20V100H30V100');
  });

  it('breaks at a non-finite count, and is empty without bins', () => {
    expect(stepOutline([2, NaN, 3], [0, 1, 2, 3], sx, sy)).toBe('M0,100V98H10V100M20,100V97H30V100');
    expect(stepOutline([], [0], sx, sy)).toBe('');
  });
});
