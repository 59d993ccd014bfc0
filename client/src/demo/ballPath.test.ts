/** ballPath: the ball stays on the curve (not the chord), eases, and is pinned at the ends of the curve. */
import { describe, expect, it } from 'vitest';
import { ballTarget, clampX, curveY, ease, glideMs, glideX, GLIDE_MS, xRangeOf } from './ballPath.ts';

/** w³ sampled over −4…4 step 0.1, as ch08-07 sends it. */
const xs = Float32Array.from({ length: 81 }, (_, i) => -4 + i / 10);
const ys = Float32Array.from(xs, (w) => w * w * w);

describe('ballPath', () => {
  it('reads the curve linearly between its samples, the ends outside', () => {
    const x = Float32Array.of(0, 1, 3);
    const y = Float32Array.of(0, 10, 30);
    expect(curveY(x, y, 0.5)).toBeCloseTo(5);
    expect(curveY(x, y, 2)).toBeCloseTo(20);
    expect(curveY(x, y, 3)).toBe(30);
    expect(curveY(x, y, -7)).toBe(0);
    expect(curveY(x, y, Infinity)).toBe(30);
    expect(curveY(x, y, NaN)).toBeNaN();
    expect(curveY([], [], 1)).toBeNaN();
  });

  it('follows the curve, not the chord, during a glide', () => {
    // From w = 4 (l = 64) to w = −4 (l = −64): halfway the chord is at l = 0 … and so is w³ at 0; a quarter
    // of the eased way (t where ease = 0.25) the chord says 32 while the curve says 2³ = 8.
    const t = 0.3968502629920499; // ease(t) = 0.25: 4t³ = 0.25
    expect(ease(t)).toBeCloseTo(0.25, 9);
    // As SeriesPanel draws it: the glide's x, and the curve's y there.
    const ball = (t: number) => {
      const x = glideX(4, -4, t);
      return { x, y: curveY(xs, ys, x) };
    };
    const p = ball(t);
    expect(p.x).toBeCloseTo(2, 5);
    expect(p.y).toBeCloseTo(8, 1);
    expect(ball(0)).toEqual({ x: 4, y: 64 });
    expect(ball(1)).toEqual({ x: -4, y: -64 });
  });

  it('eases in and out, clamped to [0, 1]', () => {
    expect(ease(0)).toBe(0);
    expect(ease(0.5)).toBe(0.5);
    expect(ease(1)).toBe(1);
    expect(ease(-1)).toBe(0);
    expect(ease(2)).toBe(1);
    expect(ease(0.1)).toBeLessThan(0.1); // slow start
    expect(ease(0.9)).toBeGreaterThan(0.9); // slow finish
    expect(glideX(1, 3, 5)).toBe(3);
  });

  it('glides at most GLIDE_MS, no longer than the time between frames, and not at all with reduced motion', () => {
    expect(glideMs(1000, false)).toBe(GLIDE_MS);
    expect(glideMs(100, false)).toBe(100);
    expect(glideMs(5, false)).toBe(0);
    expect(glideMs(1000, true)).toBe(0);
    expect(glideMs(NaN, false)).toBe(0);
  });

  it('pins a diverging w at the edge of the curve and does not mark it', () => {
    const range = xRangeOf(xs)!;
    expect(range[0]).toBeCloseTo(-4);
    expect(range[1]).toBeCloseTo(4);
    expect(clampX(-1e30, range)).toBe(range[0]);
    expect(clampX(-Infinity, range)).toBe(range[0]);
    expect(clampX(9, range)).toBe(range[1]);
    expect(clampX(NaN, range)).toBeNull();
    // The momentum run on w³: … −3.2, then −4.1 (off the plot): the ball sits at −4, the path ends at −3.2.
    const off = ballTarget(Float32Array.of(0.8, 0.512, -3.2, -32.768, -4.1, -68.921), range);
    expect(off.x).toBe(range[0]);
    expect(Array.from(off.marks)).toEqual(Array.from(Float32Array.of(0.8, 0.512, -3.2, -32.768)));
    expect(curveY(xs, ys, off.x!)).toBeCloseTo(-64, 3);
    // Inside the range every row stays a mark and the ball is the last.
    const inside = Float32Array.of(4, 64, 3.52, 43.6);
    expect(ballTarget(inside, range)).toEqual({ x: inside[2], marks: inside });
    expect(ballTarget(Float32Array.of(NaN, NaN), range).x).toBeNull();
    expect(ballTarget(undefined, range).x).toBeNull();
    expect(xRangeOf([NaN])).toBeNull();
  });
});
