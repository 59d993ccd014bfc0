/**
 * The course's losses (lessons.md "Formulas" 9), all with the mean reduction, each returning a scalar tensor
 * that gradients flow through. Gradients need the tfjs gradient registry (see the report / backend setup).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hasKernel } from '../backend/hasKernel.ts';
import { BCE, GRAD_EPS, LOG_FLOOR, MSE } from '../backend/wasm/elementLoss.ts';
import { SOFTMAX_XENT } from '../backend/wasm/softmaxXent.ts';

export { LOG_FLOOR };

function sameShape(name: string, yhat: tf.Tensor, y: tf.Tensor): void {
  // Broadcasting [N,1] against [N] would silently build an [N,N] loss (the ch07-02 mismatch, issue 9).
  if (!tf.util.arraysEqual(yhat.shape, y.shape)) {
    throw new Error(`${name}: prediction shape [${yhat.shape}] and target shape [${y.shape}] differ`);
  }
}

/**
 * A loss computed by one fused kernel (wasm: backend/wasm/elementLoss.ts, softmaxXent.ts): the kernel returns
 * [value, ∂value/∂input `diff`, …extras]; tf.customGrad scales that gradient by the upstream dy. `inputs` are the
 * kernel's named inputs, `diff` the one differentiated (the others are constants such as labels or targets).
 * Returns the value and the extra outputs (new tensors for the caller or its tidy).
 */
function fusedLoss(kernel: string, inputs: Record<string, tf.Tensor>, diff: string): { value: tf.Scalar; extras: tf.Tensor[] } {
  let extras: tf.Tensor[] = [];
  const f = (input: tf.Tensor, save: tf.GradSaveFunc) => {
    const [value, grad, ...rest] = tf.engine().runKernel(kernel, { ...inputs, [diff]: input }, {}) as tf.Tensor[];
    // The forward function runs in its own tidy: keep the extras past it, then hand clones to the caller's scope.
    extras = rest.map((t) => tf.keep(t));
    save([grad as tf.Tensor]);
    return { value: value as tf.Scalar, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0] as tf.Tensor) };
  };
  const value = tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0])(inputs[diff] as tf.Tensor) as tf.Scalar;
  const own = extras.map((t) => tf.clone(t));
  tf.dispose(extras);
  return { value, extras: own };
}


/**
 * MSE = mean((ŷ − y)²) over every element (ch04-02: over all 40 outputs of a 20×2 batch), differentiable in ŷ
 * (y is a target). One kernel call on a backend with the fused kernel; elsewhere the ops, its test's oracle.
 */
export function mse(yhat: tf.Tensor, y: tf.Tensor): tf.Scalar {
  sameShape('mse', yhat, y);
  if (hasKernel(MSE) && yhat.dtype === 'float32' && y.dtype === 'float32') return fusedLoss(MSE, { yhat, y }, 'yhat').value;
  return tf.tidy(() => tf.mean(tf.squaredDifference(yhat, y)) as tf.Scalar);
}

/**
 * BCE = −mean(y·log ŷ + (1−y)·log(1−ŷ)) on probabilities ŷ (sigmoid outputs), logs clamped at −100 like PyTorch.
 * The gradient is PyTorch's, (ŷ − y)/max(ŷ(1−ŷ), 1e-12)/n: differentiating the clamp through tf.log would give
 * 0·∞ = NaN at a saturated ŷ. Worked: ŷ = 0.8 → 0.223144 for y = 1, 1.609438 for y = 0. One kernel call on a
 * backend with the fused kernel; elsewhere the ops below, its test's oracle.
 */
const bceOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [yhat, y, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const logP = tf.maximum(tf.log(yhat), LOG_FLOOR);
  const log1mP = tf.maximum(tf.log1p(tf.neg(yhat)), LOG_FLOOR);
  const value = tf.neg(tf.mean(tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), log1mP)))) as tf.Scalar;
  save([yhat, y, logP, log1mP]);
  return {
    value,
    gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
      const [p, t, lp, l1p] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      const scale = tf.div(dy, p.size);
      const dYhat = tf.mul(scale, tf.div(tf.sub(p, t), tf.maximum(tf.mul(p, tf.sub(1, p)), GRAD_EPS)));
      const dY = tf.mul(scale, tf.sub(l1p, lp));
      return [dYhat, dY];
    },
  };
});

export function bce(yhat: tf.Tensor, y: tf.Tensor): tf.Scalar {
  sameShape('bce', yhat, y);
  // The fused kernel treats y as data (no gradient for it), as every lesson's y is a target.
  if (hasKernel(BCE) && yhat.dtype === 'float32' && y.dtype === 'float32') return fusedLoss(BCE, { yhat, y }, 'yhat').value;
  return bceOp(yhat, y) as tf.Scalar;
}

/**
 * Softmax cross-entropy from logits z [N, C] and integer class labels [N] (int32 tensor or array):
 * mean over samples of −log softmax(z)_label = logsumexp(z) − z_label (stable for large logits).
 * Worked: logits [1, 2, 3] → 0.407606 for label 2, 2.407606 for label 0.
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D | Int32Array | readonly number[]): tf.Scalar {
  return tf.tidy(() => softmaxCrossEntropyWithHits(logits, labels).loss);
}

/**
 * softmaxCrossEntropy plus `hits`, a scalar counting the rows whose largest logit (the first, on ties) is the
 * label: a classifier's batch accuracy at no extra pass. Both are new tensors for the caller (or its tidy). On
 * a backend with the fused kernel (wasm: backend/wasm/softmaxXent.ts) loss, gradient and hits come from one
 * kernel call; elsewhere from the op chain below, the kernel's oracle in its test.
 */
export function softmaxCrossEntropyWithHits(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D | Int32Array | readonly number[],
): { loss: tf.Scalar; hits: tf.Scalar } {
  if (logits.rank !== 2) throw new Error(`softmaxCrossEntropy: logits must be [N, C], got [${logits.shape}]`);
  const [n, c] = logits.shape;
  const count = labels instanceof tf.Tensor ? labels.size : labels.length;
  if (count !== n) throw new Error(`softmaxCrossEntropy: ${count} labels for ${n} rows of logits`);
  const idx = labels instanceof tf.Tensor ? labels : tf.tensor1d(Array.from(labels), 'int32');
  if (hasKernel(SOFTMAX_XENT)) {
    const { value, extras } = fusedLoss(SOFTMAX_XENT, { logits, labels: idx }, 'logits');
    if (idx !== labels) idx.dispose();
    return { loss: value, hits: extras[0] as tf.Scalar };
  }
  const result = tf.tidy(() => {
    const int = tf.cast(idx, 'int32') as tf.Tensor1D;
    // oneHot in its default int32 dtype, then cast: wasm's OneHot ignores a float dtype (notes §1).
    const onehot = tf.cast(tf.oneHot(int, c), 'float32');
    const logSoftmax = tf.sub(logits, tf.logSumExp(logits, 1, true));
    const loss = tf.neg(tf.mean(tf.sum(tf.mul(onehot, logSoftmax), 1))) as tf.Scalar;
    const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), int), 'float32')) as tf.Scalar;
    return { loss, hits };
  });
  if (idx !== labels) idx.dispose();
  return result;
}
