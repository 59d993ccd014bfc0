/**
 * A fitted plane ŷ = w1·x1 + w2·x2 + b (one output of a Linear 2→k) as a grid heatmap over the (x1, x2) square,
 * with the data drawn on it: each sample a dot at its (x1, x2), filled with its target y on the heatmap's colour
 * scale (the grid panel's `points`), so a dot that differs in colour from the plane under it is a residual the
 * fit leaves (the 3-D "plane over the scatter", seen from above). ch04-01 and ch04-02 draw their planes with it.
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';
import { grid1d, gridView } from './curve1d.ts';
import { fmt } from './format.ts';

/** The plane grid's axis (both x1 and x2): −1 to 1 in steps of 0.2 (11 × 11 cells). */
export const PLANE_AXIS = grid1d(-1, 1, 11);

/**
 * ŷ = w1·x1 + w2·x2 + b over axis × axis, row-major [n, n]: row 0 at the top (x2 = the axis's last value, down to
 * its first), columns x1 = the axis in order.
 */
export function planeValues(w1: number, w2: number, b: number, axis: Float32Array = PLANE_AXIS): Float32Array {
  const n = axis.length;
  const out = new Float32Array(n * n);
  axis.forEach((x2, r) => axis.forEach((x1, c) => (out[(n - 1 - r) * n + c] = w1 * x1 + w2 * x2 + b)));
  return out;
}


export interface PlaneSpec {
  /** The grid's field name, unique within the view. */
  name: string;
  /** What the plane is (e.g. "fitted plane ŷ(x1, x2)"); the axes' ranges and step are appended. */
  title: string;
  w1: number;
  w2: number;
  b: number;
  /** Both axes' values (default PLANE_AXIS). */
  axis?: Float32Array;
  group?: string;
  /** The data over the plane: rows (x1, x2, y) [n, 3], as planePoints makes them (none: the plane alone). */
  points?: Float32Array;
}

/**
 * The plane as a grid panel [n, n] (as planeValues), on the diverging scale, axes named x1 and x2; with `points`,
 * the data drawn over it (field `<name>.points`, placed by the extent of the axis: the cells' centres).
 */
export function planeView(spec: PlaneSpec): DemoView {
  const axis = spec.axis ?? PLANE_AXIS;
  const n = axis.length;
  const [lo, hi] = [axis[0] as number, axis[n - 1] as number];
  const over = spec.points ? `; dots: the data, filled with their y (a dot unlike the cell under it is a residual)` : '';
  const title = `${spec.title}: columns x1 = ${fmt(lo)}…${fmt(hi)}, rows x2 = ${fmt(hi)}…${fmt(lo)} (step ${fmt((hi - lo) / (n - 1))})${over}`;
  const view = gridView(spec.name, title, planeValues(spec.w1, spec.w2, spec.b, axis), n, n, {
    xLabel: 'x1',
    yLabel: 'x2',
    ...(spec.group ? { group: spec.group } : {}),
  });
  if (!spec.points) return view;
  if (spec.points.length % 3) throw new RangeError('planeView: points must be (x1, x2, y) rows');
  const pointsName = `${spec.name}.points`;
  view.fields[pointsName] = field('f32', spec.points, [spec.points.length / 3, 3]);
  Object.assign(view.layout[0]!, { points: pointsName, extent: [lo, hi, lo, hi] });
  return view;
}

/**
 * The data as a plane's points: rows (x1, x2, y) [n, 3] from the inputs x [n, 2] (row-major pairs) and output k of
 * the targets y [n, yDim] (row-major).
 */
export function planePoints(x: Float32Array, y: Float32Array, yDim = 1, k = 0): Float32Array {
  const n = x.length / 2;
  if (!Number.isInteger(n) || y.length !== n * yDim || k < 0 || k >= yDim) {
    throw new RangeError(`planePoints: ${x.length} input values and ${y.length} targets are not n × 2 and n × ${yDim} (output ${k})`);
  }
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) out.set([x[2 * i] as number, x[2 * i + 1] as number, y[i * yDim + k] as number], 3 * i);
  return out;
}
