import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bce, mse } from '../../train/losses.ts';
import { BCE, MSE } from './elementLoss.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, randn, relErr, sampleCoords, uniform, useCpu, useWasm } from './testKit.ts';

// The fused MSE and BCE (elementLoss.ts, through losses.ts's customGrad) on wasm against the op chains on the
// cpu backend (where the kernels are not registered) and against central finite differences.

const rng = createRng(67);
const SHAPES = [[1, 100], [20, 2], [40, 1], [1]];
type Loss = (p: tf.Tensor, t: tf.Tensor) => tf.Scalar;
interface Case {
  name: string;
  loss: Loss;
  yhat: Float32Array;
  y: Float32Array;
  shape: number[];
  /** Inputs differentiated: ŷ (the fused kernels treat y as data). */
  wrt: number[];
}
const CASES: Case[] = [
  ...SHAPES.map((shape) => ({ name: `mse [${shape}]`, loss: mse, yhat: randn(rng, shape, 3), y: randn(rng, shape, 3), shape, wrt: [0] })),
  ...SHAPES.map((shape) => ({
    name: `bce [${shape}]`,
    loss: bce,
    yhat: uniform(rng, shape, 0.02, 0.98),
    y: Float32Array.from(uniform(rng, shape, 0, 1), (v) => (v > 0.5 ? 1 : 0)),
    shape,
    wrt: [0],
  })),
  // Saturated probabilities: the clamped logs and PyTorch's guarded gradient, not NaN.
  { name: 'bce saturated', loss: bce, yhat: Float32Array.of(0, 1, 1e-30, 0.5), y: Float32Array.of(1, 0, 0, 1), shape: [4], wrt: [0] },
];
const WEIGHT = Float32Array.of(0.8);
const args = (c: Case) => [{ values: c.yhat, shape: c.shape }, { values: c.y, shape: c.shape }];
const evaluate = (c: Case) => gradsOf(c.loss, args(c), WEIGHT, c.wrt);

describe('fused MSE and BCE on wasm vs the op chains on cpu', () => {
  const cpu: ReturnType<typeof evaluate>[] = [];
  beforeAll(async () => {
    await useCpu();
    CASES.forEach((c) => cpu.push(evaluate(c)));
    await useWasm();
  });

  it('are registered on wasm', () => {
    expect(tf.getKernel(MSE, 'wasm')).toBeDefined();
    expect(tf.getKernel(BCE, 'wasm')).toBeDefined();
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: value and gradients match', (_name, i) => {
    const got = evaluate(CASES[i]!);
    expect(relErr(got.value, cpu[i]!.value)).toBeLessThan(1e-6);
    got.grads.forEach((g, j) => {
      expect(Array.from(g).every(Number.isFinite)).toBe(true);
      expect(relErr(g, cpu[i]!.grads[j]!)).toBeLessThan(1e-5);
    });
  });

  it.each([1, 5].map((i) => [CASES[i]!.name, i] as const))('%s: gradient matches finite differences', (_name, i) => {
    const c = CASES[i]!;
    const coords = sampleCoords(rng, c.yhat.length, 10);
    const { grads } = gradsOf(c.loss, args(c), WEIGHT, [0]);
    expect(fdErr(finiteDiff(c.loss, args(c), WEIGHT, 0, coords, 1e-3), grads[0]!, coords)).toBeLessThan(2e-3);
  });

  it('refuse shapes that differ (a [N] target against [N, 1] predictions would broadcast)', () => {
    const [a, b] = [tf.zeros([3, 1]), tf.zeros([3])];
    expect(() => mse(a, b)).toThrow(/shape/);
    expect(() => bce(a, b)).toThrow(/shape/);
    tf.dispose([a, b]);
  });

  it('leak no tensor and no wasm buffer, forward or backward', () => {
    expect(leaks(() => evaluate(CASES[1]!))).toEqual({ tensors: 0, dataIds: 0 });
    expect(leaks(() => evaluate(CASES[5]!))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
