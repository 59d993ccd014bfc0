/**
 * Decision regions: a classifier's predicted class (and its confidence) on a grid of cells over the data, drawn
 * as a `regions` panel with the data points and optional lines on top. The course draws them on a grid of step
 * 0.02 over the data range ± 0.1; a coarser grid (tens of cells a side) looks the same on a panel and keeps the
 * view cheap: the whole grid goes through the network in one batched call (the `scores` function).
 *
 * Grid layout (what the `regions` panel expects): field [ny, nx] row-major, row 0 at yMin, each cell sampled at
 * its centre. A 1-D task uses one row (ny = 1) over [xMin, xMax] × [0, 1]: a strip of predicted classes along x.
 */
import { field, type DemoPanel } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/** [xMin, xMax, yMin, yMax]. */
export type Extent = [number, number, number, number];

/** The bounding box of 2-D rows x [n, 2] (row-major), widened by `margin` on every side. */
export function paddedExtent(x: Float32Array, margin: number): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i + 1 < x.length; i += 2) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  if (!Number.isFinite(x0)) throw new RangeError('paddedExtent: no points');
  return [x0 - margin, x1 + margin, y0 - margin, y1 + margin];
}

/** Cell centres of an nx × ny grid over `extent`, as rows (x, y) [ny·nx, 2], row 0 at yMin, x varying fastest. */
export function gridCells(extent: Extent, nx: number, ny: number): Float32Array {
  const [x0, x1, y0, y1] = extent;
  const out = new Float32Array(nx * ny * 2);
  for (let r = 0; r < ny; r++) {
    const y = y0 + ((r + 0.5) * (y1 - y0)) / ny;
    for (let c = 0; c < nx; c++) {
      const k = 2 * (r * nx + c);
      out[k] = x0 + ((c + 0.5) * (x1 - x0)) / nx;
      out[k + 1] = y;
    }
  }
  return out;
}

/** Cell centres along x of a 1-row strip over [xMin, xMax], [nx]. */
export function stripCells(xMin: number, xMax: number, nx: number): Float32Array {
  return Float32Array.from({ length: nx }, (_, c) => xMin + ((c + 0.5) * (xMax - xMin)) / nx);
}

/**
 * Predicted class and confidence per row of `scores`.
 *  - 'logits' [n, k], k ≥ 2: class = argmax, confidence = its softmax probability (in [1/k, 1]);
 *  - 'probability' [n]: one sigmoid output p = P(class 1): class = p > 0.5, confidence = max(p, 1 − p).
 * A non-finite score (a diverged network) gives class 0 with confidence 0.
 */
export function classify(scores: Float32Array, kind: 'logits' | 'probability', k = 1): { cls: Int32Array; conf: Float32Array } {
  const n = kind === 'probability' ? scores.length : scores.length / k;
  if (!Number.isInteger(n)) throw new RangeError(`classify: ${scores.length} scores are not rows of ${k}`);
  const cls = new Int32Array(n);
  const conf = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'probability') {
      const p = scores[i] as number;
      if (!Number.isFinite(p)) continue;
      cls[i] = p > 0.5 ? 1 : 0;
      conf[i] = Math.max(p, 1 - p);
      continue;
    }
    let best = 0;
    let max = -Infinity;
    let finite = true;
    for (let j = 0; j < k; j++) {
      const z = scores[i * k + j] as number;
      finite &&= Number.isFinite(z);
      if (z > max) [max, best] = [z, j];
    }
    if (!finite) continue;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp((scores[i * k + j] as number) - max);
    cls[i] = best;
    conf[i] = 1 / sum;
  }
  return { cls, conf };
}

/** Softmax of each row of logits [n, k] (stable: the row's largest logit is subtracted first). */
export function softmaxRows(logits: Float32Array, k: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i += k) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, logits[i + j] as number);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      out[i + j] = Math.exp((logits[i + j] as number) - max);
      sum += out[i + j] as number;
    }
    for (let j = 0; j < k; j++) out[i + j] = (out[i + j] as number) / sum;
  }
  return out;
}

