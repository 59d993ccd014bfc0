import { describe, expect, it } from 'vitest';
import { KeptBox, pathsExtent, viewBox } from './viewBox.ts';

// ch05-02's surface window.
const GRID = { xMin: -15, xMax: 15, yMin: -13, yMax: 13 };
const path = (x: number[], y: number[]) => ({ x: Float32Array.from(x), y: Float32Array.from(y) });

describe('viewBox', () => {
  it('is the grid while every path point lies in it', () => {
    expect(viewBox(GRID, [path([-5, 0, 8.6], [-10, 0.7, -2.2])])).toEqual(GRID);
    expect(viewBox(GRID, [])).toEqual(GRID);
  });

  it("grows the side a path left by whole quarters of the grid's span, holding the path with a margin", () => {
    // w = 59.77 (ch05-02 after 41,583 steps): 15 + k·7.5 ≥ 59.77 + 1.5 → k = 7, xMax = 67.5.
    const box = viewBox(GRID, [path([-5, 59.77], [-10, -14.93])]);
    expect(box.xMax).toBe(67.5);
    expect(box.xMin).toBe(-15);
    // b = −14.93 below −13: one step of 6.5 holds it with its margin (1.3).
    expect(box.yMin).toBe(-19.5);
    expect(box.yMax).toBe(13);
    expect(box.xMax).toBeGreaterThan(59.77);
  });

  it('holds still while the path creeps on within the step, and never shrinks for the same grid', () => {
    const a = viewBox(GRID, [path([20], [0])]);
    const b = viewBox(GRID, [path([21], [0])], a);
    expect(b).toEqual(a);
    const back = viewBox(GRID, [path([0], [0])], b);
    expect(back).toEqual(b);
  });

  it('starts again from a new grid (a previous box that does not hold it is ignored)', () => {
    const old = { xMin: -4, xMax: 40, yMin: -4, yMax: 4 };
    expect(viewBox(GRID, [path([0], [0])], old)).toEqual(GRID);
  });

  it('grows at most three spans of the grid on a side (a diverging run heads for 1e30)', () => {
    expect(viewBox(GRID, [path([0, 1e30], [0, -1e30])])).toEqual({ xMin: -15, xMax: 105, yMin: -91, yMax: 13 });
  });

  it('ignores non-finite points (a diverged run)', () => {
    expect(pathsExtent([path([NaN, 1], [Infinity, 2])])).toEqual({ xMin: 1, xMax: 1, yMin: 2, yMax: 2 });
    expect(pathsExtent([path([NaN], [0])])).toBeNull();
    expect(viewBox(GRID, [path([NaN, 1e9], [0, NaN])])).toEqual(GRID);
  });
});

describe('KeptBox', () => {
  it('keeps the same box while it holds the paths, grows when they leave it, and never grows a landscape', () => {
    const kept = new KeptBox();
    const first = kept.next(GRID, [path([0], [0])], false);
    expect(first).toEqual({ box: GRID, grown: false });
    const out = kept.next(GRID, [path([0, 40], [0, 0])], false);
    expect(out.grown).toBe(true);
    expect(out.box.xMax).toBeGreaterThan(40);
    // Back inside the grown box: the very same object, so the view holds still.
    expect(kept.next(GRID, [path([0, 30], [0, 0])], false).box).toBe(out.box);
    // A landscape's slice is the server's extent whatever its paths do.
    expect(new KeptBox().next(GRID, [path([0, 40], [0, 0])], true)).toEqual({ box: GRID, grown: false });
  });
});
