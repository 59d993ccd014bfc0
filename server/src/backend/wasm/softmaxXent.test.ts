import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmaxCrossEntropy, softmaxCrossEntropyWithHits } from '../../train/losses.ts';
import { SOFTMAX_XENT } from './softmaxXent.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, randn, relErr, sampleCoords, useCpu, useWasm } from './testKit.ts';

// The fused softmax cross-entropy (softmaxXent.ts, through losses.ts's customGrad) on wasm against the op chain
// on the cpu backend (where the kernel is not registered) and against central finite differences.

const rng = createRng(53);
interface Case {
  name: string;
  n: number;
  c: number;
  scale: number;
}
const CASES: Case[] = [
  { name: 'one row, 3 classes', n: 1, c: 3, scale: 1 },
  { name: 'spiral batch 20 × 3', n: 20, c: 3, scale: 2 },
  { name: 'MNIST batch 64 × 10', n: 64, c: 10, scale: 3 },
  { name: 'large logits 7 × 5 (stability)', n: 7, c: 5, scale: 400 },
];
const DATA = CASES.map(({ n, c, scale }) => ({
  z: randn(rng, [n, c], scale),
  labels: Int32Array.from({ length: n }, () => rng.int(c)),
  weights: Float32Array.of(1.7),
}));

function evaluate(i: number): { loss: number; grad: Float32Array; hits: number } {
  const { n, c } = CASES[i]!;
  const { z, labels, weights } = DATA[i]!;
  const f = (x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, labels);
  const { value, grads } = gradsOf(f, [{ values: z, shape: [n, c] }], weights);
  const hits = tf.tidy(() => softmaxCrossEntropyWithHits(tf.tensor2d(z, [n, c]), labels).hits.dataSync()[0] as number);
  return { loss: value[0] as number, grad: grads[0] as Float32Array, hits };
}

describe('fused softmax cross-entropy on wasm vs the op chain on cpu', () => {
  const cpu: ReturnType<typeof evaluate>[] = [];
  beforeAll(async () => {
    await useCpu();
    CASES.forEach((_, i) => cpu.push(evaluate(i)));
    await useWasm();
  });

  it('is registered on wasm', () => {
    expect(tf.getKernel(SOFTMAX_XENT, 'wasm')).toBeDefined();
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: loss, gradient and hits match', (_name, i) => {
    const got = evaluate(i);
    const want = cpu[i]!;
    expect(Math.abs(got.loss - want.loss)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want.loss)));
    expect(relErr(got.grad, want.grad)).toBeLessThan(1e-5);
    expect(got.hits).toBe(want.hits);
  });

  it.each(CASES.slice(0, 3).map((c, i) => [c.name, i] as const))('%s: gradient matches finite differences', (_name, i) => {
    const { n, c } = CASES[i]!;
    const { z, labels, weights } = DATA[i]!;
    const f = (x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, labels);
    const args = [{ values: z, shape: [n, c] }];
    const { grads } = gradsOf(f, args, weights);
    const coords = sampleCoords(rng, n * c, 12);
    expect(fdErr(finiteDiff(f, args, weights, 0, coords, 1e-2), grads[0] as Float32Array, coords)).toBeLessThan(2e-3);
  });

  it("reproduces the catalogue's worked numbers", () => {
    const z = tf.tensor2d([[1, 2, 3]]);
    expect(tf.tidy(() => softmaxCrossEntropy(z, [2]).dataSync()[0])).toBeCloseTo(0.407606, 5);
    expect(tf.tidy(() => softmaxCrossEntropy(z, [0]).dataSync()[0])).toBeCloseTo(2.407606, 5);
    z.dispose();
  });

  it('counts a tie as the first largest logit, as tf.argMax', () => {
    const z = tf.tensor2d([[2, 2, 1], [0, 5, 5]]);
    expect(tf.tidy(() => softmaxCrossEntropyWithHits(z, [0, 2]).hits.dataSync()[0])).toBe(1);
    z.dispose();
  });

  it('refuses a label outside [0, C) with a clear error', () => {
    const z = tf.tensor2d([[1, 2, 3]]);
    expect(() => tf.tidy(() => softmaxCrossEntropy(z, [3]))).toThrow(/label 3 of row 0 is not a class in \[0, 3\)/);
    z.dispose();
  });

  it('leaks no tensor and no wasm buffer, forward or backward', () => {
    expect(leaks(() => evaluate(1))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
