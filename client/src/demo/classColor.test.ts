import { describe, expect, it } from 'vitest';
import { classCss, classIndex, classRgb, hexRgb } from './classColor.ts';
import { NAN_RGB } from './colorScale.ts';

describe('class colours', () => {
  it('reads hex colours', () => {
    expect(hexRgb('#E69F00')).toEqual([230, 159, 0]);
  });
  it('gives class c the palette colour c, repeating past eight', () => {
    expect(classRgb(0)).toEqual([230, 159, 0]);
    expect(classRgb(1)).toEqual([86, 180, 233]);
    expect(classRgb(9)).toEqual(classRgb(1));
    expect(classRgb(1.0000001)).toEqual(classRgb(1));
    expect(classCss(2)).toBe('rgb(0 158 115)');
  });
  it('draws what names no class mid grey', () => {
    expect(classIndex(NaN)).toBe(-1);
    expect(classIndex(-1)).toBe(-1);
    expect(classRgb(NaN)).toEqual(NAN_RGB);
  });
});
