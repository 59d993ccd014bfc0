import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm, createBatchNorm } from '../../train/model.ts';
import { type Arg, createRng, gradsOf, leaks, randn, relErr, useCpu, useWasm } from './testKit.ts';

// Sum / Mean over leading axes (sumLeading.ts), inner axes and int32 (wasm's own kernel), and FusedBatchNorm
// (fusedBatchNorm.ts), each against cpu; then the training-mode batch norm of train/model.ts, whose backward
// pass is made of these kernels, with gradients of x, γ and β against cpu.

type Case = [string, () => tf.Tensor];
const rng = createRng(77);
const x4 = randn(rng, [5, 4, 3, 6], 3);
const x2 = randn(rng, [37, 5]);
const p5 = Array.from({ length: 4 }, () => randn(rng, [5]));
const p1 = randn(rng, [1]);

const CASES: Case[] = [
  ['Sum [5,4,3,6] over 0,1,2', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]), [0, 1, 2])],
  ['Sum [5,4,3,6] over 1,0 keepDims', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]), [1, 0], true)],
  ['Sum [5,4,3,6] over 0 (C = 72)', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]), 0)],
  ['Sum [5,4,3,6] over -1 (inner: native)', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]), -1)],
  ['Sum [5,4,3,6] over 0,2 (not leading: native)', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]), [0, 2])],
  ['Sum all', () => tf.sum(tf.tensor(x4, [5, 4, 3, 6]))],
  ['Sum int32 over 0 (native)', () => tf.sum(tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32'), 0)],
  ['Mean [37,5] over 0', () => tf.mean(tf.tensor(x2, [37, 5]), 0)],
  ['Mean [5,4,3,6] over 0,1 keepDims', () => tf.mean(tf.tensor(x4, [5, 4, 3, 6]), [0, 1], true)],
  ['Mean [37,5] over 1 (native)', () => tf.mean(tf.tensor(x2, [37, 5]), 1)],
  [
    'FusedBatchNorm [37,5], all parameters',
    () => tf.batchNorm(tf.tensor(x2, [37, 5]), tf.tensor(p5[0]!), tf.abs(tf.tensor(p5[1]!)), tf.tensor(p5[2]!), tf.tensor(p5[3]!), 1e-3),
  ],
  ['FusedBatchNorm [37,5], no offset, no scale', () => tf.batchNorm(tf.tensor(x2, [37, 5]), tf.tensor(p5[0]!), tf.abs(tf.tensor(p5[1]!)))],
  [
    'FusedBatchNorm mixed parameter sizes (native)',
    () => tf.batchNorm(tf.tensor(x2, [37, 5]), tf.tensor(p1), tf.abs(tf.tensor(p5[1]!)), tf.tensor(p1), tf.tensor(p5[3]!), 1e-3),
  ],
];

describe('Sum, Mean and FusedBatchNorm fill-ins vs cpu', () => {
  const cpu: Array<{ shape: number[]; values: Float32Array | Int32Array }> = [];
  beforeAll(async () => {
    await useCpu();
    for (const [, f] of CASES) {
      const t = tf.tidy(f);
      cpu.push({ shape: t.shape, values: t.dataSync() as Float32Array });
      t.dispose();
    }
    await useWasm();
  });

  it.each(CASES.map(([name], i) => [name, i] as const))('%s', (_name, i) => {
    const t = tf.tidy(CASES[i]![1]);
    expect(t.shape).toEqual(cpu[i]!.shape);
    expect(relErr(t.dataSync(), cpu[i]!.values)).toBeLessThan(1e-6);
    t.dispose();
  });

  it('leak no tensor and no wasm buffer', () => {
    for (const i of [0, 1, 7, 10, 11]) expect(leaks(() => tf.tidy(CASES[i]![1]).dispose())).toEqual({ tensors: 0, dataIds: 0 });
  });
});

describe('training-mode batch norm (written-out gradient) on wasm vs cpu', () => {
  const shapes: number[][] = [
    [7, 4],
    [3, 5, 5, 6],
    [100, 16, 16, 16],
  ];
  const problems = shapes.map((shape, i) => {
    const r = createRng(300 + i);
    const f = shape[shape.length - 1]!;
    const args: Arg[] = [
      { values: randn(r, shape, 2), shape },
      { values: randn(r, [f]), shape: [f] },
      { values: randn(r, [f]), shape: [f] },
    ];
    return { args, weights: randn(r, shape) };
  });
  const bnFn = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor => {
    const p = createBatchNorm(`bn-test-${Math.random()}`, gamma.size);
    const out = batchNorm(x, { ...p, gamma: gamma as tf.Variable, beta: beta as tf.Variable }, true);
    tf.dispose([p.gamma, p.beta, p.runningMean, p.runningVar]);
    return out;
  };
  const cpu: Array<ReturnType<typeof gradsOf>> = [];
  beforeAll(async () => {
    await useCpu();
    for (const pr of problems) cpu.push(gradsOf(bnFn, pr.args, pr.weights));
    await useWasm();
  });

  it.each(shapes.map((s, i) => [`[${s}]`, i] as const))('%s: value and gradients of x, γ, β', (_name, i) => {
    const pr = problems[i]!;
    const wasm = gradsOf(bnFn, pr.args, pr.weights);
    expect(relErr(wasm.value, cpu[i]!.value), 'value').toBeLessThan(1e-5);
    wasm.grads.forEach((g, k) => expect(relErr(g, cpu[i]!.grads[k]!), `grad ${k}`).toBeLessThan(1e-4));
  });

  it('leaks no tensor and no wasm buffer', () => {
    const pr = problems[1]!;
    expect(leaks(() => void gradsOf(bnFn, pr.args, pr.weights))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
