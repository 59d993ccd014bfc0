/**
 * An optimizer path as an SVG path string on a 2-D map (the contour map): parameter points (w, b) mapped to
 * pixels, non-finite points skipped, far points clamped so the string stays drawable (the plot's clip path
 * cuts them at the frame), and moves shorter than `minStepPx` dropped: a converged run piles thousands of
 * iterates onto one pixel.
 */

/** A drawn path and its newest point in pixels. */
export interface Trajectory2D {
  d: string;
  last: [number, number];
}

/** Far enough outside any plot to be clipped, small enough for every SVG renderer. */
const FAR_PX = 1e5;
const clampPx = (v: number): number => Math.max(-FAR_PX, Math.min(FAR_PX, v));

/**
 * @param ws, bs the points' parameters (w, b), one array each.
 * @param x, y parameter → pixel maps.
 * @returns null when no point is finite.
 */
export function trajectory2d(
  ws: ArrayLike<number>,
  bs: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
  minStepPx = 0.75,
): Trajectory2D | null {
  let d = '';
  let last: [number, number] | null = null;
  let drawn: [number, number] | null = null;
  const n = Math.min(ws.length, bs.length);
  for (let k = 0; k < n; k++) {
    const w = ws[k] as number;
    const b = bs[k] as number;
    if (!Number.isFinite(w) || !Number.isFinite(b)) continue;
    last = [clampPx(x(w)), clampPx(y(b))];
    if (drawn && Math.abs(last[0] - drawn[0]) + Math.abs(last[1] - drawn[1]) < minStepPx) continue;
    drawn = last;
    d += `${d ? 'L' : 'M'}${last[0].toFixed(1)},${last[1].toFixed(1)}`;
  }
  if (last && drawn !== last) d += `L${last[0].toFixed(1)},${last[1].toFixed(1)}`;
  return last ? { d, last } : null;
}
