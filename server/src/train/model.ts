/**
 * Layers as plain functions over tf.Variables (notes/tfjs-backends.md §4): a lesson's forward pass calls them
 * with the live configuration read at every step, so activation, dropout rate, batch norm on/off and the
 * optimizer can change between two steps, and every intermediate activation can be read by a probe.
 *
 * Layouts are TF.js's: dense x [N, in]·W [in, out]; images NHWC [N, H, W, C]; conv kernels [kh, kw, in, out].
 * Only functional ops are used (tfjs-core alone registers no chained methods). Gradients need the tfjs
 * gradient registry to be loaded by the backend setup.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/prng.ts';
import { hasKernel } from '../backend/hasKernel.ts';
import { BATCH_NORM, BATCH_NORM_GRAD, type BatchNormAttrs, SMALL_BATCH_NORM } from '../backend/wasm/batchNorm.ts';
import { DENSE, DENSE_GRAD, type DenseAttrs } from '../backend/wasm/dense.ts';
import { fans, initBias, initWeight, type InitName } from './init.ts';

// ——— parameters ———

export interface DenseParams {
  /** [in, out] */
  W: tf.Variable;
  /** [out] */
  b: tf.Variable;
}

export interface ConvParams {
  /** [kh, kw, inCh, outCh] */
  W: tf.Variable;
  /** [outCh] */
  b: tf.Variable;
}

export interface BatchNormParams {
  /** Scale γ [F], trainable, starts at 1. */
  gamma: tf.Variable;
  /** Shift β [F], trainable, starts at 0. */
  beta: tf.Variable;
  /** EWA of the batch means [F], non-trainable, starts at 0. */
  runningMean: tf.Variable;
  /** EWA of the unbiased batch variances [F], non-trainable, starts at 1. */
  runningVar: tf.Variable;
}

/**
 * A variable holding `value()`. The initial tensor is disposed: a variable shares its buffer and adds a
 * reference, so an initial tensor left alive kept every rebuilt model's first weights in memory for good.
 */
export function variableOf(value: () => tf.Tensor, trainable: boolean, name?: string): tf.Variable {
  return tf.tidy(() => tf.variable(value(), trainable, name));
}

/** Variable names are global in tfjs: pass a prefix unique to the model (e.g. `${roomId}/fc1`). */
export function createDense(name: string, inDim: number, outDim: number, init: InitName, rng: Rng): DenseParams {
  const shape = [inDim, outDim];
  return {
    W: variableOf(() => tf.tensor2d(initWeight(init, shape, rng), [inDim, outDim]), true, `${name}/W`),
    b: variableOf(() => tf.tensor1d(initBias(init, outDim, fans(shape).fanIn, rng)), true, `${name}/b`),
  };
}

export function createConv2d(name: string, k: number, inCh: number, outCh: number, init: InitName, rng: Rng): ConvParams {
  const shape = [k, k, inCh, outCh];
  return {
    W: variableOf(() => tf.tensor4d(initWeight(init, shape, rng), [k, k, inCh, outCh]), true, `${name}/W`),
    b: variableOf(() => tf.tensor1d(initBias(init, outCh, fans(shape).fanIn, rng)), true, `${name}/b`),
  };
}

/** PyTorch's BatchNorm1d/2d start: γ = 1, β = 0, running mean 0, running var 1 (formula 8). */
export function createBatchNorm(name: string, features: number): BatchNormParams {
  return {
    gamma: variableOf(() => tf.ones([features]), true, `${name}/gamma`),
    beta: variableOf(() => tf.zeros([features]), true, `${name}/beta`),
    runningMean: variableOf(() => tf.zeros([features]), false, `${name}/runningMean`),
    runningVar: variableOf(() => tf.ones([features]), false, `${name}/runningVar`),
  };
}

// ——— layers ———

/**
 * act(x [N, in]·W [in, out] + b [out]) → [N, out] (no activation by default). `inputGrad: false` says x is data,
 * not something trained: no gradient is computed for it (the first layer).
 *
 * Every activation is one kernel call forward and one backward where the backend has them (wasm:
 * backend/wasm/dense.ts). Elsewhere identity and ReLU go through tf.fused.matMul (which tfjs fuses outside
 * gradient recording only), and the other activations follow the product as an op of their own.
 */
export function dense(
  x: tf.Tensor2D,
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  activation: Activation = 'identity',
  opts: { inputGrad?: boolean } = {},
): tf.Tensor2D {
  const act = kernelActivation(activation);
  if (hasKernel(DENSE)) return fusedLayer(DENSE, DENSE_GRAD, x, W, b, { activation: act }, opts.inputGrad ?? true);
  if (act === 'linear' || act === 'relu') return tf.fused.matMul({ a: x, b: W, bias: b, activation: act }) as tf.Tensor2D;
  return activate(activation, tf.fused.matMul({ a: x, b: W, bias: b })) as tf.Tensor2D;
}

