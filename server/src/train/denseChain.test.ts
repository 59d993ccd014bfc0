import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, leaks, randn, relErr, useCpu, useWasm } from '../backend/wasm/testKit.ts';
import { type ChainLayer, type ChainLoss, canRunChain, chainParams, denseChainGrads, gradsFor } from './denseChain.ts';
import { bce, mse, softmaxCrossEntropy } from './losses.ts';
import { activate, batchNorm, type BatchNormParams, createBatchNorm, dense } from './model.ts';

// The tape-free pass (denseChain.ts) on wasm against its oracle, the same network differentiated by tfjs's tape
// with tf.variableGrads: on the cpu backend (no fused kernels: tfjs's own matMul, add, activations and the
// written-out batch norm) and on wasm (the fused kernels under customGrad). Loss and every gradient must agree.

const rng = createRng(83);

interface Case {
  name: string;
  n: number;
  sizes: number[];
  activation: 'relu' | 'sigmoid' | 'tanh' | 'identity';
  loss: ChainLoss['kind'];
  /** Batch norm before the activation on the hidden layers. */
  norm?: boolean;
}
const CASES: Case[] = [
  { name: 'spiral 2-50-3 ReLU, cross-entropy', n: 20, sizes: [2, 50, 3], activation: 'relu', loss: 'softmaxXent' },
  { name: 'deep 2-16-16-16-3 tanh, cross-entropy', n: 12, sizes: [2, 16, 16, 16, 3], activation: 'tanh', loss: 'softmaxXent' },
  { name: 'bump 1-2-1 sigmoid, MSE', n: 40, sizes: [1, 2, 1], activation: 'sigmoid', loss: 'mse' },
  { name: 'line 1-1, MSE', n: 60, sizes: [1, 1], activation: 'identity', loss: 'mse' },
  { name: 'logistic 2-4-1 sigmoid head, BCE', n: 16, sizes: [2, 4, 1], activation: 'relu', loss: 'bce' },
  { name: 'MNIST-sized 784-100-10 ReLU (XNNPACK products), cross-entropy', n: 64, sizes: [784, 100, 10], activation: 'relu', loss: 'softmaxXent' },
  { name: '2-100-3 ReLU with batch norm before ReLU, cross-entropy', n: 20, sizes: [2, 100, 3], activation: 'relu', loss: 'softmaxXent', norm: true },
  { name: '3-8-8-2 sigmoid with batch norm before σ, MSE', n: 10, sizes: [3, 8, 8, 2], activation: 'sigmoid', loss: 'mse', norm: true },
];

const DATA = CASES.map((c) => {
  const classes = c.sizes[c.sizes.length - 1] as number;
  return {
    x: randn(rng, [c.n, c.sizes[0] as number]),
    weights: c.sizes.slice(1).map((m, i) => ({ W: randn(rng, [c.sizes[i] as number, m], 1 / Math.sqrt(c.sizes[i] as number)), b: randn(rng, [m], 0.3) })),
    norms: c.sizes.slice(1, -1).map((m) => ({ gamma: Float32Array.from(randn(rng, [m], 0.2), (v) => 1 + v), beta: randn(rng, [m], 0.2) })),
    labels: Int32Array.from({ length: c.n }, () => rng.int(classes)),
    targets: c.loss === 'bce' ? Float32Array.from({ length: c.n * classes }, () => rng.int(2)) : randn(rng, [c.n, classes]),
  };
});

