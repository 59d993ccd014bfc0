/**
 * Dense layers evaluated in plain JS from their parameter values, for the views of the course's tiny networks
 * (1-2-1, 2-2-1, 1-2-3: a handful of weights over tens of points). Reading the weights once and computing here
 * costs microseconds and creates no tensors; the values agree with the network's float32 forward pass to
 * float32 rounding. Bigger networks go through the network itself (one batched call).
 */
import { applyActivation, productBias } from '../../backend/wasm/smallProducts.ts';
import { type Activation, kernelActivation } from '../../train/model.ts';

/** One layer's values as the network stores them: W [inDim, outDim] row-major (x·W + b), b [outDim]. */
export interface DenseValues {
  W: Float32Array;
  b: Float32Array;
  inDim: number;
  outDim: number;
}

/**
 * act(x·W + b) for rows x [n, inDim] → [n, outDim]: the products of the wasm backend's small dense layers
 * (backend/wasm/smallProducts.ts), so a view's values are the training pass's to the bit.
 */
export function denseJs(x: ArrayLike<number>, layer: DenseValues, act: Activation): Float32Array {
  const { W, b, inDim, outDim } = layer;
  const n = x.length / inDim;
  if (!Number.isInteger(n)) throw new RangeError(`denseJs: ${x.length} inputs are not rows of ${inDim}`);
  const z = new Float64Array(n * outDim);
  productBias(x instanceof Float32Array ? x : Float32Array.from(x), W, b, z, n, inDim, outDim);
  const out = new Float32Array(n * outDim);
  applyActivation(z, out, kernelActivation(act));
  return out;
}

/** What denseValues reads: a model's (or net's) variables and their names ("fc1.W", "fc1.b", …). */
export interface NamedParams {
  params: { shape: number[]; dataSync(): ArrayLike<number> }[];
  paramNames?: string[];
  names?: string[];
}

/** The values of dense layer `layer` ("fc1", "fc2"…) of a model or net, copied out of the backend. */
export function denseValues(model: NamedParams, layer: string): DenseValues {
  const names = model.paramNames ?? model.names ?? [];
  const wi = names.indexOf(`${layer}.W`);
  const bi = names.indexOf(`${layer}.b`);
  const W = model.params[wi];
  const b = model.params[bi];
  if (!W || !b || W.shape.length !== 2) throw new RangeError(`denseValues: no dense layer ${layer} in [${names.join(', ')}]`);
  return {
    W: Float32Array.from(W.dataSync()),
    b: Float32Array.from(b.dataSync()),
    inDim: W.shape[0] as number,
    outDim: W.shape[1] as number,
  };
}
