/**
 * How a loss value becomes a height and a colour. The same normalisation feeds the mesh, the contours, the
 * path and the colour legend, so what the legend says is what the surface shows.
 *
 * Losses of the 2-parameter lessons span about four decades (≈ 0.01 at the minimum to ≈ 1000 at the
 * corners of w, b ∈ [−15, 15]), so a linear height would flatten everything but the walls into one floor.
 * We compress with g(z) = sign(z)·log(1 + |z|): near-linear below 1, logarithmic above, defined at 0
 * (unlike log z) and for the rare negative objective. Then t = (g(z) − g(min)) / (g(max) − g(min)) ∈ [0, 1].
 *
 * Log heights (a landscape viewer's option): g(z) = log10(z − min + ε), ε = LOG_EPSILON·(max − min). A network's
 * slice often spans under one decade (0.05 … 2.3) and its basin is a few percent of that; measured from the
 * minimum, the bottom three decades of the range get equal height, so the basin's floor opens up. A value at or
 * below min − ε (a path point whose true loss is below the whole slice) sits at the bottom.
 */

export interface HeightScale {
  /** g(min loss) and g(max loss) over the finite values of the surface (and whatever else it was made over). */
  lo: number;
  hi: number;
  /** Log heights: g(z) = log10(z − floor), floor = min − ε. Absent: g(z) = sign(z)·log(1 + |z|). */
  floor?: number;
}

/** ε of the log heights as a share of the loss range: three decades of height between ε and the range. */
export const LOG_EPSILON = 1e-3;

/** g(z) = sign(z)·log(1 + |z|). */
export function compress(z: number): number {
  return Math.sign(z) * Math.log1p(Math.abs(z));
}
/** Inverse of g. */
export function expand(g: number): number {
  return Math.sign(g) * Math.expm1(Math.abs(g));
}

/** g(z) under `scale`: its log heights, or the default compression. */
export function heightOf(scale: HeightScale, z: number): number {
  if (scale.floor === undefined) return compress(z);
  return z > scale.floor ? Math.log10(z - scale.floor) : -Infinity;
}
/** Inverse of heightOf: the loss at compressed height g. */
export function lossOfHeight(scale: HeightScale, g: number): number {
  return scale.floor === undefined ? expand(g) : scale.floor + 10 ** g;
}

/**
 * Scale spanning the finite values of `z` and of `also` (a landscape's path, whose true losses may lie outside
 * the slice's); `log` for log heights. A flat or empty surface gets a unit-wide range so t stays defined.
 */
export function makeHeightScale(z: ArrayLike<number>, opts: { log?: boolean; also?: ArrayLike<number> } = {}): HeightScale {
  let min = Infinity;
  let max = -Infinity;
  for (const values of opts.also ? [z, opts.also] : [z]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min === Infinity) return { lo: 0, hi: 1 };
  // A flat surface's ε comes from its size, so its one level still has a finite log height.
  const scale: HeightScale = opts.log ? { lo: 0, hi: 0, floor: min - LOG_EPSILON * (max - min || Math.abs(min) || 1) } : { lo: 0, hi: 0 };
  const lo = heightOf(scale, min);
  const hi = heightOf(scale, max);
  return hi - lo < 1e-12 ? { ...scale, lo, hi: lo + 1 } : { ...scale, lo, hi };
}

/** How the legend names the height mapping. */
export function heightNote(scale: HeightScale): string {
  return scale.floor === undefined ? 'log(1+z)' : 'log₁₀(z − min + ε)';
}

/**
 * Normalised level t ∈ [0, 1] of a loss. Values beyond the surface's range clamp to its ends; a non-finite
 * loss (a diverged run) reads as the top, where the run has gone.
 */
export function normalise(scale: HeightScale, z: number): number {
  if (!Number.isFinite(z)) return 1;
  const t = (heightOf(scale, z) - scale.lo) / (scale.hi - scale.lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Loss at normalised level t (inverse of `normalise` inside the range). */
export function lossAt(scale: HeightScale, t: number): number {
  return lossOfHeight(scale, scale.lo + t * (scale.hi - scale.lo));
}

export interface LegendTick {
  /** Loss value. */
  value: number;
  /** Where it sits on the legend, 0 (min) to 1 (max). */
  t: number;
}

/**
 * Legend ticks: the minimum and maximum loss, plus the powers of ten in between (1, 10, 100 …), which are
 * evenly spaced on this log-like scale. Interior ticks closer than `minGap` to another tick are left out.
 */
export function legendTicks(scale: HeightScale, minGap = 0.08): LegendTick[] {
  const min = lossAt(scale, 0);
  const max = lossAt(scale, 1);
  const ticks: LegendTick[] = [{ value: min, t: 0 }];
  if (max > 0) {
    for (let e = Math.floor(Math.log10(Math.max(min, 1e-3))); e <= Math.ceil(Math.log10(max)); e++) {
      const value = 10 ** e;
      if (value <= min || value >= max) continue;
      const t = normalise(scale, value);
      if (t - (ticks[ticks.length - 1] as LegendTick).t >= minGap && 1 - t >= minGap) ticks.push({ value, t });
    }
  }
  ticks.push({ value: max, t: 1 });
  return ticks;
}
