/**
 * One-hot labels as float32, safe on every backend: tf.oneHot with dtype 'float32' is wrong on stock wasm
 * (int32 bits read as floats, see oneHot.ts), while the int32 encoding followed by a cast is right
 * everywhere. Use this for softmax-cross-entropy targets.
 */
import * as tf from '@tensorflow/tfjs-core';

/** indices: int class ids of shape [...]; returns float32 [..., depth] with on/off values. */
export function oneHotFloat(
  indices: tf.Tensor | tf.TensorLike,
  depth: number,
  onValue = 1,
  offValue = 0,
): tf.Tensor {
  return tf.tidy(() => {
    const ids = indices instanceof tf.Tensor ? indices : tf.tensor(indices, undefined, 'int32');
    const mask = tf.cast(tf.oneHot(tf.cast(ids, 'int32'), depth), 'float32'); // int32 0/1, then float
    if (onValue === 1 && offValue === 0) return mask;
    return tf.add(tf.mul(mask, onValue - offValue), offValue);
  });
}
