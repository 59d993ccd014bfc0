/**
 * The course's losses (lessons.md "Formulas" 9), all with the mean reduction, each returning a scalar tensor
 * that gradients flow through. Gradients need the tfjs gradient registry (see the report / backend setup).
 */
import * as tf from '@tensorflow/tfjs-core';

function sameShape(name: string, yhat: tf.Tensor, y: tf.Tensor): void {
  // Broadcasting [N,1] against [N] would silently build an [N,N] loss (the ch07-02 mismatch, issue 9).
  if (!tf.util.arraysEqual(yhat.shape, y.shape)) {
    throw new Error(`${name}: prediction shape [${yhat.shape}] and target shape [${y.shape}] differ`);
  }
}

/** MSE = mean((ŷ − y)²) over every element (ch04-02: over all 40 outputs of a 20×2 batch). */
export function mse(yhat: tf.Tensor, y: tf.Tensor): tf.Scalar {
  sameShape('mse', yhat, y);
  return tf.tidy(() => tf.mean(tf.squaredDifference(yhat, y)) as tf.Scalar);
}

/** PyTorch clamps each log term of BCE at −100, so ŷ = 0 or 1 gives a finite loss. */
const LOG_FLOOR = -100;
/** PyTorch's BCE backward divides by max(ŷ(1−ŷ), 1e-12). */
const GRAD_EPS = 1e-12;

/**
 * BCE = −mean(y·log ŷ + (1−y)·log(1−ŷ)) on probabilities ŷ (sigmoid outputs), logs clamped at −100 like PyTorch.
 * The gradient is PyTorch's, (ŷ − y)/max(ŷ(1−ŷ), 1e-12)/n: differentiating the clamp through tf.log would give
 * 0·∞ = NaN at a saturated ŷ. Worked: ŷ = 0.8 → 0.223144 for y = 1, 1.609438 for y = 0.
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
  return bceOp(yhat, y) as tf.Scalar;
}

/**
 * Softmax cross-entropy from logits z [N, C] and integer class labels [N] (int32 tensor or array):
 * mean over samples of −log softmax(z)_label = logsumexp(z) − z_label (stable for large logits).
 * Worked: logits [1, 2, 3] → 0.407606 for label 2, 2.407606 for label 0.
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D | Int32Array | readonly number[]): tf.Scalar {
  if (logits.rank !== 2) throw new Error(`softmaxCrossEntropy: logits must be [N, C], got [${logits.shape}]`);
  const [n, c] = logits.shape;
  const count = labels instanceof tf.Tensor ? labels.size : labels.length;
  if (count !== n) throw new Error(`softmaxCrossEntropy: ${count} labels for ${n} rows of logits`);
  return tf.tidy(() => {
    const idx = labels instanceof tf.Tensor ? tf.cast(labels, 'int32') : tf.tensor1d(Array.from(labels), 'int32');
    // oneHot in its default int32 dtype, then cast: wasm's OneHot ignores a float dtype (notes §1).
    const onehot = tf.cast(tf.oneHot(idx as tf.Tensor1D, c), 'float32');
    const logSoftmax = tf.sub(logits, tf.logSumExp(logits, 1, true));
    return tf.neg(tf.mean(tf.sum(tf.mul(onehot, logSoftmax), 1))) as tf.Scalar;
  });
}