/** The case's network as variables: its chain (last layer linear, or σ for BCE) and parameter list. */
function build(i: number): { layers: ChainLayer[]; params: tf.Variable[]; norms: BatchNormParams[] } {
  const c = CASES[i] as Case;
  const d = DATA[i] as (typeof DATA)[number];
  const last = c.sizes.length - 2;
  const params: tf.Variable[] = [];
  const norms: BatchNormParams[] = [];
  const layers = d.weights.map((w, l) => {
    const W = tf.tidy(() => tf.variable(tf.tensor2d(w.W, [c.sizes[l] as number, c.sizes[l + 1] as number])));
    const b = tf.tidy(() => tf.variable(tf.tensor1d(w.b)));
    params.push(W, b);
    const activation = l < last ? c.activation : c.loss === 'bce' ? 'sigmoid' : 'identity';
    const layer: ChainLayer = { W: W as tf.Tensor2D, b: b as tf.Tensor1D, activation };
    if (!c.norm || l === last) return layer;
    const norm = createBatchNorm(`chain${i}/${l}/${Math.random()}`, c.sizes[l + 1] as number);
    tf.tidy(() => {
      norm.gamma.assign(tf.tensor1d(d.norms[l]!.gamma));
      norm.beta.assign(tf.tensor1d(d.norms[l]!.beta));
    });
    params.push(norm.gamma, norm.beta);
    norms.push(norm);
    return { ...layer, norm };
  });
  return { layers, params, norms };
}

function lossOf(i: number): ChainLoss {
  const c = CASES[i] as Case;
  const d = DATA[i] as (typeof DATA)[number];
  const out = c.sizes[c.sizes.length - 1] as number;
  return c.loss === 'softmaxXent' ? { kind: c.loss, labels: tf.tensor1d(d.labels, 'int32') } : { kind: c.loss, targets: tf.tensor2d(d.targets, [c.n, out]) };
}

interface Result {
  loss: number;
  grads: number[][];
  running: number[];
}

/** The oracle: the same network through model.ts's layers and losses.ts, differentiated by the tape. */
function tape(i: number): Result {
  const { layers, params, norms } = build(i);
  const loss = lossOf(i);
  const x = tf.tensor2d((DATA[i] as (typeof DATA)[number]).x, [CASES[i]!.n, CASES[i]!.sizes[0] as number]);
  const { value, grads } = tf.variableGrads(() => {
    let h = x;
    for (const l of layers) {
      if (l.norm) h = activate(l.activation, batchNorm(dense(h, l.W, l.b), l.norm, true)) as tf.Tensor2D;
      else h = dense(h, l.W, l.b, l.activation);
    }
    if (loss.kind === 'softmaxXent') return softmaxCrossEntropy(h, loss.labels);
    return loss.kind === 'mse' ? mse(h, loss.targets) : bce(h, loss.targets);
  }, params);
  const out = { loss: value.dataSync()[0] as number, grads: params.map((p) => Array.from(grads[p.name]!.dataSync())), running: runningOf(norms) };
  tf.dispose([value, x, ...Object.values(grads), ...params, ...norms.flatMap((n) => [n.runningMean, n.runningVar]), ...Object.values(loss).filter((v) => v instanceof tf.Tensor)]);
  return out;
}

function chain(i: number): Result {
  const { layers, params, norms } = build(i);
  const loss = lossOf(i);
  const x = tf.tensor2d((DATA[i] as (typeof DATA)[number]).x, [CASES[i]!.n, CASES[i]!.sizes[0] as number]);
  const r = denseChainGrads(x, layers, loss);
  const grads = gradsFor(params, layers, r.grads);
  const out = { loss: r.loss.dataSync()[0] as number, grads: grads.map((g) => Array.from(g!.dataSync())), running: runningOf(norms) };
  tf.dispose([r.loss, x, ...(grads as tf.Tensor[]), ...params, ...norms.flatMap((n) => [n.runningMean, n.runningVar]), ...Object.values(loss).filter((v) => v instanceof tf.Tensor)]);
  if (r.hits) r.hits.dispose();
  return out;
}

const runningOf = (norms: BatchNormParams[]): number[] => norms.flatMap((n) => [...n.runningMean.dataSync(), ...n.runningVar.dataSync()]);

