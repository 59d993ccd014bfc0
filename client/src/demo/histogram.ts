/**
 * The histogram panel's data and bar geometry: a field [k, bins] (or [bins], one histogram) of counts and a
 * field [bins + 1] of bin edges shared by the k rows.
 */
import type { Field } from '@gradcast/shared';

export interface Histograms {
  k: number;
  bins: number;
  /** Row i: the counts of histogram i, [bins]. */
  rows: ArrayLike<number>[];
  /** [bins + 1] bin edges: the field's when it has that many values, else the bin indices 0 … bins. */
  edges: ArrayLike<number>;
  /** True when the edges are the field's (the x axis then has its units). */
  ownEdges: boolean;
}

/** Counts [k, bins] or [bins] with their edges; null for any other shape, or dims that do not match the data. */
export function histogramsOf(f: Field | undefined, edges?: ArrayLike<number>): Histograms | null {
  if (!f) return null;
  const dims = f.dims.length === 1 ? [1, f.dims[0] as number] : f.dims;
  if (dims.length !== 2) return null;
  const [k, bins] = dims as [number, number];
  if (k * bins !== f.data.length) return null;
  const rows = Array.from({ length: k }, (_, i) => f.data.slice(i * bins, (i + 1) * bins) as ArrayLike<number>);
  const ownEdges = edges !== undefined && edges.length === bins + 1;
  return { k, bins, rows, edges: ownEdges ? edges : Array.from({ length: bins + 1 }, (_, i) => i), ownEdges };
}

/** Largest finite count (0 when none). */
export function countMax(counts: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i] as number;
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

/** A bar in pixels: left x, top y, width, height; `count` is its value. */
export interface Bar {
  x: number;
  y: number;
  w: number;
  h: number;
  count: number;
}

/**
 * Bars of `counts` between `edges` mapped by sx (x → px) and sy (count → px, 0 at the baseline). Empty bins
 * and bins with a non-finite count or edge draw nothing; a bar wider than 4 px leaves a 1 px gap to its right
 * so neighbours stay apart.
 */
export function barRects(
  counts: ArrayLike<number>,
  edges: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): Bar[] {
  const bars: Bar[] = [];
  const base = sy(0);
  for (let b = 0; b < counts.length && b + 1 < edges.length; b++) {
    const count = counts[b] as number;
    const e0 = edges[b] as number;
    const e1 = edges[b + 1] as number;
    if (!(count > 0) || !Number.isFinite(count) || !Number.isFinite(e0) || !Number.isFinite(e1)) continue;
    const x0 = Math.min(sx(e0), sx(e1));
    const full = Math.abs(sx(e1) - sx(e0));
    const top = sy(count);
    bars.push({ x: x0, y: top, w: full > 4 ? full - 1 : full, h: base - top, count });
  }
  return bars;
}

/**
 * The outline of a histogram as one SVG path (a step line over the bins, down to the baseline at both ends), to
 * draw a second set of counts over the first's bars (ch08-06: the counts at initialisation over the current ones).
 * A bin with a non-finite count or edge breaks the line; empty when nothing can be drawn.
 */
export function stepOutline(
  counts: ArrayLike<number>,
  edges: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const base = sy(0);
  let d = '';
  let open = false;
  const px = (v: number): string => String(Math.round(v * 10) / 10);
  for (let b = 0; b < counts.length && b + 1 < edges.length; b++) {
    const c = counts[b] as number;
    const e0 = edges[b] as number;
    const e1 = edges[b + 1] as number;
    if (!Number.isFinite(c) || !Number.isFinite(e0) || !Number.isFinite(e1)) {
      if (open) d += `V${px(base)}`;
      open = false;
      continue;
    }
    const y = sy(Math.max(0, c));
    d += open ? `V${px(y)}H${px(sx(e1))}` : `M${px(sx(e0))},${px(base)}V${px(y)}H${px(sx(e1))}`;
    open = true;
  }
  if (open) d += `V${px(base)}`;
  return d;
}
