/**
 * Histograms of values (activations over a probe batch, weights of a layer) as a `histogram` panel: k rows of
 * counts [k, bins] over one shared set of bin edges [bins + 1], so the rows (layers) compare directly.
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/** Bins per histogram: 25 bins of 0.04 over σ's [0, 1], of 0.08 over tanh's [−1, 1]. */
export const HISTOGRAM_BINS = 25;

/** Finite min and max over all rows; null when no value is finite. */
export function finiteRange(rows: readonly ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === Infinity ? null : [lo, hi];
}

/** `bins + 1` equally spaced edges from lo to hi. */
export function binEdges(lo: number, hi: number, bins: number): Float32Array {
  const edges = new Float32Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  return edges;
}

/**
 * Counts of each row's values in `bins` equal bins over [lo, hi]: [rows.length · bins], row-major. Bin b holds
 * lo + b·Δ ≤ v < lo + (b + 1)·Δ; hi itself falls in the last bin, values outside [lo, hi] in the end bins (a
 * fixed range such as σ's [0, 1] never clips), non-finite values nowhere.
 */
export function histogramCounts(rows: readonly ArrayLike<number>[], lo: number, hi: number, bins: number): Int32Array {
  if (!(hi > lo)) throw new RangeError(`histogramCounts: empty range [${lo}, ${hi}]`);
  const counts = new Int32Array(rows.length * bins);
  const perUnit = bins / (hi - lo);
  rows.forEach((row, r) => {
    const base = r * bins;
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as number;
      if (!Number.isFinite(v)) continue;
      const b = Math.floor((v - lo) * perUnit);
      counts[base + (b < 0 ? 0 : b >= bins ? bins - 1 : b)]! += 1;
    }
  });
  return counts;
}

/**
 * The range a histogram of these rows is drawn over: `fixed` when given (an activation's own range, so
 * saturation piles up at its ends); otherwise the values' finite range, widened to a unit interval around a
 * single value (all units dead at 0) and [0, 1] when nothing is finite.
 */
export function histogramRange(rows: readonly ArrayLike<number>[], fixed?: [number, number]): [number, number] {
  if (fixed) return fixed;
  const r = finiteRange(rows);
  if (!r) return [0, 1];
  const [lo, hi] = r;
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

export interface HistogramRow {
  /** Legend name of the row (a layer). */
  name: string;
  values: ArrayLike<number>;
}

export interface HistogramOptions {
  /** Fixed value range (an activation's); default the rows' own range. */
  range?: [number, number];
  bins?: number;
  group?: string;
  xLabel?: string;
}

/** A histogram panel: field `${name}` [k, bins] int32 counts, `${name}.edges` [bins + 1] f32. */
export function histogramView(name: string, title: string, rows: HistogramRow[], opts: HistogramOptions = {}): DemoView {
  const bins = opts.bins ?? HISTOGRAM_BINS;
  const values = rows.map((r) => r.values);
  const [lo, hi] = histogramRange(values, opts.range);
  const edges = `${name}.edges`;
  return {
    fields: {
      [name]: field('i32', histogramCounts(values, lo, hi, bins), [rows.length, bins]),
      [edges]: field('f32', binEdges(lo, hi, bins)),
    },
    layout: [
      {
        kind: 'histogram',
        title,
        field: name,
        x: edges,
        names: rows.map((r) => r.name),
        ...(opts.xLabel ? { xLabel: opts.xLabel } : {}),
        yLabel: 'count',
        ...(opts.group ? { group: opts.group } : {}),
      },
    ],
  };
}
