/**
 * Element-wise mean losses and their gradients as one kernel call each, for train/losses.ts: the op chains
 * (MSE: sub, square, mean; BCE: log, log1p, neg, maximum, mul, sub, add, mean; then on the tape's way back
 * their gradients, reshapes and clones) are one to two dozen kernel calls, most of a step for the regression
 * lessons, whose arithmetic is a few hundred multiplications.
 *
 * Inputs: yhat and y, float32, one shape (any rank, n elements). Sums are accumulated in float64 and rounded once.
 * GradcastMse outputs, in order:
 *   loss  []: Σ (ŷ − y)² / n;
 *   dyhat (yhat's shape): ∂loss/∂ŷ = 2(ŷ − y)/n.
 * GradcastBce (ŷ a probability, PyTorch's BCELoss) outputs, in order:
 *   loss  []: −Σ (y·max(log ŷ, −100) + (1 − y)·max(log(1 − ŷ), −100)) / n, PyTorch's clamped logs;
 *   dyhat: PyTorch's (ŷ − y)/max(ŷ(1 − ŷ), 1e-12)/n (finite where ŷ saturates at 0 or 1).
 * Both treat y as data: no gradient for it (every lesson's y is a target).
 * Not differentiable themselves: losses.ts wraps them in tf.customGrad, which multiplies by the upstream dy.
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export const MSE = 'GradcastMse';
export const BCE = 'GradcastBce';

/** PyTorch clamps each log term of BCE at −100, so ŷ = 0 or 1 gives a finite loss. */
export const LOG_FLOOR = -100;
/** PyTorch's BCE backward divides by max(ŷ(1−ŷ), 1e-12). */
export const GRAD_EPS = 1e-12;

/** The shared shell of both kernels: checks ŷ and y, and fills the loss and ∂loss/∂ŷ through `values`. */
function run(name: string, args: KernelArgs, values: (p: Float32Array, t: Float32Array, dp: Float32Array) => number): Info[] {
  const backend = args.backend as WasmBackend;
  const { yhat, y } = args.inputs as { yhat: Info; y: Info };
  if (yhat.dtype !== 'float32' || y.dtype !== 'float32' || yhat.shape.join() !== y.shape.join()) {
    throw new Error(`${name}: needs float32 ŷ and y of one shape, got ${yhat.dtype}[${yhat.shape}] and ${y.dtype}[${y.shape}]`);
  }
  const loss = backend.makeOutput([], 'float32');
  const grad = backend.makeOutput(yhat.shape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  view(loss)[0] = values(view(yhat), view(y), view(grad));
  return [loss, grad];
}

export const mseKernel = (args: KernelArgs): Info[] => run(MSE, args, mseValues);
export const bceKernel = (args: KernelArgs): Info[] => run(BCE, args, bceValues);

/** Fills dp with 2(ŷ − y)/n and returns the mean of (ŷ − y)². */
function mseValues(p: Float32Array, t: Float32Array, dp: Float32Array): number {
  const n = p.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (p[i] as number) - (t[i] as number);
    sum += d * d;
    dp[i] = (2 * d) / n;
  }
  return sum / n;
}

/** Fills dp with BCE's gradient in ŷ and returns its mean (see the file comment). */
function bceValues(p: Float32Array, t: Float32Array, dp: Float32Array): number {
  const n = p.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const [pi, ti] = [p[i] as number, t[i] as number];
    // float32 logs, as tf.log and tf.log1p give them, so the clamp bites where the op chain's does.
    const lp = Math.max(Math.fround(Math.log(pi)), LOG_FLOOR);
    const l1p = Math.max(Math.fround(Math.log1p(-pi)), LOG_FLOOR);
    sum += ti * lp + (1 - ti) * l1p;
    dp[i] = (pi - ti) / Math.max(pi * (1 - pi), GRAD_EPS) / n;
  }
  return -sum / n;
}