/** An activation by the fused kernels' name for it (backend/wasm/dense.ts: 'linear' for the identity). */
export function kernelActivation(a: Activation): DenseAttrs['activation'] {
  return a === 'identity' ? 'linear' : a;
}

/**
 * A layer act(x·W + b) on a forward kernel and a backward kernel (backend/wasm/dense.ts), differentiated
 * by customGrad. The backward kernel takes {dy, x, W, y} and the forward's attrs plus wantDx, and returns
 * [dW, db, dx?]. The tape keeps clones of what it reads (x and y; W too unless it is a variable, which outlives
 * the step anyway). Without `wantDx`, x is a constant of the layer (data), not an input of the tape node.
 */
function fusedLayer<T extends tf.Tensor>(kernel: string, gradKernel: string, x: T, W: tf.Tensor, b: tf.Tensor, attrs: object, wantDx: boolean): T {
  const keepW = !(W instanceof tf.Variable);
  const forward = (xi: tf.Tensor, Wi: tf.Tensor, bi: tf.Tensor, save: tf.GradSaveFunc): T => {
    const y = tf.engine().runKernel(kernel, { x: xi, W: Wi, b: bi }, attrs as tf.NamedAttrMap) as T;
    save(keepW ? [xi, y, Wi] : [xi, y]);
    return y;
  };
  const backward = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [xs, ys, Ws = W] = saved as [tf.Tensor, tf.Tensor, tf.Tensor?];
    return tf.engine().runKernel(gradKernel, { dy, x: xs, W: Ws, y: ys }, { ...attrs, wantDx } as unknown as tf.NamedAttrMap) as tf.Tensor[];
  };
  type Grad = Parameters<typeof tf.customGrad>[0];
  if (wantDx) {
    const f = (xi: tf.Tensor, Wi: tf.Tensor, bi: tf.Tensor, save: tf.GradSaveFunc) => ({
      value: forward(xi, Wi, bi, save),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [dW, db, dx] = backward(dy, saved);
        return [dx, dW, db];
      },
    });
    return tf.customGrad(f as unknown as Grad)(x, W, b) as T;
  }
  const f = (Wi: tf.Tensor, bi: tf.Tensor, save: tf.GradSaveFunc) => ({
    value: forward(x, Wi, bi, save),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => backward(dy, saved),
  });
  return tf.customGrad(f as unknown as Grad)(W, b) as T;
}

export interface Conv2dOptions {
  /** Same stride along height and width. Default 1. */
  stride?: number;
  /**
   * Zero padding: a number p pads p rows/columns on every side, as PyTorch's padding = p (output
   * ⌊(n + 2p − k)/s⌋ + 1); or TF's 'same' / 'valid'. Default 0.
   */
  pad?: number | 'same' | 'valid';
}

/**
 * Cross-correlation (no kernel flip, as PyTorch): x [N, H, W, in] ⋆ W [kh, kw, in, out] + b [out], as tfjs's
 * ops. A one-call conv layer like dense()'s
 * was built and measured (session 3): wasm's FusedConv2D took 15.4 ms where Conv2D and Add took 11.3 for
 * ch09-05's conv1, and its backward 20 ms against 13, so the ops stay.
 */
export function conv2d(x: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor1D, opts: Conv2dOptions = {}): tf.Tensor4D {
  const stride = opts.stride ?? 1;
  const pad = opts.pad ?? 0;
  return tf.add(tf.conv2d(x, W, stride, pad === 0 ? 'valid' : pad), b);
}

/** Max pooling over k×k windows, no padding; stride defaults to k (PyTorch's MaxPool2d(k)). x NHWC. */
export function maxPool(x: tf.Tensor4D, k: number, stride: number = k): tf.Tensor4D {
  return tf.maxPool(x, [k, k], stride, 'valid');
}

/** [N, …] → [N, prod(…)], in NHWC order (a TF.js flatten differs in order from PyTorch's NCHW flatten). */
export function flatten(x: tf.Tensor): tf.Tensor2D {
  const n = x.shape[0] ?? 1;
  return tf.reshape(x, [n, x.size / n]);
}

export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'identity';

export const sigmoid = (z: tf.Tensor): tf.Tensor => tf.sigmoid(z);
export const tanh = (z: tf.Tensor): tf.Tensor => tf.tanh(z);
export const relu = (z: tf.Tensor): tf.Tensor => tf.relu(z);

export function activate(name: Activation, z: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'identity':
      return z;
    default:
      throw new RangeError(`unknown activation '${String(name)}'`);
  }
}

