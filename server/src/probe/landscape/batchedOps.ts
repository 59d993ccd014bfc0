/**
 * The evaluation-mode ops (train/evalOps.ts) run for P grid points at once: every activation carries a leading
 * axis of parameter sets, h [P, N, F], and every parameter value one too, [P, ...shape]. Worth it where a point's
 * pass is a dozen small kernel calls whose overhead outweighs their arithmetic (the synthetic sets' MLPs); slice.ts
 * measures both ways before it batches. Dense layers, activations and batch norm only: a conv with a different
 * kernel per point has no batched kernel, so nets with convs after their first layer go point by point.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { EvalHead, EvalOp } from '../../train/evalOps.ts';
import { LOG_FLOOR } from '../../train/losses.ts';
import { activate, BN_EPS } from '../../train/model.ts';

/** Whether ops[from…] can run batched over parameter sets. */
export function canBatch(ops: readonly EvalOp[], from: number): boolean {
  return ops.slice(from).every((op) => op.kind === 'dense' || op.kind === 'activation' || op.kind === 'batchNorm');
}

/**
 * ops[from…] on h [P, N, F] (or [1, N, F], shared by every point) with values[k] [P, ...shape of parameter k]
 * (only those the ops read). New tensors: call inside tf.tidy.
 */
export function runBatched(ops: readonly EvalOp[], h: tf.Tensor3D, values: readonly tf.Tensor[], from: number): tf.Tensor3D {
  const at = (i: number): tf.Tensor => {
    const v = values[i];
    if (!v) throw new Error(`runBatched: no value for parameter ${i}`);
    return v;
  };
  for (const op of ops.slice(from)) {
    switch (op.kind) {
      case 'dense': {
        // [P, N, in]·[P, in, out] + b [P, 1, out]; h may be [1, N, in], the probe batch shared by every point.
        const b = at(op.b);
        h = tf.add(tf.matMul(h, at(op.W) as tf.Tensor3D), tf.reshape(b, [b.shape[0] as number, 1, b.shape[1] as number]));
        break;
      }
      case 'activation':
        h = activate(op.activation, h) as tf.Tensor3D;
        break;
      case 'batchNorm': {
        // γ_p/√(var + ε) and β_p − mean·that, per feature: (h − mean)·scale + β in two broadcast ops.
        const [P, F] = at(op.gamma).shape as [number, number];
        const scale = tf.mul(at(op.gamma), tf.rsqrt(tf.add(op.variance, BN_EPS)));
        const shift = tf.sub(at(op.beta), tf.mul(op.mean, scale));
        h = tf.add(tf.mul(h, tf.reshape(scale, [P, 1, F])), tf.reshape(shift, [P, 1, F]));
        break;
      }
      default:
        throw new Error(`runBatched: a ${op.kind} op cannot run over parameter sets`);
    }
  }
  return h;
}

/**
 * Each parameter set's loss [P] of out [P, N, C] against y, with the formulas of the training losses (losses.ts):
 * softmax cross-entropy logsumexp(z) − z_label against int32 labels [N]; MSE, or BCE with logs clamped at −100,
 * of the (sigmoid) output against float targets [N, C]; each the mean over the N samples (and C outputs).
 */
export function batchedHeadLoss(head: EvalHead, out: tf.Tensor3D, y: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    if (head.loss === 'softmaxXent') {
      const C = out.shape[2];
      const onehot = tf.cast(tf.oneHot(y as tf.Tensor1D, C), 'float32'); // oneHot's int32, then cast (wasm ignores a float dtype)
      const picked = tf.sum(tf.mul(out, onehot), 2);
      return tf.mean(tf.sub(tf.logSumExp(out, 2), picked), 1) as tf.Tensor1D;
    }
    const yhat = head.output === 'sigmoid' ? tf.sigmoid(out) : out;
    if (head.loss === 'mse') return tf.mean(tf.squaredDifference(yhat, y), [1, 2]) as tf.Tensor1D;
    const logP = tf.maximum(tf.log(yhat), LOG_FLOOR);
    const log1mP = tf.maximum(tf.log1p(tf.neg(yhat)), LOG_FLOOR);
    return tf.neg(tf.mean(tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), log1mP)), [1, 2])) as tf.Tensor1D;
  });
}
