/**
 * A training pass of a chain of dense layers with its gradients written out, on the fused kernels, without
 * tfjs's gradient tape: one GradcastDenseChain call (backend/wasm/denseChainKernel.ts) runs the layer kernels
 * forward (backend/wasm/dense.ts, batchNorm.ts), the loss kernel and the backward kernels in reverse.
 *
 * Why: on the small lessons a step's arithmetic is a few thousand multiply-adds, and what costs is the
 * machinery around it (variableGrads' scopes, the customGrad clones of every saved tensor, the tape walk, the
 * gradient seed and its multiply, then each engine call's own bookkeeping): a 2-50-3 network's step was 19
 * engine calls per run, ~2/3 of them bookkeeping; here it is one, and one for the optimizer.
 *
 * The maths is the tape's: the forward kernel gives y = act(x·W + b); the loss kernel gives L and ∂L/∂ŷ; each
 * backward kernel takes ∂L/∂y and gives ∂L/∂W, ∂L/∂b and, except for the first layer (its input is data), ∂L/∂x,
 * the previous layer's ∂L/∂y (checked in the test against the tape on cpu and on wasm). With ReLU and linear
 * layers the values are the tape's on wasm bit for bit (its gradient seed 1 changes no bit); where a sigmoid or
 * tanh is applied in JS (a regressor's sigmoid head on the float64 sum, or after batch norm) rather than by
 * tfjs's float32 kernel, they differ by about one float32 rounding (~1e-7 relative).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hasKernel } from '../backend/hasKernel.ts';
import { SMALL_BATCH_NORM } from '../backend/wasm/batchNorm.ts';
import { DENSE_CHAIN, type DenseChainAttrs } from '../backend/wasm/denseChainKernel.ts';
import { type Activation, type BatchNormParams, BN_EPS, BN_MOMENTUM, kernelActivation } from './model.ts';

/**
 * One layer y = act(x·W + b): W [in, out], b [out]; with `norm`, y = act(BN(x·W + b)), training-mode batch norm
 * on the pre-activation (model.ts batchNorm's maths and running-statistics update, PyTorch's momentum 0.1 and
 * ε 1e-5), for batches of up to SMALL_BATCH_NORM values.
 */
export interface ChainLayer {
  W: tf.Tensor2D;
  b: tf.Tensor1D;
  activation: Activation;
  norm?: BatchNormParams;
}

/**
 * The loss on the last layer's output ŷ [N, out]: softmax cross-entropy on logits with integer labels [N]
 * (also counts the rows classified right), or MSE / BCE against targets of ŷ's shape (BCE wants probabilities:
 * give the last layer a sigmoid).
 */
export type ChainLoss =
  | { kind: 'softmaxXent'; labels: tf.Tensor1D }
  | { kind: 'mse' | 'bce'; targets: tf.Tensor };

/**
 * Whether the backend has the one-call pass (wasm does; elsewhere use the tape), and any batch norm in `layers`
 * is small enough for its kernel at `rows` rows (above SMALL_BATCH_NORM values the ops are faster).
 */
export function canRunChain(layers: readonly ChainLayer[] = [], rows = 0): boolean {
  if (!hasKernel(DENSE_CHAIN)) return false;
  return layers.every((l) => !l.norm || (rows > 1 && rows * (l.W.shape[1] as number) <= SMALL_BATCH_NORM));
}

/** The tensors a chain differentiates, in the order of its gradients: per layer W, b, then γ, β with a norm. */
export function chainParams(layers: readonly ChainLayer[]): tf.Tensor[] {
  return layers.flatMap((l) => (l.norm ? [l.W, l.b, l.norm.gamma, l.norm.beta] : [l.W, l.b]));
}

export interface ChainResult {
  /** Mean loss of the batch []. */
  loss: tf.Scalar;
  /** ∂loss/∂ of each of chainParams(layers), in that order: [dW1, db1, (dγ1, dβ1,) dW2, …]. */
  grads: tf.Tensor[];
  /** softmaxXent only: rows whose largest logit is the label []. */
  hits?: tf.Scalar;
}

/**
 * Loss and gradients of loss(chain(x)) for data x [N, in] (no gradient for x), in one GradcastDenseChain call
 * (backend/wasm/denseChainKernel.ts); batch norm's running statistics are updated in place. The results are
 * new tensors for the caller. Must not run under a gradient tape (the kernel has no registered gradient);
 * needs canRunChain(layers, N).
 */
