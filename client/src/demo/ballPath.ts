/**
 * The ball of a series panel (`ball`): where it stands and how it rolls along a 1-D curve between frames. The
 * ball is the last row of the panel's points (an optimizer's current w); it is drawn on the first line, at the
 * curve's own height (linear between the curve's samples), so while it glides from w0 to w1 it follows the
 * curve and not the chord. Outside the curve's x range (a diverging run) it is pinned at the nearer end.
 * Plain numbers in and out (data units, milliseconds), no DOM.
 */

/** Longest glide between two positions (ms); a faster frame rate shortens it to the time between frames. */
export const GLIDE_MS = 250;
/** Below this (ms, about one display frame) a glide is not worth animating: the ball jumps. */
export const MIN_GLIDE_MS = 16;

/** Smallest and largest finite x of the curve's samples, or null when it has none. */
export function xRangeOf(xs: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** `x` held inside [lo, hi] (±Infinity go to the ends); null for NaN, which has no place on the curve. */
export function clampX(x: number, range: [number, number]): number | null {
  if (Number.isNaN(x)) return null;
  return Math.min(range[1], Math.max(range[0], x));
}

/**
 * The curve's height at `x`: linear between the two samples around it, xs ascending. Outside the samples it
 * is the nearer end's value (the ball never leaves the drawn curve). NaN when the curve has no finite value
 * there (a gap in the line).
 */
export function curveY(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = Math.min(xs.length, ys.length);
  if (n === 0 || Number.isNaN(x)) return NaN;
  if (x <= (xs[0] as number)) return ys[0] as number;
  if (x >= (xs[n - 1] as number)) return ys[n - 1] as number;
  // Binary search for the segment xs[lo] ≤ x < xs[lo + 1].
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo] as number;
  const x1 = xs[hi] as number;
  const y0 = ys[lo] as number;
  const y1 = ys[hi] as number;
  const f = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
  return y0 + (y1 - y0) * f;
}

/** Ease-in-out cubic on t ∈ [0, 1] (clamped): starts and ends at rest, like a ball set down after each step. */
export function ease(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2;
}

/** Glide time (ms) for a move that came `sinceLastMs` after the previous one: at most GLIDE_MS, 0 to jump. */
export function glideMs(sinceLastMs: number, reducedMotion: boolean): number {
  if (reducedMotion || !(sinceLastMs > 0)) return 0;
  const ms = Math.min(GLIDE_MS, sinceLastMs);
  return ms < MIN_GLIDE_MS ? 0 : ms;
}

/** The ball's x at fraction t ∈ [0, 1] of a glide from x0 to x1 (eased). */
export function glideX(x0: number, x1: number, t: number): number {
  return t >= 1 ? x1 : x0 + (x1 - x0) * ease(t);
}

/**
 * Where the ball of a panel goes, from its points (row-major [k, 2] of (x, y)) and its curve's x range: the
 * last row's x held inside the range (`x`, null when there is no ball to draw), and the rows to mark as the
 * path (`marks`): all of them, except a last row outside the range, which the pinned ball stands for.
 */
export function ballTarget(points: ArrayLike<number> | undefined, range: [number, number] | null): { x: number | null; marks: ArrayLike<number> } {
  const rows = points ? Math.floor(points.length / 2) : 0;
  if (!points || !rows || !range) return { x: null, marks: points ?? [] };
  const last = points[2 * rows - 2] as number;
  const x = clampX(last, range);
  const inside = last >= range[0] && last <= range[1];
  return { x, marks: inside ? points : Array.from({ length: 2 * rows - 2 }, (_, i) => points[i] as number) };
}
