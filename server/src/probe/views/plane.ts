/**
 * A fitted plane ŷ = w1·x1 + w2·x2 + b (one output of a Linear 2→k) as a grid heatmap over the (x1, x2) square,
 * and the data's inputs (x1, x2) as a scatter to set beside it: a grid panel takes no points, so the "plane over
 * the scatter" is drawn as the two panels side by side in one group. ch04-01 and ch04-02 draw their planes with it.
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '../../lessons/types.ts';
import { grid1d, gridView } from './curve1d.ts';

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

const num = (v: number): string => String(Number(v.toFixed(3))).replace('-', '−');

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
}

/** The plane as a grid panel [n, n] (as planeValues), on the diverging scale, axes named x1 and x2. */
export function planeView(spec: PlaneSpec): DemoView {
  const axis = spec.axis ?? PLANE_AXIS;
  const n = axis.length;
  const [lo, hi] = [axis[0] as number, axis[n - 1] as number];
  const title = `${spec.title}: columns x1 = ${num(lo)}…${num(hi)}, rows x2 = ${num(hi)}…${num(lo)} (step ${num((hi - lo) / (n - 1))})`;
  return gridView(spec.name, title, planeValues(spec.w1, spec.w2, spec.b, axis), n, n, {
    xLabel: 'x1',
    yLabel: 'x2',
    ...(spec.group ? { group: spec.group } : {}),
  });
}

/** The data's inputs, row-major (x1, x2) pairs [n, 2], as a scatter panel (field `name`), to set beside a plane. */
export function inputsScatterView(name: string, title: string, x: Float32Array, group?: string): DemoView {
  if (x.length % 2) throw new RangeError('inputsScatterView: the inputs must be (x1, x2) pairs');
  return {
    fields: { [name]: field('f32', x, [x.length / 2, 2]) },
    layout: [{ kind: 'scatter', title, field: name, xLabel: 'x1', yLabel: 'x2', ...(group ? { group } : {}) }],
  };
}
