/**
 * Axis helpers for the SVG plots: "nice" tick values (steps of 1, 2 or 5 × 10^k) and a linear map from data
 * to pixels.
 */

/** About `count` round tick values covering [lo, hi]; empty when the range is not finite. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  // Tolerance: (0.021 − 0.013)/4 is 0.0020000000000000005 in floating point, and should still pick 2.
  const unit = [1, 2, 5, 10].find((m) => m * mag >= raw * (1 - 1e-9)) ?? 10;
  const step = unit * mag;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

/**
 * Ticks for a log axis over [min, max] (min > 0): the powers of ten inside it; where fewer than two fit (a loss
 * that moved within one decade), the 1-2-5 steps of each decade, then every 1…9 step, so the axis always has a
 * scale to read. Empty for a range that is not positive.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const eps = 1e-9;
  for (const mantissas of [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const m of mantissas) {
        // m·10^e written so that 2 × 10^−1 is 0.2, not 0.20000000000000004.
        const v = e < 0 ? m / 10 ** -e : m * 10 ** e;
        if (v >= min * (1 - eps) && v <= max * (1 + eps)) out.push(v);
      }
    }
    if (out.length >= 2) return out;
  }
  return [];
}

/** [lo, hi] padded by `pad` of its width on each side (a zero-width range gets ±1). */
export function padded(lo: number, hi: number, pad = 0.08): [number, number] {
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

/** Linear map of [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Finite [min, max] over several arrays; null when none has a finite value. */
export function extentOf(...arrays: ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) {
      const v = a[k] as number;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === Infinity ? null : [lo, hi];
}
