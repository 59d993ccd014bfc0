/**
 * Slices of small nets on wasm (the fused kernels the lessons run on) and on cpu (where every batched way is
 * allowed): the centre is the net's own evaluation-mode loss on the probe batch (the oracle), the shared-work
 * slice equals the naive one to float32 rounding for an MLP, a CNN and a batch-norm network, batched passes equal
 * point-by-point ones, coarse levels are the fine grid's points, and no tensor outlives a slice.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HYPERPARAM_DEFAULTS } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/select.ts';
import { createRng } from '../../data/prng.ts';
import type { EvalHead } from '../../train/evalOps.ts';
import { type LandscapeSource, landscapeSource, probeTensors } from '../../train/landscapeSource.ts';
import { bce, softmaxCrossEntropy } from '../../train/losses.ts';
import { buildCnn } from '../../train/nets/cnn.ts';
import { buildMlp, type Net } from '../../train/nets/mlp.ts';
import { memoryRows, memoryTargets } from '../../lessons/memoryRows.ts';
import { livePlane } from './directions.ts';
import { readParams } from './paramArrays.ts';
import type { Plane } from './project.ts';
import { computeSlice, type SliceOptions, SliceJob } from './slice.ts';
import { type SliceWay, SlicePlan } from './slicePlan.ts';

const hp = { ...HYPERPARAM_DEFAULTS };
const ROWS = 120;

interface Subject {
  net: Net;
  source: LandscapeSource;
}

/** A net with a source over ROWS random samples (the probe batch is all of them); labels 0…classes − 1. */
function classifier(net: Net, xDim: number, classes: number): Subject {
  const rng = createRng(17);
  const x = Float32Array.from({ length: ROWS * xDim }, () => rng.normal());
  const y = Int32Array.from({ length: ROWS }, (_, i) => i % classes);
  // A few training-mode passes: batch norm's running statistics move off 0 and 1.
  for (let i = 0; i < 3; i++) tf.dispose(tf.tidy(() => net.forward(tf.tensor2d(x, [ROWS, xDim]), true)));
  return { net, source: landscapeSource(net, { loss: 'softmaxXent' }, memoryRows({ xDim, x, y }))! };
}

const nets = {
  linear: () => classifier(buildMlp({ sizes: [20, 4], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(7), hp), 20, 4),
  mlp: () => classifier(buildMlp({ sizes: [20, 16, 12, 4], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(1), hp), 20, 4),
  cnn: () =>
    classifier(
      buildCnn({ side: 8, inCh: 1, convs: [{ out: 4, k: 3, pad: 1 }, { out: 3, k: 3, pad: 1 }], pool: 2, classes: 3, activation: 'relu', batchNorm: false }, 'default', createRng(2)),
      64,
      3,
    ),
  batchNorm: () =>
    classifier(buildMlp({ sizes: [10, 8, 8, 3], activation: 'sigmoid', batchNorm: true, dropout: false }, 'default', createRng(3), hp), 10, 3),
  cnnBatchNorm: () =>
    classifier(
      buildCnn({ side: 6, inCh: 1, convs: [{ out: 3, k: 3, pad: 1 }], pool: 2, classes: 3, activation: 'relu', batchNorm: true }, 'default', createRng(4)),
      36,
      3,
    ),
};

/** A plane along which every parameter moves, biases and batch norm's γ, β too (as a trajectory's PCA plane does). */
function generalPlane(source: LandscapeSource): Plane {
  const rng = createRng(6);
  const centre = readParams(source.params.map((p) => p.variable));
  const draw = (): Float32Array[] => centre.map((c) => Float32Array.from(c, () => 0.3 * rng.normal()));
  return { centre, d1: draw(), d2: draw() };
}

/** The ways a net allows (naive first), each batched one capped at 4 points so the small grids take several passes. */
function waysOf(source: LandscapeSource, plane: Plane): SliceWay[] {
  const plan = new SlicePlan(source, plane);
  plan.dispose();
  return plan.ways.map((w) => ({ ...w, batch: Math.min(w.batch, 4) }));
}

const small: Pick<SliceOptions, 'levels' | 'range'> = { levels: [3, 5], range: 0.8 };

function expectClose(a: Float32Array, b: Float32Array, what: string): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] as number)), `${what} [${i}]: ${v} vs ${b[i]}`).toBeLessThanOrEqual(2e-5 * Math.max(1, Math.abs(v))));
}

