import { describe, expect, it } from 'vitest';
import { classRgb } from './classColor.ts';
import { NAN_RGB } from './colorScale.ts';
import { VARIANT_COLORS } from '../charts/palette.ts';
import { classesShown, contrastRatio, LIGHT, regionColor, regionRGBA } from './regions.ts';

/** RGBA of pixel (x, y), y counted from the top row. */
const px = (rgba: Uint8ClampedArray, nx: number, x: number, y: number) =>
  Array.from(rgba.slice((y * nx + x) * 4, (y * nx + x) * 4 + 4));

describe('regionRGBA', () => {
  it('flips the rows: data row 0 (yMin) is the bottom row of the image', () => {
    // [ny = 2, nx = 3]: class 0 along yMin, class 1 along yMax.
    const rgba = regionRGBA([0, 0, 0, 1, 1, 1], undefined, 3, 2);
    expect(px(rgba, 3, 0, 1)).toEqual([...regionColor(0), 255]);
    expect(px(rgba, 3, 2, 0)).toEqual([...regionColor(1), 255]);
  });
  it('keeps the column order', () => {
    const rgba = regionRGBA([0, 1], undefined, 2, 1);
    expect(px(rgba, 2, 1, 0)).toEqual([...regionColor(1), 255]);
  });
  it('draws NaN classes and NaN confidences mid grey', () => {
    const rgba = regionRGBA([NaN, 1], [1, NaN], 2, 1);
    expect(px(rgba, 2, 0, 0)).toEqual([...NAN_RGB, 255]);
    expect(px(rgba, 2, 1, 0)).toEqual([...NAN_RGB, 255]);
  });
});

describe('regionColor', () => {
  it('is a dimmed class colour when certain, and paler as the confidence falls', () => {
    const sure = regionColor(1, 1);
    expect(sure).toEqual(regionColor(1));
    const [r, g, b] = classRgb(1);
    expect(sure[2]).toBeLessThan(b);
    expect(sure[2]).toBeGreaterThan(b * 0.4);
    const half = regionColor(1, 0.5);
    const none = regionColor(1, 0);
    const dist = (c: number[]) => Math.hypot(c[0]! - LIGHT[0], c[1]! - LIGHT[1], c[2]! - LIGHT[2]);
    expect(dist(half)).toBeLessThan(dist(sure));
    expect(dist(none)).toBeLessThan(dist(half));
    expect(regionColor(1, 2)).toEqual(sure);
    expect([r, g]).toEqual([86, 180]);
  });
});

describe('points against their own region', () => {
  it('every class colour stands out from its confident region (contrast ratio ≥ 1.9)', () => {
    VARIANT_COLORS.forEach((_, c) => expect(contrastRatio(classRgb(c), regionColor(c))).toBeGreaterThanOrEqual(1.9));
  });

  it('contrastRatio is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    expect(contrastRatio([86, 180, 233], [86, 180, 233])).toBe(1);
  });
});

describe('classesShown', () => {
  it("lists the points' and the cells' classes once each, smallest first", () => {
    expect(classesShown([[0, 0, 2], [1, 1, 0]], [1, 1, 2, NaN])).toEqual([0, 1, 2]);
    expect(classesShown([], [])).toEqual([]);
    expect(classesShown([], [0, 1, 2, 3], 2)).toEqual([0, 1]);
  });
});
