/**
 * Series panels over one axis: a 1-D function's curve(s) with marked points (a loss curve L(w) with the visited
 * (w, L(w)), an objective with its path, logits or probabilities over x with the data). Plain arrays in, a
 * DemoView out; field names are prefixed with `name` so several of these share one view.
 */
import { field, type DemoPanel } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/** `n` evenly spaced values from lo to hi, both included (float32; the last is exactly hi). */
export function grid1d(lo: number, hi: number, n: number): Float32Array {
  if (!(n >= 2) || !Number.isInteger(n)) throw new RangeError(`grid1d: need an integer n ≥ 2, got ${n}`);
  return Float32Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/** Grid of spacing `step` from lo to hi (hi included when on the grid; the count is rounded to the nearest). */
export function stepGrid(lo: number, hi: number, step: number): Float32Array {
  return grid1d(lo, hi, Math.max(2, Math.round((hi - lo) / step) + 1));
}

/** Column j of a row-major [n, k] array (one class's logits over a grid), [n]. */
export function column(rows: Float32Array, k: number, j: number): Float32Array {
  return Float32Array.from({ length: rows.length / k }, (_, i) => rows[i * k + j] as number);
}

/** The rows of points [k, 2] whose x lies in [lo, hi] (points far off the drawn range would flatten the plot). */
export function pointsWithin(points: Float32Array, lo: number, hi: number): Float32Array {
  const keep: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (x >= lo && x <= hi && Number.isFinite(y)) keep.push(x, y);
  }
  return Float32Array.from(keep);
}

/**
 * An optimizer's path for a panel with a ball: the visits before the last inside [lo, hi] (as pointsWithin),
 * then the last (the position now) wherever it is, so the client can pin the ball at the curve's end when a
 * diverging run leaves the range (±Infinity included); a NaN position is left out (no ball).
 */
export function pathWithin(points: Float32Array, lo: number, hi: number): Float32Array {
  const rows = Math.floor(points.length / 2);
  if (!rows) return new Float32Array(0);
  const before = pointsWithin(points.subarray(0, 2 * rows - 2), lo, hi);
  const x = points[2 * rows - 2] as number;
  const y = points[2 * rows - 1] as number;
  if (Number.isNaN(x)) return before;
  const out = new Float32Array(before.length + 2);
  out.set(before);
  out.set([x, y], before.length);
  return out;
}

export interface CurveSpec {
  /** Field-name prefix, unique within the view. */
  name: string;
  title: string;
  /** The x values shared by every curve, [n]. */
  x: Float32Array;
  /** One or more curves over x, each [n], named in the legend in this order. */
  curves: { name: string; values: Float32Array }[];
  /** Marked (x, y) pairs, row-major [k, 2] (k may be 0: then no points field). */
  points?: Float32Array;
  /** The markers' legend entry (the names entry after the curves'). */
  pointsName?: string;
  /** "dots" when the points are data (scattered, unjoined), not a path of visits. */
  pointsAs?: 'path' | 'dots';
  /** Draw the last point as a ball rolling along the first curve (the position now; see pathWithin). */
  ball?: boolean;
  xLabel?: string;
  yLabel?: string;
  group?: string;
}

/** A series panel: the first curve is `field`, the others `lines`; `points` are marked on top. */
export function curveView(spec: CurveSpec): DemoView {
  const n = spec.x.length;
  const { name } = spec;
  if (!spec.curves.length) throw new RangeError('curveView: no curve');
  const fields: DemoView['fields'] = { [`${name}.x`]: field('f32', spec.x) };
  spec.curves.forEach((c, i) => {
    if (c.values.length !== n) throw new RangeError(`curveView: curve ${c.name} has ${c.values.length} values for ${n} x`);
    fields[`${name}.y${i}`] = field('f32', c.values);
  });
  const panel: DemoPanel = {
    kind: 'series',
    title: spec.title,
    field: `${name}.y0`,
    x: `${name}.x`,
    names: spec.curves.map((c) => c.name),
  };
  if (spec.curves.length > 1) panel.lines = spec.curves.slice(1).map((_, i) => `${name}.y${i + 1}`);
  const pts = spec.points;
  if (pts && pts.length) {
    if (pts.length % 2) throw new RangeError('curveView: points must be (x, y) pairs');
    fields[`${name}.points`] = field('f32', pts, [pts.length / 2, 2]);
    panel.points = `${name}.points`;
    if (spec.pointsName) panel.names = [...(panel.names ?? []), spec.pointsName];
    if (spec.pointsAs) panel.pointsAs = spec.pointsAs;
    if (spec.ball) panel.ball = true;
  }
  if (spec.xLabel) panel.xLabel = spec.xLabel;
  if (spec.yLabel) panel.yLabel = spec.yLabel;
  if (spec.group) panel.group = spec.group;
  return { fields, layout: [panel] };
}

/** A grid panel (heatmap with the values written in) of a [rows, cols] array. */
export function gridView(name: string, title: string, values: Float32Array, rows: number, cols: number, extra: Partial<DemoPanel> = {}): DemoView {
  if (values.length !== rows * cols) throw new RangeError(`gridView: ${values.length} values for ${rows}×${cols}`);
  return { fields: { [name]: field('f32', values, [rows, cols]) }, layout: [{ kind: 'grid', title, field: name, scale: 'diverging', ...extra }] };
}
