import { describe, expect, it } from 'vitest';
import { linePath } from './linePath.ts';

describe('linePath', () => {
  const sx = (v: number) => v * 10;
  const sy = (v: number) => 100 - v;
  it('maps each point and joins them', () => {
    expect(linePath([0, 1, 2], [0, 5, 10], sx, sy)).toBe('M0.0,100.0L10.0,95.0L20.0,90.0');
  });
  it('breaks the line at a non-finite point and stops at the shorter array', () => {
    expect(linePath([0, 1, 2, 3], [0, NaN, 10, 20, 30], sx, sy)).toBe('M0.0,100.0M20.0,90.0L30.0,80.0');
    expect(linePath([], [], sx, sy)).toBe('');
  });
});
