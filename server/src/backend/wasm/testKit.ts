/**
 * Helpers for the fill-in tests. tfjs has one global backend, so a check runs in phases: compute the
 * reference on cpu from plain arrays and copy the numbers out, switch to wasm (fill-ins registered), compute
 * again and compare. Finite differences run on wasm with the loss summed in float64 on the JS side.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../gradients.ts'; // tfjs-core alone registers no gradient functions
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRng, type Rng } from '../../data/prng.ts';
import { registerWasmKernels } from './index.ts';

export { createRng, type Rng };

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export async function useWasm(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmKernels();
}

export function randn(rng: Rng, shape: number[], scale = 1): Float32Array {
  const out = new Float32Array(tf.util.sizeFromShape(shape));
  for (let i = 0; i < out.length; i++) out[i] = scale * rng.normal();
  return out;
}

export function uniform(rng: Rng, shape: number[], lo: number, hi: number): Float32Array {
  const out = new Float32Array(tf.util.sizeFromShape(shape));
  for (let i = 0; i < out.length; i++) out[i] = rng.range(lo, hi);
  return out;
}

/** max|a − b| / max|b|: the error relative to the reference's scale (what the notes report). */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let [diff, scale] = [0, 0];
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    scale = Math.max(scale, Math.abs(b[i] ?? 0));
  }
  return scale === 0 ? diff : diff / scale;
}

/** An input of the function under test, as plain data. */
export interface Arg {
  values: Float32Array;
  shape: number[];
}

/**
 * f's value and the gradients of L = Σ f(args)·R with respect to the args listed in `wrt` (default: all),
 * on the current backend, as plain arrays. R (f's output shape) gives every output element its own weight.
 */
export function gradsOf(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  args: Arg[],
  weights: Float32Array,
  wrt: number[] = args.map((_, i) => i),
): { value: Float32Array; grads: Float32Array[] } {
  const ts = args.map(({ values, shape }) => tf.tensor(values, shape));
  const value = tf.tidy(() => f(...ts));
  const r = tf.tensor(weights, value.shape);
  const loss = (...vary: tf.Tensor[]) => {
    const all = ts.map((t, i) => (wrt.includes(i) ? (vary[wrt.indexOf(i)] as tf.Tensor) : t));
    return tf.sum(tf.mul(f(...all), r));
  };
  const gs = wrt.length === 0 ? [] : tf.grads(loss)(wrt.map((i) => ts[i] as tf.Tensor));
  const out = { value: value.dataSync() as Float32Array, grads: gs.map((g) => g.dataSync() as Float32Array) };
  tf.dispose([...ts, value, r, ...gs]);
  return out;
}

/**
 * Central finite differences of L = Σ f(inputs)·R (summed in float64) for a few coordinates of input `which`.
 * Divides by the step actually representable in float32, so the input's own rounding does not add error.
 */
export function finiteDiff(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: Arg[],
  weights: Float32Array,
  which: number,
  coords: number[],
  eps: number,
): number[] {
  const loss = (values: Float32Array): number => {
    const ts = inputs.map((inp, i) => tf.tensor(i === which ? values : inp.values, inp.shape));
    const out = tf.tidy(() => f(...ts));
    const data = out.dataSync();
    tf.dispose([...ts, out]);
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum += (data[i] ?? 0) * (weights[i] ?? 0);
    return sum;
  };
  const base = inputs[which]?.values;
  if (base == null) throw new Error(`no input ${which}`);
  return coords.map((k) => {
    const plus = Float32Array.from(base);
    const minus = Float32Array.from(base);
    plus[k] = (base[k] ?? 0) + eps;
    minus[k] = (base[k] ?? 0) - eps;
    return (loss(plus) - loss(minus)) / ((plus[k] ?? 0) - (minus[k] ?? 0));
  });
}

/** FD error: max over sampled coords of |fd − g| relative to the largest gradient entry overall. */
export function fdErr(fd: number[], grad: Float32Array, coords: number[]): number {
  let scale = 0;
  for (const g of grad) scale = Math.max(scale, Math.abs(g));
  let diff = 0;
  coords.forEach((k, i) => (diff = Math.max(diff, Math.abs((fd[i] ?? 0) - (grad[k] ?? 0)))));
  return scale === 0 ? diff : diff / scale;
}

export function sampleCoords(rng: Rng, size: number, count: number): number[] {
  return Array.from({ length: Math.min(count, size) }, () => rng.int(size));
}

/** Tensors and backend buffers added by `body` after one warm-up call (0 and 0 when nothing leaks). */
export function leaks(body: () => void, repeats = 3): { tensors: number; dataIds: number } {
  body();
  const backend = tf.backend();
  const [t0, d0] = [tf.memory().numTensors, backend.numDataIds()];
  for (let i = 0; i < repeats; i++) body();
  return { tensors: tf.memory().numTensors - t0, dataIds: backend.numDataIds() - d0 };
}