describe('tape-free dense chain on wasm vs the tape', () => {
  const cpu: Result[] = [];
  beforeAll(async () => {
    await useCpu();
    CASES.forEach((_, i) => cpu.push(tape(i)));
    await useWasm();
  });

  it('runs on wasm, not on cpu (where the fused kernels are missing)', async () => {
    expect(canRunChain()).toBe(true);
    await useCpu();
    expect(canRunChain()).toBe(false);
    await useWasm();
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: loss, gradients and running statistics match the tape on cpu and on wasm', (_name, i) => {
    const got = chain(i);
    const wasmTape = tape(i);
    for (const oracle of [cpu[i]!, wasmTape]) {
      expect(Math.abs(got.loss - oracle.loss)).toBeLessThan(1e-5 * Math.max(1, Math.abs(oracle.loss)));
      expect(got.grads.length).toBe(oracle.grads.length);
      got.grads.forEach((g, j) => {
        // A batch-normed layer's bias gets Σ of a gradient that sums to zero in exact arithmetic: compare its
        // size with the other gradients', not its relative error.
        const scale = Math.max(...oracle.grads.flat().map(Math.abs));
        const tiny = Math.max(...oracle.grads[j]!.map(Math.abs)) < 1e-5 * scale;
        if (tiny) expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-4 * scale);
        else expect(relErr(g, oracle.grads[j]!)).toBeLessThan(2e-4);
      });
      expect(relErr(got.running, oracle.running)).toBeLessThan(1e-5);
    }
  });

  it('counts the rows classified right (cross-entropy)', () => {
    const { layers, params } = build(0);
    const loss = lossOf(0) as { kind: 'softmaxXent'; labels: tf.Tensor1D };
    const x = tf.tensor2d(DATA[0]!.x, [CASES[0]!.n, 2]);
    const r = denseChainGrads(x, layers, loss);
    const logits = tf.tidy(() => layers.reduce((h, l) => dense(h, l.W, l.b, l.activation), x));
    const predicted = tf.argMax(logits, 1);
    const expected = Array.from(predicted.dataSync()).filter((p, row) => p === DATA[0]!.labels[row]).length;
    expect(r.hits!.dataSync()[0]).toBe(expected);
    tf.dispose([x, logits, predicted, r.loss, r.hits!, ...r.grads, ...params, loss.labels]);
  });

  it('hands a gradient to each parameter by identity: a fixed bias gets none, an unreached parameter null', () => {
    const { layers, params } = build(3);
    const loss = lossOf(3);
    const x = tf.tensor2d(DATA[3]!.x, [60, 1]);
    const stranger = tf.variable(tf.zeros([2]));
    const r = denseChainGrads(x, layers, loss);
    expect(chainParams(layers)).toEqual(params);
    const before = tf.memory().numTensors;
    // Only w is trained (ch02-01's line through the origin): b's gradient is disposed.
    const grads = gradsFor([params[0]!, stranger], layers, r.grads);
    expect(grads[0]).toBe(r.grads[0]);
    expect(grads[1]).toBeNull();
    expect(tf.memory().numTensors).toBe(before - 1);
    tf.dispose([x, r.loss, grads[0]!, stranger, ...params, ...Object.values(loss).filter((v) => v instanceof tf.Tensor)]);
  });

  it('refuses a target of another shape, and batch norm too large for its kernel or over one row', () => {
    const { layers, params } = build(2);
    const x = tf.tensor2d(DATA[2]!.x, [40, 1]);
    const wrong = tf.zeros([40]);
    expect(() => denseChainGrads(x, layers, { kind: 'mse', targets: wrong })).toThrow(/shape \[40,1\] and target shape \[40\] differ/);
    const normed = build(6);
    expect(canRunChain(normed.layers, 20)).toBe(true);
    expect(canRunChain(normed.layers, 1)).toBe(false);
    expect(canRunChain(normed.layers, 1000)).toBe(false);
    tf.dispose([x, wrong, ...params, ...normed.params, ...normed.norms.flatMap((n) => [n.runningMean, n.runningVar])]);
  });


  it('leaks no tensor and no wasm buffer', () => {
    for (const i of [0, 4, 6]) expect(leaks(() => chain(i))).toEqual({ tensors: 0, dataIds: 0 });
  });
});
