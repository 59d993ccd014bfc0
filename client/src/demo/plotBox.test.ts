import { describe, expect, it } from 'vitest';
import { dotRadius, leftMargin, plotBox } from './plotBox.ts';

describe('plotBox', () => {
  it('keeps one unit on both axes within 2:1 and caps the longer side', () => {
    expect(plotBox(300, 4, 2)).toEqual({ w: 300, h: 150 });
    expect(plotBox(1000, 2, 2)).toEqual({ w: 380, h: 380 });
    expect(plotBox(1000, 1, 2)).toEqual({ w: 190, h: 380 });
  });
  it('squeezes data past 2:1, and draws degenerate spans square', () => {
    expect(plotBox(300, 10, 1)).toEqual({ w: 300, h: 150 });
    expect(plotBox(300, 0, 0)).toEqual({ w: 300, h: 300 });
    expect(plotBox(50, 1, 1)).toEqual({ w: 100, h: 100 });
  });
});

describe('leftMargin', () => {
  it('makes room for the longest tick label, and the y label', () => {
    expect(leftMargin([0, 0.5, 1], false)).toBe(33);
    expect(leftMargin([-1000, 0, 1000], true)).toBe(Math.ceil(5 * 6.7) + 12 + 18);
    expect(leftMargin([], false)).toBe(30);
  });
});

describe('dotRadius', () => {
  it('shrinks as the points get many', () => {
    expect([10, 300, 2000, 10000].map(dotRadius)).toEqual([4.5, 3.5, 2.5, 1.8]);
  });
});
