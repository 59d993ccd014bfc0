import { describe, expect, it } from 'vitest';
import { cellText } from './cellText.ts';

describe('cellText', () => {
  it('writes integers whole and other values with 3 significant digits', () => {
    expect([-4, 0, -0, 4, 12345].map(cellText)).toEqual(['-4', '0', '0', '4', '12345']);
    expect([0.125, 1 / 3, -2.71828, 0.5].map(cellText)).toEqual(['0.125', '0.333', '-2.72', '0.5']);
  });
  it('uses exponents for very large or small values and names the non-finite ones', () => {
    expect(cellText(12345.6)).toBe('1.23e+4');
    expect(cellText(0.0001)).toBe('1e-4');
    expect([NaN, Infinity, -Infinity].map(cellText)).toEqual(['NaN', '∞', '-∞']);
  });
  it('reads back as the number it shows', () => {
    for (const v of [-4, 0.125, -2.72, 1e-4]) expect(Number(cellText(v))).toBeCloseTo(v, 6);
  });
});
