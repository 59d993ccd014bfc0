/**
 * How a loss value becomes a height and a colour. The same normalisation feeds the mesh, the contours, the
 * path and the colour legend, so what the legend says is what the surface shows.
 *
 * Losses of the 2-parameter lessons span about four decades (≈ 0.01 at the minimum to ≈ 1000 at the
 * corners of w, b ∈ [−15, 15]), so a linear height would flatten everything but the walls into one floor.
 * We compress with g(z) = sign(z)·log(1 + |z|): near-linear below 1, logarithmic above, defined at 0
 * (unlike log z) and for the rare negative objective. Then t = (g(z) − g(min)) / (g(max) − g(min)) ∈ [0, 1].
 */

export interface HeightScale {
  /** g(min loss) and g(max loss) over the finite values of the surface. */
  lo: number;
  hi: number;
}

/** g(z) = sign(z)·log(1 + |z|). */
export function compress(z: number): number {
  return Math.sign(z) * Math.log1p(Math.abs(z));
}
/** Inverse of g. */
export function expand(g: number): number {
  return Math.sign(g) * Math.expm1(Math.abs(g));
}

/** Scale spanning the finite values of `z`; a flat or empty surface gets a unit-wide range so t stays defined. */
export function makeHeightScale(z: ArrayLike<number>): HeightScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < z.length; i++) {
    const v = z[i] as number;
    if (!Number.isFinite(v)) continue;
    const g = compress(v);
    if (g < lo) lo = g;
    if (g > hi) hi = g;
  }
  if (lo === Infinity) return { lo: 0, hi: 1 };
  if (hi - lo < 1e-12) return { lo, hi: lo + 1 };
  return { lo, hi };
}

/**
 * Normalised level t ∈ [0, 1] of a loss. Values beyond the surface's range clamp to its ends; a non-finite
 * loss (a diverged run) reads as the top, where the run has gone.
 */
export function normalise(scale: HeightScale, z: number): number {
  if (!Number.isFinite(z)) return 1;
  const t = (compress(z) - scale.lo) / (scale.hi - scale.lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Loss at normalised level t (inverse of `normalise` inside the range). */
export function lossAt(scale: HeightScale, t: number): number {
  return expand(scale.lo + t * (scale.hi - scale.lo));
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
