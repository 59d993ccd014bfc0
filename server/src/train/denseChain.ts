/**
 * A training pass of a chain of dense layers with its gradients written out, on the fused kernels
 * (backend/wasm/dense.ts and the loss kernels), without tfjs's gradient tape.
 *
 * Why: on the small lessons a step's arithmetic is a few thousand multiply-adds, and what costs is the tape
 * (variableGrads' scopes, the customGrad clones of every saved tensor, the tape walk, the gradient seed and its
 * multiply): a 2-50-3 network's step was 19 kernel calls per run and ~2/3 of them bookkeeping. Here a layer is
 * one call forward and one back, the loss one call that also gives its gradient, and nothing else runs.
 *
 * The maths is the tape's exactly: the forward kernel gives y = act(x·W + b); the loss kernel gives L and
 * ∂L/∂ŷ; each backward kernel takes ∂L/∂y and gives ∂L/∂W, ∂L/∂b and, except for the first layer (its input is
 * data), ∂L/∂x, the previous layer's ∂L/∂y. The tape path multiplies the loss gradient by its seed 1, which
 * changes no bit, so both give the same values (checked in the test).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hasKernel } from '../backend/hasKernel.ts';
import { DENSE, DENSE_GRAD, type DenseAttrs, type DenseGradAttrs } from '../backend/wasm/dense.ts';
import { BCE, MSE } from '../backend/wasm/elementLoss.ts';
import { SOFTMAX_XENT } from '../backend/wasm/softmaxXent.ts';
import { BATCH_NORM, BATCH_NORM_GRAD, type BatchNormAttrs, SMALL_BATCH_NORM } from '../backend/wasm/batchNorm.ts';
import type { Activation, BatchNormParams } from './model.ts';

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

/** PyTorch's BatchNorm1d defaults, as model.ts's batchNorm. */
const BN_ATTRS = { momentum: 0.1, eps: 1e-5 };

/**
 * The loss on the last layer's output ŷ [N, out]: softmax cross-entropy on logits with integer labels [N]
 * (also counts the rows classified right), or MSE / BCE against targets of ŷ's shape (BCE wants probabilities:
 * give the last layer a sigmoid).
 */
export type ChainLoss =
  | { kind: 'softmaxXent'; labels: tf.Tensor1D }
  | { kind: 'mse' | 'bce'; targets: tf.Tensor };

const LOSS_KERNEL = { softmaxXent: SOFTMAX_XENT, mse: MSE, bce: BCE } as const;

/**
 * Whether the backend has every kernel of a direct pass with this loss (wasm does; elsewhere use the tape), and
 * any batch norm in `layers` is small enough for its kernel at `rows` rows.
 */
