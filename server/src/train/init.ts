/**
 * Weight initialisations (lessons.md "Conventions: default init" and ch08-06), drawn from our seeded PRNG so
 * the same seed always gives the same weights. PyTorch's streams cannot be reproduced; the distributions are
 * the course's.
 *
 * Shapes follow TF.js layouts: a dense weight is [fanIn, fanOut] (y = x·W), a conv kernel [kh, kw, inCh, outCh].
 * fan_in = inCh·kh·kw and fan_out = outCh·kh·kw for a conv, as PyTorch computes them.
 */
import type { Rng } from '../data/prng.ts';

/**
 * - 'default': PyTorch's Linear/Conv2d default, weights and biases U(−1/√fan_in, +1/√fan_in)
 *   (kaiming_uniform with a = √5 gives exactly that bound); ch06-02 layer 1: 1/28 ≈ 0.0357.
 * - 'uniform': ch08-06's "Uniform", weights U(0, 1), biases left at the default.
 * - 'xavier': Glorot uniform, weights U(±√(6/(fan_in + fan_out))), biases default; 784→100: 0.0824.
 * - 'he': ch08-06's He = Kaiming uniform for ReLU, weights U(±√(6/fan_in)) (std √(2/fan_in)), biases default;
 *   fan_in 784: 0.0875. The course uses the uniform variant, not Kaiming normal.
 * - 'zeros': weights and biases 0, the symmetric start whose hidden units stay identical (ch08-05).
 * The course's He/Xavier/Uniform runs re-initialise only the weights, so their biases keep PyTorch's default.
 */
export type InitName = 'default' | 'uniform' | 'xavier' | 'he' | 'zeros';

export const INIT_NAMES: readonly InitName[] = ['default', 'uniform', 'xavier', 'he', 'zeros'];

export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** fan_in and fan_out of a dense [fanIn, fanOut] or conv [kh, kw, inCh, outCh] weight. */
export function fans(shape: readonly number[]): Fans {
  if (shape.some((d) => !Number.isInteger(d) || d < 1)) throw new RangeError(`init: bad weight shape [${shape}]`);
  if (shape.length === 2) return { fanIn: shape[0]!, fanOut: shape[1]! };
  if (shape.length === 4) {
    const [kh, kw, inCh, outCh] = shape as [number, number, number, number];
    return { fanIn: kh * kw * inCh, fanOut: kh * kw * outCh };
  }
  throw new RangeError(`init: expected a [fanIn, fanOut] or [kh, kw, inCh, outCh] weight, got [${shape}]`);
}

/** Half-width of the symmetric uniform distribution of each method (undefined for 'uniform' and 'zeros'). */
export function uniformBound(method: 'default' | 'xavier' | 'he', { fanIn, fanOut }: Fans): number {
  switch (method) {
    case 'default':
      return 1 / Math.sqrt(fanIn);
    case 'xavier':
      return Math.sqrt(6 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(6 / fanIn);
  }
}

function fill(n: number, draw: () => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** A weight of `shape`, flattened row-major (TF.js order), ready for tf.tensor(values, shape). */
export function initWeight(method: InitName, shape: readonly number[], rng: Rng): Float32Array {
  const f = fans(shape);
  const n = shape.reduce((a, b) => a * b, 1);
  switch (method) {
    case 'zeros':
      return new Float32Array(n);
    case 'uniform':
      return fill(n, () => rng.uniform());
    case 'default':
    case 'xavier':
    case 'he': {
      const bound = uniformBound(method, f);
      return fill(n, () => rng.range(-bound, bound));
    }
    default:
      throw new RangeError(`init: unknown method '${String(method)}'`);
  }
}

/** A bias of `size` values for a layer with `fanIn` inputs: 0 under 'zeros', PyTorch's default otherwise. */
export function initBias(method: InitName, size: number, fanIn: number, rng: Rng): Float32Array {
  if (!INIT_NAMES.includes(method)) throw new RangeError(`init: unknown method '${String(method)}'`);
  if (method === 'zeros') return new Float32Array(size);
  const bound = 1 / Math.sqrt(fanIn);
  return fill(size, () => rng.range(-bound, bound));
}
