/**
 * A model's landscape source: its probe batch (seeded, the set's own order, a shuffled epoch left where it was), the
 * roles of its parameters, and its evaluation-mode loss at the live or at other parameter values, which leaves
 * the variables alone.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { HYPERPARAM_DEFAULTS } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/prng.ts';
import { memoryRows } from '../lessons/memoryRows.ts';
import { landscapeSource, PROBE_SAMPLES, probeRows, probeTensors } from './landscapeSource.ts';
import { softmaxCrossEntropy } from './losses.ts';
import { buildMlp } from './nets/mlp.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const N = 1500;
const rng = createRng(4);
const set = { xDim: 3, x: Float32Array.from({ length: 3 * N }, () => rng.normal()), y: Int32Array.from({ length: N }, (_, i) => i % 2) };
const net = () => buildMlp({ sizes: [3, 4, 2], activation: 'relu', batchNorm: true, dropout: true }, 'default', createRng(1), HYPERPARAM_DEFAULTS);

describe('landscapeSource', () => {
  it('draws PROBE_SAMPLES training rows, the same every time, without moving a shuffled epoch', () => {
    const rows = memoryRows(set, { shuffle: createRng(2) });
    const batch = () => tf.tidy(() => Array.from(rows.rows(0, 5).y.dataSync()));
    const before = batch();
    const a = probeRows(rows);
    expect(a.n).toBe(PROBE_SAMPLES);
    expect(a.xDim).toBe(3);
    expect(a.y).toBeInstanceOf(Int32Array);
    expect(Array.from(probeRows(rows).x)).toEqual(Array.from(a.x));
    expect(batch()).toEqual(before);
    // A set smaller than the sample gives all of itself.
    expect(probeRows(memoryRows({ ...set, x: set.x.subarray(0, 30), y: set.y.subarray(0, 10) })).n).toBe(10);
  });

  it('says which parameters are filters, and offers nothing for two parameters or fewer', () => {
    const n = net();
    const source = landscapeSource(n, { loss: 'softmaxXent' }, memoryRows(set))!;
    expect(source.params.map((p) => `${p.name}:${p.role}`)).toEqual(['fc1.W:weight', 'fc1.b:bias', 'bn1.gamma:norm', 'bn1.beta:norm', 'fc2.W:weight', 'fc2.b:bias']);
    const line = buildMlp({ sizes: [1, 1], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(1), HYPERPARAM_DEFAULTS);
    expect(landscapeSource(line, { loss: 'mse', output: 'identity' }, memoryRows(set))).toBeUndefined();
    n.dispose();
    line.dispose();
  });

  it('evaluates the loss in evaluation mode at the live values and at others, never assigning a variable', () => {
    const n = net();
    const source = landscapeSource(n, { loss: 'softmaxXent' }, memoryRows(set))!;
    // Batch norm's running statistics off their start, and dropout that evaluation mode must switch off.
    tf.dispose(tf.tidy(() => n.forward(tf.tensor2d(set.x, [N, 3]), true)));
    const { x, y } = probeTensors(source.probe());
    const oracle = tf.tidy(() => softmaxCrossEntropy(n.forward(x, false) as tf.Tensor2D, y as tf.Tensor1D));
    const live = source.evalLoss();
    expect(live.dataSync()[0]).toBeCloseTo(oracle.dataSync()[0]!, 6);
    const before = n.params.map((p) => Array.from(p.dataSync()));
    const doubled = n.params.map((p) => tf.mul(p, 2));
    const moved = source.evalLoss(doubled);
    expect(Math.abs(moved.dataSync()[0]! - live.dataSync()[0]!)).toBeGreaterThan(1e-4);
    n.params.forEach((p, i) => expect(Array.from(p.dataSync())).toEqual(before[i]));
    tf.dispose([x, y, oracle, live, moved, ...doubled]);
    n.dispose();
  });
});
