import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Activation, conv2d } from '../../train/model.ts';
import { CONV, CONV_GRAD } from './conv.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, randn, relErr, sampleCoords, useCpu, useWasm } from './testKit.ts';

// The one-call conv layer (conv.ts, through train/model.ts's conv2d and its customGrad) on wasm against the cpu
// backend, where the kernels are not registered and conv2d() is tfjs's own conv2d, add and activation, and
// against central finite differences; for x, W and b, over strides, paddings and activations.

const rng = createRng(71);
interface Case {
  name: string;
  x: number[];
  k: number;
  co: number;
  stride: number;
  pad: number | 'same';
  activation: Activation;
}
const CASES: Case[] = [
  { name: 'ch09-05 conv1 shape 4×16×16×1, 5×5 pad 2 → 4, ReLU', x: [4, 16, 16, 1], k: 5, co: 4, stride: 1, pad: 2, activation: 'relu' },
  { name: 'ch09-04 2×11×11×1, 3×3 valid → 2, sigmoid', x: [2, 11, 11, 1], k: 3, co: 2, stride: 1, pad: 0, activation: 'sigmoid' },
  { name: '3×9×9×3, 3×3 stride 2 pad 1 → 5, linear', x: [3, 9, 9, 3], k: 3, co: 5, stride: 2, pad: 1, activation: 'identity' },
  { name: "2×8×8×2, 2×2 stride 2 'same' → 3, ReLU", x: [2, 8, 8, 2], k: 2, co: 3, stride: 2, pad: 'same', activation: 'relu' },
];
const outShape = (c: Case): number[] => {
  const [n, h, w] = c.x as [number, number, number];
  const side = (s: number) => (c.pad === 'same' ? Math.ceil(s / c.stride) : Math.floor((s + 2 * c.pad - c.k) / c.stride) + 1);
  return [n, side(h), side(w), c.co];
};
const DATA = CASES.map((c) => ({
  args: [
    { values: randn(rng, c.x), shape: c.x },
    { values: randn(rng, [c.k, c.k, c.x[3]!, c.co], 0.4), shape: [c.k, c.k, c.x[3]!, c.co] },
    { values: randn(rng, [c.co], 0.3), shape: [c.co] },
  ],
  weights: randn(rng, outShape(c)),
}));
const layer =
  (c: Case, inputGrad = true) =>
  (x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) =>
    conv2d(x as tf.Tensor4D, W as tf.Tensor4D, b as tf.Tensor1D, { stride: c.stride, pad: c.pad }, c.activation, { inputGrad });

describe('one-call conv layer on wasm vs tfjs ops on cpu', () => {
  const cpu: ReturnType<typeof gradsOf>[] = [];
  beforeAll(async () => {
    await useCpu();
    CASES.forEach((c, i) => cpu.push(gradsOf(layer(c), DATA[i]!.args, DATA[i]!.weights)));
    await useWasm();
  });

  it('is registered on wasm', () => {
    expect(tf.getKernel(CONV, 'wasm')).toBeDefined();
    expect(tf.getKernel(CONV_GRAD, 'wasm')).toBeDefined();
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: value and the gradients of x, W and b match', (_name, i) => {
    const got = gradsOf(layer(CASES[i]!), DATA[i]!.args, DATA[i]!.weights);
    expect(relErr(got.value, cpu[i]!.value)).toBeLessThan(1e-5);
    got.grads.forEach((g, j) => expect(relErr(g, cpu[i]!.grads[j]!)).toBeLessThan(1e-4));
  });

  it.each([1, 2].map((i) => [CASES[i]!.name, i] as const))('%s: gradients match finite differences', (_name, i) => {
    const f = layer(CASES[i]!);
    const { args, weights } = DATA[i]!;
    const { grads } = gradsOf(f, args, weights);
    for (const which of [0, 1, 2]) {
      const coords = sampleCoords(rng, args[which]!.values.length, 8);
      expect(fdErr(finiteDiff(f, args, weights, which, coords, 1e-2), grads[which]!, coords)).toBeLessThan(3e-3);
    }
  });

  it('with inputGrad false: the same W and b gradients, and x is not differentiated', () => {
    const { args, weights } = DATA[0]!;
    const got = gradsOf(layer(CASES[0]!, false), args, weights, [1, 2]);
    expect(relErr(got.grads[0]!, cpu[0]!.grads[1]!)).toBeLessThan(1e-4);
    expect(relErr(got.grads[1]!, cpu[0]!.grads[2]!)).toBeLessThan(1e-4);
    expect(() => gradsOf(layer(CASES[0]!, false), args, weights, [0])).toThrow();
  });

  it('leaks no tensor and no wasm buffer, forward or backward', () => {
    for (const i of [0, 2]) expect(leaks(() => gradsOf(layer(CASES[i]!), DATA[i]!.args, DATA[i]!.weights))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
