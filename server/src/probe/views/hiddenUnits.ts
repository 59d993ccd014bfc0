/**
 * Views of a network's hidden layer, from its layers' values (denseJs.ts): what each unit computes over the
 * input axis, what it contributes to the output, where it cuts the input plane, how the data land in hidden space,
 * and the weights of each unit side by side.
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';
import type { Activation } from '../../train/model.ts';
import { clipLines } from './boundaryLines.ts';
import { joinViews } from './compose.ts';
import { curveView, grid1d, gridView } from './curve1d.ts';
import { denseJs, denseValues, type DenseValues, type NamedParams } from './denseJs.ts';
import type { Extent } from './regions.ts';

/** The hidden activations a_j(x) = act(w_j·x + b_j) of a one-input layer over xs: one array [n] per unit. */
export function unitCurves(xs: Float32Array, hidden: DenseValues, act: Activation): Float32Array[] {
  if (hidden.inDim !== 1) throw new RangeError(`unitCurves: the layer has ${hidden.inDim} inputs, not 1`);
  const a = denseJs(xs, hidden, act);
  const h = hidden.outDim;
  return Array.from({ length: h }, (_, j) => Float32Array.from(xs, (_, i) => a[i * h + j] as number));
}

/**
 * Each hidden unit's contribution to output `k`, v_jk·a_j(x) (for sigmoid units the weighted "bump" edge), and
 * their sum with the output bias, z_k(x) = Σ_j v_jk·a_j(x) + c_k, the output unit's pre-activation.
 */
export function unitContributions(
  xs: Float32Array,
  hidden: DenseValues,
  act: Activation,
  output: DenseValues,
  k = 0,
): { parts: Float32Array[]; total: Float32Array } {
  const curves = unitCurves(xs, hidden, act);
  const parts = curves.map((a, j) => Float32Array.from(a, (v) => (output.W[j * output.outDim + k] as number) * v));
  const total = Float32Array.from(xs, (_, i) => parts.reduce((s, p) => s + (p[i] as number), output.b[k] as number));
  return { parts, total };
}

/** A series panel of the hidden units over x, one line per unit ("unit 1", "unit 2", …). */
export function unitCurvesView(name: string, title: string, xs: Float32Array, curves: Float32Array[], xLabel = 'x', extra: { name: string; values: Float32Array }[] = []): DemoView {
  return curveView({
    name,
    title,
    x: xs,
    curves: [...curves.map((values, j) => ({ name: `unit ${j + 1}`, values })), ...extra],
    xLabel,
  });
}

/**
 * A scatter panel of the data in hidden space: the first two hidden activations (a1, a2) of each sample,
 * coloured by its label (a single unit is drawn against 0). `a` is [n, h] row-major.
 */
export function hiddenScatterView(name: string, title: string, a: Float32Array, h: number, labels: Int32Array): DemoView {
  const n = labels.length;
  if (a.length !== n * h) throw new RangeError(`hiddenScatterView: ${a.length} activations for ${n} samples of ${h}`);
  const pts = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    pts[2 * i] = a[i * h] as number;
    pts[2 * i + 1] = h > 1 ? (a[i * h + 1] as number) : 0;
  }
  return {
    fields: { [`${name}.a`]: field('f32', pts, [n, 2]), [`${name}.labels`]: field('i32', labels, [n]) },
    layout: [{ kind: 'scatter', title, field: `${name}.a`, labels: `${name}.labels`, xLabel: 'a1 (unit 1)', yLabel: h > 1 ? 'a2 (unit 2)' : '0' }],
  };
}

/**
 * The weights of each hidden unit side by side as a grid [h, inDim + 1 + outDim]: one row per unit, its incoming
 * weights, its bias, then its outgoing weights (identical rows are identical units).
 */
export function unitWeights(hidden: DenseValues, output: DenseValues): Float32Array {
  const h = hidden.outDim;
  const cols = hidden.inDim + 1 + output.outDim;
  const out = new Float32Array(h * cols);
  for (let j = 0; j < h; j++) {
    for (let k = 0; k < hidden.inDim; k++) out[j * cols + k] = hidden.W[k * h + j] as number;
    out[j * cols + hidden.inDim] = hidden.b[j] as number;
    for (let k = 0; k < output.outDim; k++) out[j * cols + hidden.inDim + 1 + k] = output.W[j * output.outDim + k] as number;
  }
  return out;
}

/**
 * Where each hidden unit of a two-input layer switches: its pre-activation w1j·x + w2j·y + bj = 0 (σ = 0.5, the
 * edge of ReLU), clipped to `extent`, [k, 4] (units whose line misses the extent are left out).
 */
export function unitLines(hidden: DenseValues, extent: Extent): Float32Array {
  if (hidden.inDim !== 2) throw new RangeError(`unitLines: the layer has ${hidden.inDim} inputs, not 2`);
  const h = hidden.outDim;
  const lines = Array.from({ length: h }, (_, j) => [hidden.W[j] as number, hidden.W[h + j] as number, hidden.b[j] as number] as const);
  return clipLines(lines, extent);
}

/**
 * The views of a 1 → h → 1 network's hidden layer on a labelled 1-D set (ch07-01, ch08-05), from its layers fc1
 * and fc2: the samples in hidden space (a1, a2) coloured by label, each unit's activation over the data's x range
 * (101 points), and the units' weights side by side (rows: units; columns: input weight w, bias b, output
 * weight v). Plain JS over the seven-odd weights: no tensors.
 */
export function shallowNetViews(net: NamedParams, act: Activation, set: { x: Float32Array; labels: Int32Array }): () => DemoView {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of set.x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const xs = grid1d(lo, hi, 101);
  return () => {
    const hidden = denseValues(net, 'fc1');
    const output = denseValues(net, 'fc2');
    const h = hidden.outDim;
    return joinViews(
      hiddenScatterView('hidden', 'samples in hidden space (a1, a2), coloured by label', denseJs(set.x, hidden, act), h, set.labels),
      unitCurvesView('units', `hidden units a_j(x) = ${act}(w_j·x + b_j)`, xs, unitCurves(xs, hidden, act)),
      gridView('unitWeights', 'hidden units’ weights side by side (rows: units; columns: w in, bias b, v out)', unitWeights(hidden, output), h, 3, {
        xLabel: 'w · b · v',
        yLabel: 'unit',
      }),
    );
  };
}
