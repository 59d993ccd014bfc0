/**
 * The conv gradient composites registered for the cpu backend give the same gradients as cpu's own scalar
 * kernels, on strided, padded and multi-channel cases, and leak nothing.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import './gradients.ts';
import { beforeAll, expect, it } from 'vitest';
import { createRng } from '../data/prng.ts';
import { registerCpuKernels } from './cpu.ts';
import { conv2dBackpropFilter } from './wasm/conv2dBackpropFilter.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const CASES = [
  { x: [2, 7, 7, 1], w: [3, 3, 1, 4], stride: 1, pad: 'same' as const },
  { x: [3, 9, 8, 2], w: [3, 2, 2, 3], stride: 2, pad: 'valid' as const },
  { x: [2, 16, 16, 1], w: [5, 5, 1, 16], stride: 1, pad: 2 },
  { x: [2, 8, 8, 16], w: [5, 5, 16, 8], stride: 1, pad: 2 },
  { x: [1, 10, 10, 3], w: [4, 4, 3, 2], stride: 3, pad: 1 },
];

function gradients(c: (typeof CASES)[number], seed: number): Float32Array[] {
  const rng = createRng(seed);
  const rand = (shape: number[]) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.normal()), shape);
  return tf.tidy(() => {
    const x = rand(c.x) as tf.Tensor4D;
    const w = rand(c.w) as tf.Tensor4D;
    const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad))))([x, w]);
    return [gx!, gw!];
  }).map((t) => {
    const v = Float32Array.from(t.dataSync() as Float32Array);
    t.dispose();
    return v;
  });
}

it('matches the stock cpu conv gradients and leaks nothing', () => {
  const stock = CASES.map((c, i) => gradients(c, i + 1));
  expect(registerCpuKernels()).toEqual(['Conv2DBackpropFilter', 'Conv2DBackpropInput']);
  // The composites are in place, so the comparison below is ours against stock, not stock against itself.
  expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')?.kernelFunc).toBe(conv2dBackpropFilter);
  const before = tf.memory().numTensors;
  const dataIds = tf.backend().numDataIds();
  CASES.forEach((c, i) => {
    const ours = gradients(c, i + 1);
    ours.forEach((g, k) => {
      const ref = stock[i]![k]!;
      let worst = 0;
      const scale = Math.max(1, ...Array.from(ref, Math.abs));
      g.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ref[j]!) / scale)));
      expect(worst).toBeLessThan(1e-5);
    });
  });
  expect(tf.memory().numTensors).toBe(before);
  expect(tf.backend().numDataIds()).toBe(dataIds);
});