describe.each(['wasm', 'cpu'] as const)('loss-landscape slices on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend(backend);
  });

  it('have at their centre the net\'s own evaluation-mode loss on the probe batch, whichever way they are computed', () => {
    for (const [name, make] of Object.entries(nets)) {
      const { net, source } = make();
      const { x, y } = probeTensors(source.probe());
      // The oracle: the model's forward pass in evaluation mode on the live variables, then the training loss.
      const oracle = tf.tidy(() => softmaxCrossEntropy(net.forward(x, false) as tf.Tensor2D, y as tf.Tensor1D));
      const want = (oracle.dataSync() as Float32Array)[0] as number;
      tf.dispose([x, y, oracle]);
      const plane = livePlane(source, 5);
      for (const way of waysOf(source, plane)) {
        const { levels } = computeSlice(source, plane, { ...small, method: way });
        for (const level of levels) {
          const centre = level.values[(level.n * level.n - 1) / 2] as number;
          expect(Math.abs(centre - want), `${name} ${way.from}×${way.batch} ${level.n}×${level.n}: ${centre} vs ${want}`).toBeLessThan(1e-5 * Math.max(1, want));
        }
      }
      net.dispose();
    }
  });

  it('give the naive slice to float32 rounding every other way: shared first layer, batched (MLP, CNN, batch norm)', () => {
    const seen = new Set<string>();
    for (const [name, make] of Object.entries(nets)) {
      const { net, source } = make();
      for (const [planeName, plane] of [['random', livePlane(source, 5)], ['every parameter', generalPlane(source)]] as const) {
        const naive = computeSlice(source, plane, { ...small, method: 'naive' });
        // The surface is not flat: the plane does move the loss.
        expect(Math.max(...naive.job.values) - Math.min(...naive.job.values)).toBeGreaterThan(1e-3);
        for (const way of waysOf(source, plane).slice(1)) {
          seen.add(`${name} ${way.from}${way.batch > 1 ? ' batched' : ''}`);
          expectClose(computeSlice(source, plane, { ...small, method: way }).job.values, naive.job.values, `${name}, ${planeName} plane, ${way.from}×${way.batch}`);
        }
      }
      net.dispose();
    }
    // CNNs share conv1 but go point by point; a one-layer net's loss is taken in JS from its shared output; on
    // wasm only passes without a dense layer are batched.
    for (const w of ['linear first', 'mlp first', 'cnn first', 'cnnBatchNorm first']) expect(seen).toContain(w);
    for (const w of ['cnn first batched', 'linear first batched']) expect(seen).not.toContain(w);
    const batched = ['mlp first batched', 'mlp input batched', 'batchNorm first batched', 'linear input batched'];
    for (const w of batched) expect(seen.has(w), w).toBe(backend === 'cpu');
  });

  it('time every way on a model\'s first slice, keep the fastest, and reuse it for the model\'s next slices', () => {
    const { net, source } = nets.mlp();
    const plane = generalPlane(source);
    const finer = { range: 0.8 };
    const first = computeSlice(source, plane, { ...finer });
    const fastest = first.job.trials.reduce((a, b) => (b.msPerPoint < a.msPerPoint ? b : a));
    expect(first.job.trials.length).toBe(waysOf(source, plane).length);
    expect(first.job.way).toBe(fastest.way);
    expectClose(first.job.values, computeSlice(source, plane, { ...finer, method: 'naive' }).job.values, 'auto');
    const next = new SliceJob(source, plane, finer);
    expect(next.way).toBe(fastest.way);
    next.dispose();
    const cnn = nets.cnn();
    expect(() => computeSlice(cnn.source, livePlane(cnn.source, 5), { ...small, method: { from: 'first', batch: 4 } })).toThrow(/no first × 4 way/);
    cnn.net.dispose();
    net.dispose();
  });

  it('refine 9×9 → 17×17 → 33×33, each level holding the coarser one\'s points, in passes of a set budget', () => {
    const { net, source } = nets.mlp();
    const job = new SliceJob(source, livePlane(source, 5), { range: 1 });
    const seen: number[] = [];
    let calls = 0;
    while (!job.done) {
      seen.push(...job.run(5).map((l) => l.n));
      calls += 1;
    }
    expect(seen).toEqual([9, 17, 33]);
    expect(calls).toBeGreaterThan(1);
    const [l9, l17, l33] = job.completed as [(typeof job.completed)[0], (typeof job.completed)[0], (typeof job.completed)[0]];
    for (let j = 0; j < 9; j++) for (let i = 0; i < 9; i++) expect(l9.values[j * 9 + i]).toBe(l33.values[4 * j * 33 + 4 * i]);
    for (let j = 0; j < 17; j++) for (let i = 0; i < 17; i++) expect(l17.values[j * 17 + i]).toBe(l33.values[2 * j * 33 + 2 * i]);
    expect(l33.values.every(Number.isFinite)).toBe(true);
    expect(l9.workMs).toBeLessThanOrEqual(l33.workMs);
    job.dispose();
    net.dispose();
  });

  it('leaves no tensor behind and never touches the live variables', () => {
    const { net, source } = nets.batchNorm();
    const plane = generalPlane(source);
    const before = readParams(source.params.map((p) => p.variable));
    const count = tf.memory().numTensors;
    for (const way of waysOf(source, plane)) computeSlice(source, plane, { ...small, method: way });
    const stopped = new SliceJob(source, plane, small);
    stopped.run(0);
    stopped.dispose();
    expect(tf.memory().numTensors).toBe(count);
    readParams(source.params.map((p) => p.variable)).forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(before[i]!)));
    net.dispose();
  });

  it('score regression heads: BCE on a sigmoid output, batched and not', () => {
    const rng = createRng(8);
    const net = buildMlp({ sizes: [2, 6, 1], activation: 'tanh', batchNorm: false, dropout: false }, 'default', createRng(9), hp);
    const x = Float32Array.from({ length: 2 * ROWS }, () => rng.normal());
    const y = Float32Array.from({ length: ROWS }, (_, i) => i % 2);
    const head: EvalHead = { loss: 'bce', output: 'sigmoid' };
    const source = landscapeSource(net, head, memoryTargets({ xDim: 2, x, y }))!;
    const oracle = tf.tidy(() => bce(tf.sigmoid(net.forward(tf.tensor2d(x, [ROWS, 2]), false)), tf.tensor2d(y, [ROWS, 1])));
    const plane = generalPlane(source);
    const loop = computeSlice(source, plane, { ...small, method: 'naive' });
    expect(loop.levels[1]!.values[12]).toBeCloseTo((oracle.dataSync() as Float32Array)[0] as number, 5);
    for (const way of waysOf(source, plane).slice(1)) expectClose(computeSlice(source, plane, { ...small, method: way }).job.values, loop.job.values, `BCE ${way.from}×${way.batch}`);
    oracle.dispose();
    net.dispose();
  });
});

