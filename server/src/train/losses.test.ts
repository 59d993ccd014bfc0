// tfjs-core registers no gradient functions itself; backend/gradients.ts loads them (see there).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../backend/gradients.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { threshold1d } from '../data/synthetic.ts';
import { bce, mse, softmaxCrossEntropy, softmaxCrossEntropyWithHits } from './losses.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

describe('softmax cross-entropy (formula 9)', () => {
  it('logits [1,2,3] → 0.407606 for label 2 and 2.407606 for label 0; the mean over rows', () => {
    const z = tf.tensor2d([[1, 2, 3]]);
    expect(value(softmaxCrossEntropy(z, [2]))).toBeCloseTo(0.407606, 5);
    expect(value(softmaxCrossEntropy(z, Int32Array.of(0)))).toBeCloseTo(2.407606, 5);
    const z2 = tf.tensor2d([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(value(softmaxCrossEntropy(z2, tf.tensor1d([2, 0], 'int32')))).toBeCloseTo((0.407606 + 2.407606) / 2, 5);
    tf.dispose([z, z2]);
  });

  it('stays finite for huge logits (logsumexp form)', () => {
    const z = tf.tensor2d([[1000, 0, -1000]]);
    expect(value(softmaxCrossEntropy(z, [1]))).toBeCloseTo(1000, 3);
    z.dispose();
  });

  it('gradient = (softmax − onehot)/N', () => {
    const z = tf.tensor2d([
      [1, 2, 3],
      [0.5, -1, 2],
    ]);
    const g = tf.grad((x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, [2, 1]))(z);
    const p = tf.softmax(z).arraySync() as number[][];
    const expected = [
      [p[0]![0]! / 2, p[0]![1]! / 2, (p[0]![2]! - 1) / 2],
      [p[1]![0]! / 2, (p[1]![1]! - 1) / 2, p[1]![2]! / 2],
    ];
    (g.arraySync() as number[][]).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 6)));
    tf.dispose([z, g]);
  });

  it('leaves no tensor behind, labels given as an array or a tensor, with or without a gradient', () => {
    const z = tf.tensor2d([[1, 2, 3], [0, 5, 1]]);
    const y = tf.tensor1d([2, 1], 'int32');
    const before = tf.memory().numTensors;
    value(softmaxCrossEntropy(z, [2, 1]));
    value(softmaxCrossEntropy(z, y));
    // Called directly (no tidy around it): only the loss and the hit count are the caller's.
    const { loss, hits } = softmaxCrossEntropyWithHits(z, [2, 1]);
    expect(value(hits)).toBe(2);
    value(loss);
    tf.grad((x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, [2, 1]))(z).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, y]);
  });

  it('rejects a label count that does not match the rows', () => {
    const z = tf.tensor2d([[1, 2, 3]]);
    expect(() => softmaxCrossEntropy(z, [0, 1])).toThrow(/labels/);
    z.dispose();
  });
});

describe('binary cross-entropy', () => {
  it('ŷ = 0.8 → 0.223144 for y = 1 and 1.609438 for y = 0', () => {
    const p = tf.tensor1d([0.8]);
    expect(value(bce(p, tf.tensor1d([1])))).toBeCloseTo(0.223144, 5);
    expect(value(bce(p, tf.tensor1d([0])))).toBeCloseTo(1.609438, 5);
    p.dispose();
  });

  it('ch05-02 at init (w = −5, b = −10): BCE = 4.5509, MSE = 0.35000', () => {
    // The ch05-02 set (x = −1…0.9, y = 1 for x > 0.2), ŷ = σ(−5x − 10).
    const d = threshold1d();
    const yhat = tf.sigmoid(tf.add(tf.mul(tf.tensor1d(d.x), -5), -10));
    const y = tf.tensor1d(Float32Array.from(d.labels));
    expect(value(bce(yhat, y))).toBeCloseTo(4.5509, 3);
    expect(value(mse(yhat, y))).toBeCloseTo(0.35, 4);
    tf.dispose([yhat, y]);
  });

  it('log clamped at −100 like PyTorch: ŷ = 0 with y = 1 costs 100, and the gradient stays finite', () => {
    const p = tf.tensor1d([0, 1]);
    const y = tf.tensor1d([1, 0]);
    expect(value(bce(p, y))).toBeCloseTo(100, 4);
    const g = tf.grad((x: tf.Tensor) => bce(x, y))(p);
    g.dataSync().forEach((v) => expect(Number.isFinite(v)).toBe(true));
    tf.dispose([p, y, g]);
  });

  it('gradient matches central finite differences, and (ŷ − y)/(ŷ(1−ŷ))/n', () => {
    const pv = [0.2, 0.5, 0.9, 0.65];
    const yv = [1, 0, 1, 0];
    const p = tf.tensor1d(pv);
    const y = tf.tensor1d(yv);
    const g = tf.grad((x: tf.Tensor) => bce(x, y))(p).dataSync();
    const f = (q: number[]) => -q.reduce((s, qi, i) => s + yv[i]! * Math.log(qi) + (1 - yv[i]!) * Math.log(1 - qi), 0) / 4;
    pv.forEach((pi, i) => {
      const h = 1e-6;
      const fd = (f(pv.map((q, j) => (j === i ? q + h : q))) - f(pv.map((q, j) => (j === i ? q - h : q)))) / (2 * h);
      expect(g[i]).toBeCloseTo(fd, 4);
      expect(g[i]).toBeCloseTo((pi - yv[i]!) / (pi * (1 - pi)) / 4, 5);
    });
    tf.dispose([p, y]);
  });

  it('refuses [N,1] predictions against [N] targets (issue 9)', () => {
    const p = tf.ones([3, 1]);
    const y = tf.ones([3]);
    expect(() => bce(p, y)).toThrow(/shape/);
    expect(() => mse(p, y)).toThrow(/shape/);
    tf.dispose([p, y]);
  });
});

describe('mean squared error', () => {
  it('mean((ŷ − y)²) over all elements, gradient 2(ŷ − y)/n', () => {
    const yhat = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const y = tf.tensor2d([
      [0, 2],
      [1, 8],
    ]);
    expect(value(mse(yhat, y))).toBeCloseTo((1 + 0 + 4 + 16) / 4, 6);
    const g = tf.grad((x: tf.Tensor) => mse(x, y))(yhat);
    expect(Array.from(g.dataSync())).toEqual([0.5, 0, 1, -2]);
    tf.dispose([yhat, y, g]);
  });
});
