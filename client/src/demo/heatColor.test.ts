import { describe, expect, it } from 'vitest';
import { css, heatColor, heatDomain, NEGATIVE, NEUTRAL, POSITIVE, textOn } from './heatColor.ts';

describe('heatDomain', () => {
  it('is symmetric around 0 on the diverging scale', () => {
    expect(heatDomain([-4, 0, 2], 'diverging')).toEqual({ scale: 'diverging', lo: -4, hi: 4 });
    expect(heatDomain([0, 0], 'diverging')).toEqual({ scale: 'diverging', lo: -1, hi: 1 });
  });
  it('spans the data on the sequential scale, and picks a scale from the signs when none is given', () => {
    expect(heatDomain([1, 3, NaN])).toEqual({ scale: 'sequential', lo: 1, hi: 3 });
    expect(heatDomain([-1, 3]).scale).toBe('diverging');
    expect(heatDomain([])).toEqual({ scale: 'sequential', lo: 0, hi: 1 });
  });
});

describe('heatColor', () => {
  const d = heatDomain([-4, 4], 'diverging');
  it('fades from blue through the neutral colour to orange', () => {
    expect(heatColor(-4, d)).toEqual(NEGATIVE);
    expect(heatColor(0, d)).toEqual(NEUTRAL);
    expect(heatColor(4, d)).toEqual(POSITIVE);
    const half = heatColor(2, d);
    expect(half[0]).toBeGreaterThan(NEUTRAL[0]);
    expect(half[0]).toBeLessThan(POSITIVE[0]);
    expect(heatColor(NaN, d)).toEqual(NEUTRAL);
  });
  it('uses viridis on the sequential scale (dark purple to yellow)', () => {
    const s = heatDomain([0, 1], 'sequential');
    expect(css(heatColor(0, s))).toBe('rgb(68 1 84)');
    expect(heatColor(1, s)[0]).toBeGreaterThan(240);
  });
});

describe('textOn', () => {
  it('writes dark on bright cells and light on dark ones', () => {
    expect(textOn(POSITIVE)).toBe('#0b0e13');
    expect(textOn(NEUTRAL)).toBe('#eef2f7');
    expect(textOn([68, 1, 84])).toBe('#eef2f7');
  });
});
