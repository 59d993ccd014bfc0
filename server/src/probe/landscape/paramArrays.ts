/**
 * Points and directions of parameter space as plain arrays, one Float32Array per parameter in the model's params
 * order (what checkpoints hold: train/run.ts values()), and their flattening for the maths that sees parameter
 * space as one vector (PCA, projections).
 */
import type * as tf from '@tensorflow/tfjs-core';

/** One Float32Array per parameter, in params order. */
export type ParamArrays = readonly Float32Array[];

/** Copies of the tensors' values (read outside any tf.tidy: a typed array returned from one is walked, slowly). */
export function readParams(tensors: readonly tf.Tensor[]): Float32Array[] {
  return tensors.map((t) => Float32Array.from(t.dataSync() as Float32Array));
}

/** The arrays end to end, as one vector of parameter space. */
export function flattenParams(values: ParamArrays): Float32Array {
  const out = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  let at = 0;
  for (const v of values) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

/** One vector cut back into per-parameter arrays of `sizes` (copies). */
export function splitParams(flat: Float32Array, sizes: readonly number[]): Float32Array[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== flat.length) throw new Error(`splitParams: ${flat.length} values for parameters of ${total}`);
  let at = 0;
  return sizes.map((n) => flat.slice(at, (at += n)));
}

/** Σ a·b over every parameter, in float64. */
export function dotParams(a: ParamArrays, b: ParamArrays): number {
  let sum = 0;
  a.forEach((x, p) => {
    const y = b[p] as Float32Array;
    for (let i = 0; i < x.length; i++) sum += (x[i] as number) * (y[i] as number);
  });
  return sum;
}