export function canRunChain(loss: ChainLoss['kind'], layers: readonly ChainLayer[] = [], rows = 0): boolean {
  const kernels = hasKernel(DENSE) && hasKernel(DENSE_GRAD) && hasKernel(LOSS_KERNEL[loss]);
  const norms = layers.filter((l) => l.norm);
  if (!norms.length) return kernels;
  return kernels && hasKernel(BATCH_NORM) && hasKernel(BATCH_NORM_GRAD) && norms.every((l) => rows * (l.W.shape[1] as number) <= SMALL_BATCH_NORM && rows > 1);
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
 * Loss and gradients of loss(chain(x)) for data x [N, in] (no gradient for x). Every intermediate is disposed;
 * the results are new tensors for the caller. Must not run under a gradient tape (its kernels have no
 * registered gradients); needs canRunChain(loss.kind).
 */
export function denseChainGrads(x: tf.Tensor2D, layers: readonly ChainLayer[], loss: ChainLoss): ChainResult {
  if (!layers.length) throw new Error('denseChainGrads: no layers');
  const engine = tf.engine();
  return tf.tidy(() => {
    // inputs[i] is layer i's x, outputs[i] its y; a normed layer keeps its product z, x̂ and 1/σ too.
    const inputs: tf.Tensor[] = [x];
    const outputs: tf.Tensor[] = [];
    const normed: { z: tf.Tensor; xhat: tf.Tensor; invStd: tf.Tensor }[] = [];
    for (const layer of layers) {
      const activation = kernelActivation(layer.activation);
      const x = inputs[inputs.length - 1] as tf.Tensor;
      let y: tf.Tensor;
      if (layer.norm) {
        const z = engine.runKernel(DENSE, { x, W: layer.W, b: layer.b }, { activation: 'linear' }) as tf.Tensor;
        const { gamma, beta, runningMean, runningVar } = layer.norm;
        const attrs: BatchNormAttrs = { ...BN_ATTRS, activation };
        const [out, xhat, invStd, mean, variance] = engine.runKernel(BATCH_NORM, { x: z, gamma, beta, runningMean, runningVar }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        // The running statistics are not part of the loss: updated in place, outside the gradients.
        runningMean.assign(mean as tf.Tensor);
        runningVar.assign(variance as tf.Tensor);
        normed[outputs.length] = { z, xhat: xhat as tf.Tensor, invStd: invStd as tf.Tensor };
        y = out as tf.Tensor;
      } else {
        const attrs: DenseAttrs = { activation };
        y = engine.runKernel(DENSE, { x, W: layer.W, b: layer.b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
      }
      outputs.push(y);
      inputs.push(y);
    }
    const yhat = outputs[outputs.length - 1] as tf.Tensor;
    const lossInputs: tf.NamedTensorMap = loss.kind === 'softmaxXent' ? { logits: yhat, labels: loss.labels } : { yhat, y: loss.targets };
    if (loss.kind !== 'softmaxXent' && !tf.util.arraysEqual(yhat.shape, loss.targets.shape)) {
      // Broadcasting [N, 1] against [N] would silently build an [N, N] loss (issue 9's mismatch).
      throw new Error(`${loss.kind}: prediction shape [${yhat.shape}] and target shape [${loss.targets.shape}] differ`);
    }
    const [value, dOut, hits] = engine.runKernel(LOSS_KERNEL[loss.kind], lossInputs, {}) as tf.Tensor[];
    const perLayer: tf.Tensor[][] = [];
    let dy = dOut as tf.Tensor;
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i] as ChainLayer;
      const activation = kernelActivation(layer.activation);
      const wantDx = i > 0;
      const norm = normed[i];
      if (layer.norm && norm) {
        const y = outputs[i] as tf.Tensor;
        const [dz, dGamma, dBeta] = engine.runKernel(BATCH_NORM_GRAD, { dy, xhat: norm.xhat, invStd: norm.invStd, gamma: layer.norm.gamma, y }, { activation }) as tf.Tensor[];
        const gradAttrs: DenseGradAttrs = { activation: 'linear', wantDx };
        const [dW, db, dx] = engine.runKernel(DENSE_GRAD, { dy: dz as tf.Tensor, x: inputs[i] as tf.Tensor, W: layer.W, y: norm.z }, gradAttrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        perLayer[i] = [dW, db, dGamma, dBeta] as tf.Tensor[];
        if (dx) dy = dx;
      } else {
        const gradAttrs: DenseGradAttrs = { activation, wantDx };
        const [dW, db, dx] = engine.runKernel(DENSE_GRAD, { dy, x: inputs[i] as tf.Tensor, W: layer.W, y: outputs[i] as tf.Tensor }, gradAttrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        perLayer[i] = [dW, db] as tf.Tensor[];
        if (dx) dy = dx;
      }
    }
    const grads = perLayer.flat();
    return hits ? { loss: value as tf.Scalar, grads, hits: hits as tf.Scalar } : { loss: value as tf.Scalar, grads };
  });
}

function kernelActivation(a: Activation): DenseAttrs['activation'] {
  return a === 'identity' ? 'linear' : a;
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
