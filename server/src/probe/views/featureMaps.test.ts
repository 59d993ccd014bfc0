import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparams } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { buildCnn } from '../../train/nets/cnn.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { activationsOf, argMax, channelTiles, featureMapView, sampleCaption, softmaxRow } from './featureMaps.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const hp = { dropout: 0 } as Hyperparams;
const values = (a: { data: Float32Array }) => Array.from(a.data);

describe('MLP activations (evaluation mode)', () => {
  // 2 → 2 (ReLU) → 1 with W1 = [[1, −1], [2, 0]] (row = input), b1 = [0, 0.5], W2 = [[1], [1]], b2 = [0.25];
  // x = [1, 1]: z1 = [1 + 2, −1 + 0 + 0.5] = [3, −0.5], h1 = [3, 0], logits = [3.25].
  it('z, h and logits by layer, in forward order, leaving no tensor behind', () => {
    const net = buildMlp({ sizes: [2, 2, 1], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(1), { ...hp, dropout: 0.5 });
    const [W1, b1, W2, b2] = net.params as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
    W1.assign(tf.tensor2d([1, -1, 2, 0], [2, 2]));
    b1.assign(tf.tensor1d([0, 0.5]));
    W2.assign(tf.tensor2d([1, 1], [2, 1]));
    b2.assign(tf.tensor1d([0.25]));
    const before = tf.memory().numTensors;
    const a = activationsOf(net, Float32Array.of(1, 1), [1, 2]);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(a)).toEqual(['z1', 'h1', 'logits']);
    expect(values(a.z1!)).toEqual([3, -0.5]);
    expect(values(a.h1!)).toEqual([3, 0]); // no dropout in evaluation mode, whatever hp.dropout says
    expect(values(a.logits!)).toEqual([3.25]);
    net.dispose();
  });

  it('with batch norm: bn{i} normalises z with the running statistics, exposed by runningStats()', () => {
    const net = buildMlp({ sizes: [2, 2, 1], activation: 'relu', batchNorm: true, dropout: false }, 'default', createRng(1), hp);
    const i = net.names.indexOf('fc1.W');
    net.params[i]!.assign(tf.tensor2d([1, -1, 2, 0], [2, 2]));
    net.params[i + 1]!.assign(tf.tensor1d([0, 0.5]));
    const stats = net.runningStats!();
    expect(stats.map((s) => s.name)).toEqual(['bn1']);
    stats[0]!.mean.assign(tf.tensor1d([1, 0]));
    stats[0]!.variance.assign(tf.tensor1d([4, 1]));
    const a = activationsOf(net, Float32Array.of(1, 1), [1, 2]);
    expect(Object.keys(a)).toEqual(['z1', 'bn1', 'h1', 'logits']);
    // (3 − 1)/√(4 + 1e-5) and (−0.5 − 0)/√(1 + 1e-5)
    expect(a.bn1!.data[0]).toBeCloseTo(2 / Math.sqrt(4 + 1e-5), 6);
    expect(a.bn1!.data[1]).toBeCloseTo(-0.5 / Math.sqrt(1 + 1e-5), 6);
    expect(a.h1!.data[1]).toBe(0);
    net.dispose();
  });

  it('with batch norm after the activation: bn{i} = BN(h{i}) feeds the next layer, as forward() does', () => {
    const net = buildMlp({ sizes: [2, 2, 1], activation: 'relu', batchNorm: true, batchNormAfter: true, dropout: false }, 'default', createRng(1), hp);
    const i = net.names.indexOf('fc1.W');
    net.params[i]!.assign(tf.tensor2d([1, -1, 2, 0], [2, 2]));
    net.params[i + 1]!.assign(tf.tensor1d([0, 0.5]));
    const [bn] = net.runningStats!();
    bn!.mean.assign(tf.tensor1d([1, 0]));
    bn!.variance.assign(tf.tensor1d([4, 1]));
    const a = activationsOf(net, Float32Array.of(1, 1), [1, 2]);
    expect(Object.keys(a)).toEqual(['z1', 'h1', 'bn1', 'logits']);
    // h1 = ReLU([3, −0.5]) = [3, 0]; BN: [(3 − 1)/√(4 + ε), (0 − 0)/√(1 + ε)]
    expect(values(a.h1!)).toEqual([3, 0]);
    expect(a.bn1!.data[0]).toBeCloseTo(2 / Math.sqrt(4 + 1e-5), 6);
    expect(a.bn1!.data[1]).toBe(0);
    const logits = tf.tidy(() => net.forward(tf.tensor2d([1, 1], [1, 2]), false).dataSync()[0]);
    expect(a.logits!.data[0]).toBeCloseTo(logits!, 6);
    net.dispose();
  });
});

describe('CNN activations and feature maps', () => {
  it('conv, activation and pool maps of a 3×3 input agree with the convolution done by hand', () => {
    // conv 1→1, 2×2 kernel [[1, 2], [0, −1]], bias −4, on x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]:
    // out(r, c) = x(r, c) + 2·x(r, c+1) − x(r+1, c+1) − 4 = [[−4, −2], [2, 4]]; ReLU [[0, 0], [2, 4]];
    // max-pool 2 stride 1 → [[4]]; fc [1 → 2] with W [[1, −1]], b 0 → logits [4, −4].
    const net = buildCnn(
      { side: 3, inCh: 1, convs: [{ out: 1, k: 2, pad: 0 }], pool: 2, poolStride: 1, classes: 2, activation: 'relu', batchNorm: false },
      'default',
      createRng(1),
    );
    const [cW, cb, fW, fb] = net.params as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
    cW.assign(tf.tensor4d([1, 2, 0, -1], [2, 2, 1, 1]));
    cb.assign(tf.tensor1d([-4]));
    fW.assign(tf.tensor2d([1, -1], [1, 2]));
    fb.assign(tf.zeros([2]));
    const before = tf.memory().numTensors;
    const a = activationsOf(net, Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), [1, 9]);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(a)).toEqual(['conv1', 'act1', 'pool1', 'logits']);
    expect(a.conv1!.shape).toEqual([1, 2, 2, 1]);
    expect(values(a.conv1!)).toEqual([-4, -2, 2, 4]);
    expect(values(a.act1!)).toEqual([0, 0, 2, 4]);
    expect(values(a.pool1!)).toEqual([4]);
    expect(values(a.logits!)).toEqual([4, -4]);
    const v = featureMapView('m', 'conv1 output', a.conv1!, 'diverging');
    expect(v.fields.m!.dims).toEqual([1, 2, 2]);
    expect(Array.from(v.fields.m!.data)).toEqual([-4, -2, 2, 4]);
    net.dispose();
  });

  it('channelTiles turns one NHWC map [H, W, C] into C tiles [H, W]', () => {
    // pixel p, channel c holds 10·c + p
    expect(Array.from(channelTiles([0, 10, 1, 11, 2, 12, 3, 13], 2, 2, 2))).toEqual([0, 1, 2, 3, 10, 11, 12, 13]);
    expect(() => channelTiles([1, 2, 3], 2, 2, 1)).toThrow(RangeError);
  });
});

describe('sample captions', () => {
  it('softmax, arg max and the caption "#index: true → predicted (probability)"', () => {
    const p = softmaxRow([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(argMax([1, 5, 5, 2])).toBe(1);
    expect(sampleCaption(5, 0, [0, Math.log(3)])).toBe('#5: 0 → 1 (0.75)');
    expect(sampleCaption(0, 1, [2, 0], ['vertical', 'horizontal'])).toBe('#0: horizontal → vertical (0.88)');
  });
});
