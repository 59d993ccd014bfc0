import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dense } from '../../train/model.ts';
import { DENSE, DENSE_GRAD, SMALL_PRODUCT } from './dense.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, randn, relErr, sampleCoords, useCpu, useWasm } from './testKit.ts';

// The one-call dense layer (dense.ts, through train/model.ts's dense and its customGrad) on wasm against the
// cpu backend, where the kernels are not registered and dense() is tfjs's own matMul, add and activation, and
// against central finite differences; for x, W and b, with ReLU, the sigmoid and no activation.

const rng = createRng(61);
interface Case {
  name: string;
  n: number;
  k: number;
  m: number;
  activation: 'relu' | 'identity' | 'sigmoid' | 'tanh';
}
const CASES: Case[] = [
  { name: 'spiral hidden layer 20×2 → 50, ReLU', n: 20, k: 2, m: 50, activation: 'relu' },
  { name: 'logits 20×50 → 3', n: 20, k: 50, m: 3, activation: 'identity' },
  { name: 'MNIST layer 64×784 → 100, ReLU', n: 64, k: 784, m: 100, activation: 'relu' },
  { name: 'one row 1×7 → 1', n: 1, k: 7, m: 1, activation: 'identity' },
  { name: 'bump hidden layer 40×1 → 2, sigmoid', n: 40, k: 1, m: 2, activation: 'sigmoid' },
  // Above SMALL_PRODUCT: the XNNPACK path, for each activation (the ones above are JS loops, but the MNIST layer).
  { name: 'MLP layer 64×100 → 100, sigmoid (XNNPACK)', n: 64, k: 100, m: 100, activation: 'sigmoid' },
  { name: 'logits 64×100 → 10 (XNNPACK)', n: 64, k: 100, m: 10, activation: 'identity' },
  { name: 'hidden 5×1 → 2, tanh', n: 5, k: 1, m: 2, activation: 'tanh' },
  { name: 'MLP layer 64×100 → 100, tanh (XNNPACK, then a JS pass)', n: 64, k: 100, m: 100, activation: 'tanh' },
];
const DATA = CASES.map(({ n, k, m }) => ({
  args: [
    { values: randn(rng, [n, k]), shape: [n, k] },
    { values: randn(rng, [k, m], 1 / Math.sqrt(k)), shape: [k, m] },
    { values: randn(rng, [m], 0.5), shape: [m] },
  ],
  weights: randn(rng, [n, m]),
}));
const layer = (c: Case) => (x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) => dense(x as tf.Tensor2D, W as tf.Tensor2D, b as tf.Tensor1D, c.activation);

describe('one-call dense layer on wasm vs tfjs ops on cpu', () => {
  const cpu: ReturnType<typeof gradsOf>[] = [];
  beforeAll(async () => {
    await useCpu();
    CASES.forEach((c, i) => cpu.push(gradsOf(layer(c), DATA[i]!.args, DATA[i]!.weights)));
    await useWasm();
  });

  it('covers both paths: JS loops for small layers, XNNPACK above SMALL_PRODUCT', () => {
    const sizes = CASES.map((c) => c.n * c.k * c.m);
    expect(sizes.some((p) => p <= SMALL_PRODUCT)).toBe(true);
    expect(CASES.filter((c) => c.n * c.k * c.m > SMALL_PRODUCT).map((c) => c.activation).sort()).toEqual(['identity', 'relu', 'sigmoid', 'tanh']);
  });

  it('is registered on wasm', () => {
    expect(tf.getKernel(DENSE, 'wasm')).toBeDefined();
    expect(tf.getKernel(DENSE_GRAD, 'wasm')).toBeDefined();
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: value and the gradients of x, W and b match', (_name, i) => {
    const got = gradsOf(layer(CASES[i]!), DATA[i]!.args, DATA[i]!.weights);
    expect(relErr(got.value, cpu[i]!.value)).toBeLessThan(1e-5);
    got.grads.forEach((g, j) => expect(relErr(g, cpu[i]!.grads[j]!)).toBeLessThan(1e-5));
  });

  it.each([0, 1, 4, 6, 8].map((i) => [CASES[i]!.name, i] as const))('%s: gradients match finite differences', (_name, i) => {
    const f = layer(CASES[i]!);
    const { args, weights } = DATA[i]!;
    const { grads } = gradsOf(f, args, weights);
    for (const which of [0, 1, 2]) {
      const coords = sampleCoords(rng, args[which]!.values.length, 10);
      // A small step: a larger one crosses ReLU kinks of the 20×50 hidden layer.
      expect(fdErr(finiteDiff(f, args, weights, which, coords, 1e-3), grads[which]!, coords)).toBeLessThan(2e-3);
    }
  });

  it('with inputGrad false: the same W and b gradients, and x is not differentiated', () => {
    const c = CASES[0]!;
    const { args, weights } = DATA[0]!;
    const noDx = (x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) => dense(x as tf.Tensor2D, W as tf.Tensor2D, b as tf.Tensor1D, c.activation, { inputGrad: false });
    const got = gradsOf(noDx, args, weights, [1, 2]);
    expect(relErr(got.grads[0]!, cpu[0]!.grads[1]!)).toBeLessThan(1e-5);
    expect(relErr(got.grads[1]!, cpu[0]!.grads[2]!)).toBeLessThan(1e-5);
    expect(() => gradsOf(noDx, args, weights, [0])).toThrow();
  });

  it('trains a variable W (not kept by the tape) like a plain tensor', () => {
    const { args } = DATA[1]!;
    const W = tf.variable(tf.tensor(args[1]!.values, args[1]!.shape as [number, number]));
    const x = tf.tensor2d(args[0]!.values, args[0]!.shape as [number, number]);
    const b = tf.tensor1d(args[2]!.values);
    const { grads } = tf.variableGrads(() => tf.sum(dense(x, W as tf.Tensor2D, b)) as tf.Scalar, [W]);
    const want = gradsOf(layer(CASES[1]!), args, Float32Array.from({ length: 60 }, () => 1), [1]).grads[0]!;
    expect(relErr(grads[W.name]!.dataSync(), want)).toBeLessThan(1e-6);
    tf.dispose([W, x, b, grads[W.name]!]);
  });

  it('leaks no tensor and no wasm buffer, forward or backward', () => {
    for (const i of [0, 1]) expect(leaks(() => gradsOf(layer(CASES[i]!), DATA[i]!.args, DATA[i]!.weights))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
