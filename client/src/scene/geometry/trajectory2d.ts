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

/**
 * Index of the point nearest to pixel (px, py) among (ws[k], bs[k]) mapped by x and y, if one lies within
 * `maxPx`; ties go to the newer point (the path's end is what a pointer is most often after).
 */
export function nearestPoint(
  ws: ArrayLike<number>,
  bs: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
  px: number,
  py: number,
  maxPx = 12,
): number | null {
  let best: number | null = null;
  let bestD = maxPx * maxPx;
  for (let k = 0; k < Math.min(ws.length, bs.length); k++) {
    const d = (x(ws[k] as number) - px) ** 2 + (y(bs[k] as number) - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/**
 * The point nearest to pixel (px, py) over several paths, as (path index, point index), if one lies within
 * `maxPx`; ties go to the later path (drawn on top) and the newer point.
 */
export function nearestOnPaths(
  paths: readonly { x: ArrayLike<number>; y: ArrayLike<number> }[],
  x: (v: number) => number,
  y: (v: number) => number,
  px: number,
  py: number,
  maxPx = 12,
): { path: number; point: number } | null {
  let best: { path: number; point: number } | null = null;
  let bestD = maxPx * maxPx;
  paths.forEach((p, path) => {
    for (let point = 0; point < Math.min(p.x.length, p.y.length); point++) {
      const d = (x(p.x[point] as number) - px) ** 2 + (y(p.y[point] as number) - py) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = { path, point };
      }
    }
  });
  return best;
}
