/**
 * A net's evaluation-mode forward pass (no dropout, batch norm on its running statistics) written down as plain
 * ops over parameters by position, so it can run at parameter values other than the live variables': the loss
 * landscape evaluates the loss at θ + α·d₁ + β·d₂ without touching the variables training updates, starts the
 * pass after the first layer (whose output is linear in its weights) and knows which tensors are filters.
 *
 * The nets (nets/mlp.ts, nets/cnn.ts) list their ops next to their own forward pass; runOps at the live values
 * gives what net.forward(x, false) gives, with the same layer functions (model.ts), which the tests check.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bce, mse, softmaxCrossEntropy } from './losses.ts';
import { type Activation, activate, BN_EPS, conv2d, dense, maxPool } from './model.ts';

/** One step of the pass; W, b, gamma, beta are positions in the net's `params`. */
export type EvalOp =
  /** To [N, ...shape] (rows to images, images to rows; NHWC). */
  | { kind: 'reshape'; shape: number[] }
  /** x [N, in]·W [in, out] + b [out]. */
  | { kind: 'dense'; W: number; b: number }
  /** Cross-correlation with W [k, k, in, out], zero padding `pad` on every side, stride 1, plus b [out]. */
  | { kind: 'conv'; W: number; b: number; pad: number }
  /** (x − mean)/√(variance + ε)·γ + β per feature (last axis), on the running statistics (not parameters). */
  | { kind: 'batchNorm'; gamma: number; beta: number; mean: tf.Tensor1D; variance: tf.Tensor1D }
  | { kind: 'activation'; activation: Activation }
  /** Max over size×size windows, no padding. */
  | { kind: 'maxPool'; size: number; stride: number };

/**
 * How the net's output becomes the loss: softmax cross-entropy of logits against int32 labels [N], or MSE / BCE of
 * the output (after a sigmoid head) against float targets [N, out]: the training loss's own functions (losses.ts).
 */
export type EvalHead = { loss: 'softmaxXent' } | { loss: 'mse' | 'bce'; output: 'identity' | 'sigmoid' };

/**
 * Applies ops[from…] to x with the parameter tensors `values` (in the net's params order; only those the ops
 * reach are read). A dense op followed by an activation runs as one fused layer, as the nets' own forward does.
 * New tensors: call inside tf.tidy.
 */
export function runOps(ops: readonly EvalOp[], x: tf.Tensor, values: readonly tf.Tensor[], from = 0): tf.Tensor {
  const at = (i: number): tf.Tensor => {
    const v = values[i];
    if (!v) throw new Error(`runOps: no value for parameter ${i}`);
    return v;
  };
  let h = x;
  for (let i = from; i < ops.length; i++) {
    const op = ops[i] as EvalOp;
    switch (op.kind) {
      case 'reshape':
        h = tf.reshape(h, [-1, ...op.shape]);
        break;
      case 'dense': {
        const next = ops[i + 1];
        const fused = next?.kind === 'activation' ? next.activation : 'identity';
        if (next?.kind === 'activation') i++;
        h = dense(h as tf.Tensor2D, at(op.W) as tf.Tensor2D, at(op.b) as tf.Tensor1D, fused);
        break;
      }
      case 'conv':
        h = conv2d(h as tf.Tensor4D, at(op.W) as tf.Tensor4D, at(op.b) as tf.Tensor1D, { pad: op.pad });
        break;
      case 'batchNorm':
        h = tf.batchNorm(h, op.mean, op.variance, at(op.beta) as tf.Tensor1D, at(op.gamma) as tf.Tensor1D, BN_EPS);
        break;
      case 'activation':
        h = activate(op.activation, h);
        break;
      case 'maxPool':
        h = maxPool(h as tf.Tensor4D, op.size, op.stride);
        break;
    }
  }
  return h;
}

/** The loss of the output `out` against y (int32 labels [N] or float targets [N, out]). A new scalar. */
export function headLoss(head: EvalHead, out: tf.Tensor, y: tf.Tensor): tf.Scalar {
  if (head.loss === 'softmaxXent') return softmaxCrossEntropy(out as tf.Tensor2D, y as tf.Tensor1D);
  return tf.tidy(() => {
    const yhat = head.output === 'sigmoid' ? tf.sigmoid(out) : out;
    return head.loss === 'bce' ? bce(yhat, y) : mse(yhat, y);
  });
}

/**
 * How each parameter enters a filter-normalised direction: 'weight' for a dense or conv kernel, whose filters
 * (one per output unit) lie along its last axis, dense W [in, out] and conv W [k, k, in, out] alike; 'bias' for a
 * layer's b; 'norm' for batch norm's γ and β. A parameter no op reads is 'bias' (left out of directions).
 */
export type ParamRole = 'weight' | 'bias' | 'norm';

export function paramRoles(ops: readonly EvalOp[], count: number): ParamRole[] {
  const roles = new Array<ParamRole>(count).fill('bias');
  for (const op of ops) {
    if (op.kind === 'dense' || op.kind === 'conv') roles[op.W] = 'weight';
    if (op.kind === 'batchNorm') roles[op.gamma] = roles[op.beta] = 'norm';
  }
  return roles;
}

/** Position of the first op with parameters when it is linear in them (dense or conv after reshapes only); else −1. */
export function firstLinearOp(ops: readonly EvalOp[]): number {
  for (let i = 0; i < ops.length; i++) {
    const kind = (ops[i] as EvalOp).kind;
    if (kind === 'dense' || kind === 'conv') return i;
    if (kind !== 'reshape') return -1;
  }
  return -1;
}