export function denseChainGrads(x: tf.Tensor2D, layers: readonly ChainLayer[], loss: ChainLoss): ChainResult {
  if (!layers.length) throw new Error('denseChainGrads: no layers');
  const out = [x.shape[0], layers[layers.length - 1]!.W.shape[1]];
  if (loss.kind !== 'softmaxXent' && !tf.util.arraysEqual(out, loss.targets.shape)) {
    // Broadcasting [N, 1] against [N] would silently build an [N, N] loss (issue 9's mismatch).
    throw new Error(`${loss.kind}: prediction shape [${out}] and target shape [${loss.targets.shape}] differ`);
  }
  const inputs: tf.NamedTensorMap = { x, target: loss.kind === 'softmaxXent' ? loss.labels : loss.targets };
  layers.forEach((l, i) => {
    inputs[`W${i}`] = l.W;
    inputs[`b${i}`] = l.b;
    if (!l.norm) return;
    inputs[`gamma${i}`] = l.norm.gamma;
    inputs[`beta${i}`] = l.norm.beta;
    inputs[`runningMean${i}`] = l.norm.runningMean;
    inputs[`runningVar${i}`] = l.norm.runningVar;
  });
  const attrs: DenseChainAttrs = {
    activations: layers.map((l) => kernelActivation(l.activation)),
    norms: layers.map((l) => !!l.norm),
    loss: loss.kind,
    momentum: BN_MOMENTUM,
    eps: BN_EPS,
  };
  const outs = tf.engine().runKernel(DENSE_CHAIN, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  const value = outs[0] as tf.Scalar;
  const hits = loss.kind === 'softmaxXent' ? (outs[1] as tf.Scalar) : undefined;
  const first = hits ? 2 : 1;
  const count = chainParams(layers).length;
  const grads = outs.slice(first, first + count);
  // The running statistics are not part of the loss: updated in place, outside the gradients.
  const stats = outs.slice(first + count);
  layers
    .filter((l) => l.norm)
    .forEach((l, k) => {
      const [mean, variance] = [stats[2 * k] as tf.Tensor, stats[2 * k + 1] as tf.Tensor];
      l.norm!.runningMean.assign(mean);
      l.norm!.runningVar.assign(variance);
      tf.dispose([mean, variance]);
    });
  return hits ? { loss: value, grads, hits } : { loss: value, grads };
}

/**
 * A model's tape-free training pass (LessonModel.lossAndGrads) on one batch of `size` rows: null when there is
 * no chain this step or canRunChain refuses it (the trainer then takes the tape); else the loss, the gradients
 * handed to `params` by identity (gradsFor) and, for cross-entropy, the batch's hits. `batch` makes the rows
 * inside a tidy, so fresh row tensors are freed (on error too) and a model's own whole-set tensors are not.
 */
export function chainPass<Y extends tf.Tensor>(
  params: readonly tf.Variable[],
  layers: readonly ChainLayer[] | null | undefined,
  size: number,
  batch: () => { x: tf.Tensor2D; y: Y },
  lossOf: (y: Y) => ChainLoss,
): { loss: tf.Scalar; grads: (tf.Tensor | null)[]; hits?: tf.Scalar } | null {
  if (!layers || !canRunChain(layers, size)) return null;
  const r = tf.tidy(() => {
    const { x, y } = batch();
    const { loss, grads, hits } = denseChainGrads(x, layers, lossOf(y));
    return hits ? { loss, grads, hits } : { loss, grads };
  });
  const grads = gradsFor(params, layers, r.grads);
  return r.hits ? { loss: r.loss, grads, hits: r.hits } : { loss: r.loss, grads };
}

/**
 * The chain's gradients matched to a model's parameter list by identity: a gradient whose tensor is not a
 * parameter (a fixed bias, as ch02-01's b = 0) is disposed; a parameter the chain does not reach gets null.
 */
export function gradsFor(params: readonly tf.Variable[], layers: readonly ChainLayer[], grads: tf.Tensor[]): (tf.Tensor | null)[] {
  const byTensor = new Map<tf.Tensor, tf.Tensor>();
  chainParams(layers).forEach((p, i) => byTensor.set(p, grads[i] as tf.Tensor));
  const out = params.map((p) => byTensor.get(p) ?? null);
  const used = new Set(out);
  for (const g of grads) if (!used.has(g)) g.dispose();
  return out;
}