// ——— dropout (formula 6) ———

function checkRate(p: number): void {
  if (!Number.isFinite(p) || p < 0 || p >= 1) throw new RangeError(`dropout: p must be in [0, 1), got ${p}`);
}

/** A keep mask of `size` values from the seeded PRNG: 1 with probability 1 − p, else 0. */
export function dropoutMask(size: number, p: number, rng: Rng): Float32Array {
  checkRate(p);
  const mask = new Float32Array(size);
  for (let i = 0; i < size; i++) mask[i] = rng.uniform() >= p ? 1 : 0;
  return mask;
}

/**
 * Inverted dropout with a given keep mask: x ⊙ mask/(1 − p), so E[output] = x.
 * Worked (p = 0.5): [1, 2, 3, 4] with mask [1, 0, 1, 0] → [2, 0, 6, 0].
 */
export function applyDropoutMask(x: tf.Tensor, mask: Float32Array | tf.Tensor, p: number): tf.Tensor {
  checkRate(p);
  const maskSize = mask instanceof tf.Tensor ? mask.size : mask.length;
  if (maskSize !== x.size) throw new Error(`dropout: mask has ${maskSize} values for ${x.size}`);
  return tf.tidy(() => {
    const m = mask instanceof tf.Tensor ? mask : tf.tensor(mask, x.shape);
    return tf.mul(x, tf.mul(m, 1 / (1 - p)));
  });
}

/**
 * PyTorch's Dropout(p): in training zero each unit with probability p and scale survivors by 1/(1 − p);
 * identity in eval mode or at p = 0 (no random numbers drawn then). The mask comes from `rng`, so a seeded
 * run is reproducible on every backend.
 */
export function dropout(x: tf.Tensor, p: number, training: boolean, rng: Rng): tf.Tensor {
  checkRate(p);
  if (!training || p === 0) return x;
  return applyDropoutMask(x, dropoutMask(x.size, p, rng), p);
}

// ——— batch norm (formula 8) ———

/** PyTorch's BatchNorm defaults: running = (1 − momentum)·running + momentum·batch, and ε under the root. */
export const BN_MOMENTUM = 0.1;
export const BN_EPS = 1e-5;

/**
 * Batch normalisation of x [N, F] (per feature) or NHWC [N, H, W, C] (per channel, over N·H·W values),
 * PyTorch's BatchNorm1d/2d conventions:
 * - training: normalise with the batch mean μ and the BIASED variance σ² = mean((z − μ)²),
 *   ẑ = (z − μ)/√(σ² + ε), out = γ·ẑ + β; then update, outside the gradient path,
 *   running = (1 − momentum)·running + momentum·batch, the variance entering as the UNBIASED σ²·n/(n − 1);
 * - eval: normalise with the running statistics.
 * Worked: z = [1, 2, 3, 4] → μ 2.5, σ² 1.25, ẑ = [−1.341635, −0.447212, 0.447212, 1.341635];
 * running mean 0.25 and running var 0.9 + 0.1·5/3 = 1.066667 after one step.
 * momentum is PyTorch's (0.1), not TF's (0.99 = 1 − 0.01 of the other convention).
 */
export function batchNorm(
  x: tf.Tensor,
  { gamma, beta, runningMean, runningVar }: BatchNormParams,
  training: boolean,
  momentum = BN_MOMENTUM,
  eps = BN_EPS,
): tf.Tensor {
  if (x.rank !== 2 && x.rank !== 4) throw new Error(`batchNorm: expected [N, F] or [N, H, W, C], got [${x.shape}]`);
  const features = x.shape[x.rank - 1]!;
  if (gamma.size !== features) throw new Error(`batchNorm: ${gamma.size} parameters for ${features} features`);

  if (!training) {
    return tf.batchNorm(x, runningMean as tf.Tensor1D, runningVar as tf.Tensor1D, beta as tf.Tensor1D, gamma as tf.Tensor1D, eps);
  }
  const n = x.size / features;
  if (n < 2) {
    // PyTorch refuses too ("Expected more than 1 value per channel when training"): σ² = 0 and n − 1 = 0.
    throw new Error('batchNorm: training needs more than one value per feature (batch of 1)');
  }
  if (n * features <= SMALL_BATCH_NORM && hasKernel(BATCH_NORM)) {
    return tf.tidy(() => {
      const x2 = x.rank === 2 ? (x as tf.Tensor2D) : (tf.reshape(x, [n, features]) as tf.Tensor2D);
      const out = batchNormKernel(x2, { gamma, beta, runningMean, runningVar }, { eps, momentum });
      return x.rank === 2 ? out : tf.reshape(out, x.shape);
    });
  }
  return tf.tidy(() => {
    // On a [n, F] view (n = N·H·W for images), with the gradient written out (batchNormTrain below).
    const x2 = tf.reshape(x, [n, features]) as tf.Tensor2D;
    const { out, mean, variance } = batchNormTrain(x2, gamma, beta, eps);
    // The running statistics are not part of the loss, so no gradient reaches them through these assigns.
    runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(mean, momentum)));
    runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(variance, (momentum * n) / (n - 1))));
    tf.dispose([mean, variance]);
    return tf.reshape(out, x.shape);
  });
}