/** Data points as the panel's (x, y, class) rows [n, 3]; `every` keeps one point in that many (in order). */
export function labelledPoints(x: Float32Array, labels: Int32Array, every = 1): Float32Array {
  const xDim = x.length / labels.length;
  if (xDim !== 1 && xDim !== 2) throw new RangeError(`labelledPoints: ${x.length} values for ${labels.length} labels`);
  const n = Math.ceil(labels.length / every);
  const out = new Float32Array(n * 3);
  for (let j = 0; j < n; j++) {
    const i = j * every;
    out[3 * j] = x[i * xDim] as number;
    // A 1-D task's points sit mid-strip.
    out[3 * j + 1] = xDim === 2 ? (x[i * 2 + 1] as number) : 0.5;
    out[3 * j + 2] = labels[i] as number;
  }
  return out;
}

export interface RegionsSpec {
  /** Field-name prefix, unique within the view. */
  name: string;
  title: string;
  extent: Extent;
  nx: number;
  /** Rows of the grid; 1 for a 1-D strip (then the cells are x values alone, one input per row). */
  ny: number;
  /** Network outputs for input rows [m, xDim] (xDim 2, or 1 for a strip): logits [m, k] or probabilities [m]. */
  scores(rows: Float32Array): Float32Array;
  kind: 'logits' | 'probability';
  /** Classes (logits per row); 2 for 'probability'. */
  classes: number;
  /** Points drawn on top: (x, y, class) rows [n, 3] (labelledPoints). */
  points?: Float32Array;
  /** Lines drawn on top, (x0, y0, x1, y1) rows [k, 4]; a function for lines that move (hidden units' boundaries). */
  segments?: Float32Array | (() => Float32Array);
  xLabel?: string;
  yLabel?: string;
  group?: string;
}

/**
 * A function that draws the regions now: the cells are laid out once, and each call sends them through the
 * network in one batch. Fields: `<name>.class` i32 [ny, nx], `<name>.conf` q8 [ny, nx], `<name>.points` f32
 * [n, 3], `<name>.segments` f32 [k, 4] (omitted when there are none).
 */
export function regionsView(spec: RegionsSpec): () => DemoView {
  const { name, nx, ny } = spec;
  const cells = ny === 1 ? stripCells(spec.extent[0], spec.extent[1], nx) : gridCells(spec.extent, nx, ny);
  const k = spec.kind === 'probability' ? 1 : spec.classes;
  const points = spec.points && spec.points.length ? field('f32', spec.points, [spec.points.length / 3, 3]) : null;
  return () => {
    const scores = spec.scores(cells);
    if (scores.length !== nx * ny * k) throw new RangeError(`regionsView: ${scores.length} scores for ${nx * ny} cells of ${k}`);
    const { cls, conf } = classify(scores, spec.kind, k);
    const fields: DemoView['fields'] = {
      [`${name}.class`]: field('i32', cls, [ny, nx]),
      [`${name}.conf`]: field('q8', conf, [ny, nx]),
    };
    const panel: DemoPanel = {
      kind: 'regions',
      title: spec.title,
      field: `${name}.class`,
      y2: `${name}.conf`,
      extent: spec.extent,
    };
    if (points) {
      fields[`${name}.points`] = points;
      panel.points = `${name}.points`;
    }
    const segs = typeof spec.segments === 'function' ? spec.segments() : spec.segments;
    if (segs && segs.length) {
      fields[`${name}.segments`] = field('f32', segs, [segs.length / 4, 4]);
      panel.segments = `${name}.segments`;
    }
    if (spec.xLabel) panel.xLabel = spec.xLabel;
    if (spec.yLabel) panel.yLabel = spec.yLabel;
    if (spec.group) panel.group = spec.group;
    return { fields, layout: [panel] };
  };
}

/**
 * A 1-D classifier's predicted class along x as a one-row strip over [lo, hi] (nx cells), with the labelled
 * points mid-strip: ch06-01's argmax bands and ch07-05b's class strip. `logits(cells)` maps x values [m] to
 * logits [m, classes].
 */
export function classStripView(spec: {
  title: string;
  range: [number, number];
  nx: number;
  classes: number;
  logits: (cells: Float32Array) => Float32Array;
  x: Float32Array;
  labels: Int32Array;
}): () => DemoView {
  return regionsView({
    name: 'strip',
    title: spec.title,
    extent: [spec.range[0], spec.range[1], 0, 1],
    nx: spec.nx,
    ny: 1,
    scores: spec.logits,
    kind: 'logits',
    classes: spec.classes,
    points: labelledPoints(spec.x, spec.labels),
    xLabel: 'x',
  });
}
