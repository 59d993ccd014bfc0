import { describe, expect, it } from 'vitest';
import { runColor, runColors, SINGLE_LOSS_COLOR, SINGLE_PATH_COLOR, VARIANT_COLORS } from './palette.ts';

describe('run colours', () => {
  it('keeps the single-run colour for one run', () => {
    expect(runColors(1)).toEqual([SINGLE_LOSS_COLOR]);
    expect(runColors(1, SINGLE_PATH_COLOR)).toEqual([SINGLE_PATH_COLOR]);
  });
  it('gives every variant its own palette colour, the same whatever view asks', () => {
    const c = runColors(3, SINGLE_PATH_COLOR);
    expect(c).toEqual(VARIANT_COLORS.slice(0, 3));
    expect(runColors(3)).toEqual(c);
    expect(new Set(runColors(8)).size).toBe(8);
  });
  it('repeats past the end of the palette', () => {
    expect(runColor(8, 9)).toBe(VARIANT_COLORS[0]);
  });
});