/** s·x + o per feature of x [n, F] (s, o [F]) in one FusedBatchNorm kernel (mean 0, variance 1, ε 0). */
function affine(x: tf.Tensor2D, s: tf.Tensor1D, o?: tf.Tensor1D): tf.Tensor2D {
  const F = x.shape[1];
  return tf.batchNorm(x, tf.zeros([F]), tf.ones([F]), o, s, 0) as tf.Tensor2D;
}

/**
 * Training-mode batch norm of x [n, F] on the GradcastBatchNorm kernels (backend/wasm/batchNorm.ts): one call
 * forward, which also gives the new running statistics (assigned here, outside the gradient path), and one
 * backward. batchNormTrain below is the same maths in ops, for backends without the kernels.
 */
function batchNormKernel(x2: tf.Tensor2D, p: BatchNormParams, attrs: BatchNormAttrs): tf.Tensor2D {
  const f = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, save: tf.GradSaveFunc) => {
    const inputs = { x, gamma, beta, runningMean: p.runningMean, runningVar: p.runningVar };
    const [out, xhat, invStd, mean, variance] = tf.engine().runKernel(BATCH_NORM, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
    p.runningMean.assign(mean as tf.Tensor);
    p.runningVar.assign(variance as tf.Tensor);
    save([xhat as tf.Tensor, invStd as tf.Tensor, gamma]);
    return {
      value: out as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xh, inv, g] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        return tf.engine().runKernel(BATCH_NORM_GRAD, { dy, xhat: xh, invStd: inv, gamma: g }, {}) as tf.Tensor[];
      },
    };
  };
  return tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0])(x2, p.gamma, p.beta) as tf.Tensor2D;
}

/**
 * Training-mode batch norm of x [n, F] with its gradient written out, so the backward pass is two column
 * sums and three per-feature affine maps instead of autodiff through moments (which broadcasts, tiles and
 * reduces the [n, F] tensor a dozen times; on wasm ~45 ms of a ~80 ms batch-norm CNN step). With
 * x̂ = (x − μ)/√(σ² + ε) and out = γ·x̂ + β, for an upstream gradient g [n, F]:
 *   dβ = Σ_n g,  dγ = Σ_n g·x̂,  dx = γ/√(σ² + ε) · (g − dβ/n − x̂·dγ/n).
 * Returns the batch mean μ and biased variance σ² [F] too (kept: the caller disposes them).
 */
function batchNormTrain(
  x2: tf.Tensor2D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  eps: number,
): { out: tf.Tensor2D; mean: tf.Tensor1D; variance: tf.Tensor1D } {
  const [n, F] = x2.shape;
  let stats: { mean: tf.Tensor1D; variance: tf.Tensor1D } | undefined;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, g, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const mean = tf.mean(x, 0) as tf.Tensor1D;
    const centred = tf.batchNorm(x, mean, tf.ones([F]), undefined, undefined, 0) as tf.Tensor2D; // x − μ
    const variance = tf.mean(tf.square(centred), 0) as tf.Tensor1D; // biased
    const invStd = tf.rsqrt(tf.add(variance, eps)) as tf.Tensor1D;
    const xhat = affine(centred, invStd);
    stats = { mean: tf.keep(mean), variance: tf.keep(variance) };
    save([xhat, invStd, g]);
    return {
      value: affine(xhat, g, b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xh, inv, gam] = saved as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
        const dBeta = tf.sum(dy, 0) as tf.Tensor1D;
        const dGamma = tf.sum(tf.mul(dy, xh), 0) as tf.Tensor1D;
        const k = tf.mul(gam, inv) as tf.Tensor1D; // γ/√(σ² + ε)
        const fromG = affine(dy as tf.Tensor2D, k, tf.mul(tf.mul(k, dBeta), -1 / n) as tf.Tensor1D); // k·(g − dβ/n)
        const fromXhat = affine(xh, tf.mul(tf.mul(k, dGamma), -1 / n) as tf.Tensor1D); // −k·x̂·dγ/n
        return [tf.add(fromG, fromXhat), dGamma, dBeta];
      },
    };
  });
  const out = op(x2, gamma, beta) as tf.Tensor2D;
  if (stats == null) throw new Error('batchNorm: statistics missing');
  return { out, ...stats };
}
