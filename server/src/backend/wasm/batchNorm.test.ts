import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm, createBatchNorm } from '../../train/model.ts';
import { BATCH_NORM, BATCH_NORM_GRAD } from './batchNorm.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, randn, relErr, sampleCoords, useCpu, useWasm } from './testKit.ts';

// The one-call training-mode batch norm (batchNorm.ts, through train/model.ts's batchNorm and its customGrad) on
// wasm against the written-out ops on the cpu backend (where the kernels are not registered) and against central
// finite differences: output, the gradients of x, γ and β, and the running statistics.

const rng = createRng(73);
const SHAPES = [[20, 100], [64, 10], [4, 5, 5, 3], [2, 1]];
const DATA = SHAPES.map((shape) => {
  const F = shape[shape.length - 1]!;
  return {
    args: [
      { values: randn(rng, shape, 2), shape },
      { values: Float32Array.from(randn(rng, [F], 0.3), (v) => 1 + v), shape: [F] },
      { values: randn(rng, [F], 0.5), shape: [F] },
    ],
    weights: randn(rng, shape),
  };
});

/** Training-mode batch norm with fresh running statistics (γ, β passed in); returns the output. */
const norm = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor => {
  const p = createBatchNorm(`t${Math.random()}`, gamma.size);
  const out = batchNorm(x, { ...p, gamma: gamma as tf.Variable, beta: beta as tf.Variable }, true);
  tf.dispose([p.gamma, p.beta, p.runningMean, p.runningVar]);
  return out;
};

/** Running mean and variance after one training call from PyTorch's start (0 and 1). */
function running(i: number): number[] {
  const { args } = DATA[i]!;
  const p = createBatchNorm(`r${i}`, args[1]!.values.length);
  tf.tidy(() => batchNorm(tf.tensor(args[0]!.values, args[0]!.shape), p, true));
  const out = [...p.runningMean.dataSync(), ...p.runningVar.dataSync()];
  tf.dispose([p.gamma, p.beta, p.runningMean, p.runningVar]);
  return out;
}

describe('one-call batch norm on wasm vs the written-out ops on cpu', () => {
  const cpu: { g: ReturnType<typeof gradsOf>; running: number[] }[] = [];
  beforeAll(async () => {
    await useCpu();
    SHAPES.forEach((_, i) => cpu.push({ g: gradsOf(norm, DATA[i]!.args, DATA[i]!.weights), running: running(i) }));
    await useWasm();
  });

  it('is registered on wasm', () => {
    expect(tf.getKernel(BATCH_NORM, 'wasm')).toBeDefined();
    expect(tf.getKernel(BATCH_NORM_GRAD, 'wasm')).toBeDefined();
  });

  it.each(SHAPES.map((s, i) => [s.join('×'), i] as const))('[%s]: output, gradients of x, γ, β and running statistics match', (_name, i) => {
    const got = gradsOf(norm, DATA[i]!.args, DATA[i]!.weights);
    expect(relErr(got.value, cpu[i]!.g.value)).toBeLessThan(1e-5);
    got.grads.forEach((g, j) => {
      // With two rows x̂ = ±1 and dx = γ/σ·(dy − mean dy − x̂·mean(dy·x̂)) cancels to ~1e-6: rounding noise in
      // both (float64 here, float32 ops on cpu), so it is checked against its scale instead.
      if (j === 0 && SHAPES[i]![0] === 2) expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-4 * Math.max(...Array.from(DATA[i]!.weights, Math.abs)));
      else expect(relErr(g, cpu[i]!.g.grads[j]!)).toBeLessThan(1e-4);
    });
    expect(relErr(running(i), cpu[i]!.running)).toBeLessThan(1e-5);
  });

  it('gradients match finite differences', () => {
    const { args, weights } = DATA[1]!;
    const { grads } = gradsOf(norm, args, weights);
    for (const which of [0, 1, 2]) {
      const coords = sampleCoords(rng, args[which]!.values.length, 8);
      expect(fdErr(finiteDiff(norm, args, weights, which, coords, 1e-2), grads[which]!, coords)).toBeLessThan(3e-3);
    }
  });

  it('refuses a batch of one, as PyTorch', () => {
    const { args } = DATA[3]!;
    expect(() => tf.tidy(() => norm(tf.tensor([[1]]), tf.tensor(args[1]!.values), tf.tensor(args[2]!.values)))).toThrow(/more than one value/);
  });

  it('leaks no tensor and no wasm buffer, forward or backward', () => {
    expect(leaks(() => gradsOf(norm, DATA[1]!.args, DATA[1]!.weights))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
