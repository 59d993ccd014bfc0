/**
 * The two course models the fill-ins are measured and checked on, as plain functions over named
 * parameters (the same style the trainer uses), with seeded PyTorch-default initialisation and synthetic
 * data (the checks need shapes and value ranges, not MNIST itself):
 * - ch09-05's CNN: conv 1→16 (5×5, pad 2) → act → maxpool 2 → conv 16→32 (5×5, pad 2) → act → maxpool 2 →
 *   flatten (32·(S/4)²) → dense →10, softmax cross-entropy; 18,378 parameters at S = 16;
 * - the 784-100-100-10 ReLU MLP.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../data/prng.ts';
import { oneHotFloat } from './oneHotFloat.ts';

export type Activation = 'relu' | 'tanh';

export interface CourseModel {
  name: string;
  /** Parameter names and shapes, in a fixed order. */
  params: Array<[string, number[]]>;
  /** Shape of one input sample. */
  sample: number[];
  classes: number;
  logits(p: Record<string, tf.Tensor>, x: tf.Tensor): tf.Tensor;
}

const act = (a: Activation, x: tf.Tensor) => (a === 'relu' ? tf.relu(x) : tf.tanh(x));

/** ch09-05 (S = 16) or its 28×28 variant. */
export function cnnCh0905(size = 16, activation: Activation = 'relu'): CourseModel {
  const flat = 32 * (size / 4) * (size / 4);
  return {
    name: `cnn-ch09-05 ${size}x${size} ${activation}`,
    params: [
      ['conv1.w', [5, 5, 1, 16]],
      ['conv1.b', [16]],
      ['conv2.w', [5, 5, 16, 32]],
      ['conv2.b', [32]],
      ['fc.w', [flat, 10]],
      ['fc.b', [10]],
    ],
    sample: [size, size, 1],
    classes: 10,
    logits(p, x) {
      const conv = (h: tf.Tensor, w: string, b: string) =>
        tf.add(tf.conv2d(h as tf.Tensor4D, p[w] as tf.Tensor4D, 1, 2), p[b] as tf.Tensor);
      const pool = (h: tf.Tensor) => tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid');
      const h1 = pool(act(activation, conv(x, 'conv1.w', 'conv1.b'))); // [B, S/2, S/2, 16]
      const h2 = pool(act(activation, conv(h1, 'conv2.w', 'conv2.b'))); // [B, S/4, S/4, 32]
      const flatH = tf.reshape(h2, [x.shape[0] ?? -1, flat]);
      return tf.add(tf.matMul(flatH, p['fc.w'] as tf.Tensor), p['fc.b'] as tf.Tensor);
    },
  };
}

export function mlp784(): CourseModel {
  return {
    name: 'mlp 784-100-100-10 relu',
    params: [
      ['fc1.w', [784, 100]],
      ['fc1.b', [100]],
      ['fc2.w', [100, 100]],
      ['fc2.b', [100]],
      ['fc3.w', [100, 10]],
      ['fc3.b', [10]],
    ],
    sample: [784],
    classes: 10,
    logits(p, x) {
      const dense = (h: tf.Tensor, l: string) => tf.add(tf.matMul(h, p[`${l}.w`] as tf.Tensor), p[`${l}.b`] as tf.Tensor);
      return dense(tf.relu(dense(tf.relu(dense(x, 'fc1')), 'fc2')), 'fc3');
    },
  };
}

/** PyTorch's default init: uniform(±1/√fan_in) for weights and biases (fan_in = all axes but the last). */
export function initParams(model: CourseModel, rng: Rng): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  const weightOf = (bias: string) => model.params.find(([n]) => n === bias.replace(/\.b$/, '.w'));
  for (const [name, shape] of model.params) {
    const wShape = name.endsWith('.b') ? (weightOf(name)?.[1] ?? shape) : shape;
    const fanIn = tf.util.sizeFromShape(wShape.slice(0, -1));
    const bound = 1 / Math.sqrt(fanIn);
    out[name] = Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.range(-bound, bound));
  }
  return out;
}

/** Inputs uniform in [0, 1) like to-tensor'd pixels, labels uniform over the classes. */
export function syntheticBatch(model: CourseModel, batch: number, rng: Rng): { x: Float32Array; labels: Int32Array } {
  const x = Float32Array.from({ length: batch * tf.util.sizeFromShape(model.sample) }, () => rng.uniform());
  const labels = Int32Array.from({ length: batch }, () => rng.int(model.classes));
  return { x, labels };
}

/** Mean softmax cross-entropy of the model on (x, labels). */
export function lossOf(model: CourseModel, p: Record<string, tf.Tensor>, x: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(oneHotFloat(labels, model.classes), model.logits(p, x)) as tf.Scalar);
}
