import { describe, expect, it } from 'vitest';
import { extentOf, linear, logTicks, niceTicks, padded } from './ticks.ts';

describe('ticks', () => {
  it('picks steps of 1, 2 or 5 × 10^k inside the range', () => {
    expect(niceTicks(-3, 3, 6)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(niceTicks(-4.2, 2.1, 5)).toEqual([-4, -2, 0, 2]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.013, 0.021, 4)).toEqual([0.014, 0.016, 0.018, 0.02]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });
  it('pads ranges and maps linearly (pixel y grows downwards)', () => {
    expect(padded(0, 10, 0.1)).toEqual([-1, 11]);
    expect(padded(2, 2)).toEqual([1, 3]);
    const y = linear(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
  });
  it('finds the finite extent of several arrays', () => {
    expect(extentOf([1, NaN, 3], new Float32Array([-2, Infinity]))).toEqual([-2, 3]);
    expect(extentOf([NaN], [])).toBeNull();
  });
});

describe('logTicks', () => {
  it('gives the powers of ten when two or more fit', () => {
    expect(logTicks(0.003, 250)).toEqual([0.01, 0.1, 1, 10, 100]);
  });

  it('falls back to 1-2-5 steps within one decade, then to every step, so the axis keeps a scale', () => {
    expect(logTicks(0.15, 0.9)).toEqual([0.2, 0.5]);
    expect(logTicks(2.1, 4.5)).toEqual([3, 4]);
    // 1-2-5 across a decade boundary: 0.5 and 1 and 2.
    expect(logTicks(0.4, 2.5)).toEqual([0.5, 1, 2]);
  });

  it('is empty for ranges a log axis cannot show', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(-1, 10)).toEqual([]);
    expect(logTicks(5, 5)).toEqual([]);
  });
});
