/**
 * Per-layer numbers of a net: the gradient norm of each weight matrix on a probe batch (vanishing gradients),
 * and batch norm's running statistics per unit or channel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/**
 * ‖∂L/∂W‖₂ (Frobenius) of each variable for the scalar `loss`, from one extra forward and backward pass
 * (tf.variableGrads): the run's own update keeps only small models' gradients (train/run.ts), so the views take
 * theirs on a probe batch. Leaves no tensor behind. `vars` must all reach the loss.
 */
export function gradientNorms(loss: () => tf.Scalar, vars: tf.Variable[]): Float32Array {
  const { value, grads } = tf.variableGrads(loss, vars);
  try {
    const norms = tf.tidy(() => tf.stack(vars.map((v) => tf.sqrt(tf.sum(tf.square(grads[v.name] as tf.Tensor))))));
    const out = Float32Array.from(norms.dataSync() as Float32Array);
    norms.dispose();
    return out;
  } finally {
    tf.dispose([value, ...Object.values(grads)]);
  }
}

/** A one-row grid [1, L] of per-layer values (the numbers written in each cell), columns named by `xLabel`. */
export function layerRowView(name: string, title: string, values: Float32Array, xLabel: string): DemoView {
  return {
    fields: { [name]: field('f32', values, [1, values.length]) },
    layout: [{ kind: 'grid', title, field: name, scale: 'sequential', xLabel }],
  };
}

/**
 * Batch norm's running mean and variance per feature as a series against the feature index: fields
 * `${name}.i` [F], `${name}.mean` [F], `${name}.var` [F].
 */
export function runningStatsView(name: string, title: string, mean: Float32Array, variance: Float32Array, xLabel = 'unit', group?: string): DemoView {
  if (mean.length !== variance.length) throw new RangeError(`runningStatsView ${name}: ${mean.length} means, ${variance.length} variances`);
  return {
    fields: {
      [`${name}.i`]: field('f32', Float32Array.from({ length: mean.length }, (_, i) => i)),
      [`${name}.mean`]: field('f32', mean),
      [`${name}.var`]: field('f32', variance),
    },
    layout: [
      {
        kind: 'series',
        title,
        field: `${name}.mean`,
        x: `${name}.i`,
        y2: `${name}.var`,
        names: ['running mean', 'running variance'],
        xLabel,
        ...(group ? { group } : {}),
      },
    ],
  };
}

/** Cells per row of a per-unit heatmap: unit u sits at row ⌊u/10⌋, column u mod 10. */
const UNIT_COLS = 10;

/** One value per unit as a grid [⌈n/10⌉, min(n, 10)], row-major by unit; cells past the last unit are NaN (blank). */
export function unitGrid(values: ArrayLike<number>): { data: Float32Array; dims: [number, number] } {
  const cols = Math.max(1, Math.min(UNIT_COLS, values.length));
  const rows = Math.ceil(values.length / cols);
  const data = new Float32Array(rows * cols).fill(NaN);
  for (let i = 0; i < values.length; i++) data[i] = values[i] as number;
  return { data, dims: [rows, cols] };
}

/** A heatmap grid (sequential scale, values written in the cells) of one value per unit (unitGrid's layout). */
export function unitGridView(name: string, title: string, values: ArrayLike<number>, group?: string): DemoView {
  const g = unitGrid(values);
  return {
    fields: { [name]: field('f32', g.data, g.dims) },
    layout: [{ kind: 'grid', title, field: name, scale: 'sequential', ...(group ? { group } : {}) }],
  };
}
