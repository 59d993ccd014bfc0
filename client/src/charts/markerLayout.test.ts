import { describe, expect, it } from 'vitest';
import { labelRows, layoutLabels, stepToX, type PlacedLabel } from './markerLayout.ts';

const W = 400;
const opts = { rows: 3, pad: 3, gap: 4, minWidth: 28 };

/** No two labels of a row overlap, and every label stays inside the plot. */
function tidy(placed: (PlacedLabel | null)[]): boolean {
  const shown = placed.filter((p): p is PlacedLabel => p !== null);
  const inside = shown.every((p) => p.left >= 0 && p.left + p.width <= W);
  const apart = shown.every((a, i) => shown.every((b, j) => i === j || a.row !== b.row || a.left + a.width <= b.left || b.left + b.width <= a.left));
  return inside && apart;
}

describe('layoutLabels', () => {
  it('puts a lone label right of its line, in the first row', () => {
    expect(layoutLabels([{ x: 100, width: 60 }], W, opts)).toEqual([{ row: 0, left: 103, width: 60, before: false }]);
  });

  it('puts it left of the line where the plot ends (a change at the latest step)', () => {
    expect(layoutLabels([{ x: 390, width: 60 }], W, opts)).toEqual([{ row: 0, left: 327, width: 60, before: true }]);
  });

  it('staggers close markers over the rows, newest in the first row', () => {
    const placed = layoutLabels([{ x: 100, width: 80 }, { x: 120, width: 80 }, { x: 140, width: 80 }], W, opts);
    expect(placed.map((p) => p?.row)).toEqual([2, 1, 0]);
    expect(placed.every((p) => p?.width === 80)).toBe(true);
    expect(tidy(placed)).toBe(true);
  });

  it('puts a crowded label whole left of its line, else cuts it short to the most room', () => {
    const placed = layoutLabels(
      [{ x: 50, width: 90 }, { x: 100, width: 90 }, { x: 102, width: 90 }, { x: 104, width: 90 }, { x: 99, width: 90 }, { x: 98, width: 90 }],
      W,
      opts,
    );
    // The three newest take the rows whole, right of their lines. Those at 99 and 98 find no room whole right of
    // their lines, but whole left of them in rows 0 and 1. The one at 50 then has at most 47 px (row 2, left of
    // its line down to the plot's edge): cut short to that.
    expect(placed.slice(1, 4).map((p) => p && [p.row, p.width, p.before])).toEqual([
      [2, 90, false],
      [1, 90, false],
      [0, 90, false],
    ]);
    expect(placed[4]).toEqual({ row: 0, left: 6, width: 90, before: true });
    expect(placed[5]).toEqual({ row: 1, left: 5, width: 90, before: true });
    expect(placed[0]).toEqual({ row: 2, left: 0, width: 47, before: true });
    expect(tidy(placed)).toBe(true);
  });

  it('leaves a label out where no row has minWidth', () => {
    const placed = layoutLabels([{ x: 20, width: 90 }, { x: 30, width: 90 }], W, { ...opts, rows: 1 });
    expect(placed).toEqual([null, { row: 0, left: 33, width: 90, before: false }]);
  });

  it('a label left of its line (at the plot edge) is cut at the plot’s left edge on a narrow plot', () => {
    expect(layoutLabels([{ x: 60, width: 80 }], 70, opts)).toEqual([{ row: 0, left: 0, width: 57, before: true }]);
  });

  it('stays tidy for many markers on a narrow (phone) plot', () => {
    const requests = Array.from({ length: 30 }, (_, k) => ({ x: (k * 37) % 300, width: 40 + ((k * 13) % 70) }));
    const placed = layoutLabels(requests, 300, { rows: 2 });
    expect(tidy(placed.map((p) => p && { ...p, left: p.left }))).toBe(true);
    expect(placed.filter(Boolean).length).toBeGreaterThan(3);
  });
});

describe('stepToX and labelRows', () => {
  const plot = { left: 56, top: 8, width: 200, height: 120, xMin: 100, xMax: 300 };

  it('maps a step across the plot, and nothing off the axis', () => {
    expect(stepToX(200, plot)).toBe(100);
    expect(stepToX(300, plot)).toBe(200);
    expect(stepToX(301, plot)).toBeNull();
    expect(stepToX(99, plot)).toBeNull();
    expect(stepToX(5, { ...plot, xMin: 5, xMax: 5 })).toBeNull();
  });

  it('gives short plots fewer rows', () => {
    expect([60, 120, 300].map(labelRows)).toEqual([1, 2, 3]);
  });
});
