// tfjs-core registers no gradient functions itself; backend/gradients.ts loads them (see there).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../backend/gradients.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/prng.ts';
import {
  activate,
  applyDropoutMask,
  batchNorm,
  conv2d,
  createBatchNorm,
  createConv2d,
  createDense,
  dense,
  dropout,
  dropoutMask,
  flatten,
  maxPool,
  type BatchNormParams,
} from './model.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Input {
  values: Float32Array;
  shape: number[];
}

function randomInput(shape: number[], seed: number, scale = 1): Input {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return { values: Float32Array.from({ length: n }, () => scale * rng.normal()), shape };
}

/**
 * Compares tf.grads of f at `inputs` with central finite differences (h = 1e-2, float32) on up to
 * `perInput` coordinates of each input. f must return a scalar; we use Σ out ⊙ R with a fixed random R so
 * every output element contributes with its own weight.
 */
function checkGradients(f: (xs: tf.Tensor[]) => tf.Scalar, inputs: Input[], perInput = 12, h = 1e-2) {
  const tensors = inputs.map((i) => tf.tensor(i.values, i.shape));
  const analytic = tf.grads((...xs: tf.Tensor[]) => f(xs))(tensors).map((g) => g.dataSync().slice());
  const evalAt = (k: number, j: number, delta: number) =>
    tf.tidy(() => {
      const xs = inputs.map((inp, m) => {
        const v = inp.values.slice();
        if (m === k) v[j]! += delta;
        return tf.tensor(v, inp.shape);
      });
      return f(xs).dataSync()[0]!;
    });
  let checked = 0;
  inputs.forEach((inp, k) => {
    const rng = createRng(100 + k);
    const coords = inp.values.length <= perInput ? [...inp.values.keys()] : Array.from({ length: perInput }, () => rng.int(inp.values.length));
    for (const j of coords) {
      const numeric = (evalAt(k, j, h) - evalAt(k, j, -h)) / (2 * h);
      const a = analytic[k]![j]!;
      expect(Math.abs(a - numeric), `input ${k} coordinate ${j}: analytic ${a} vs numeric ${numeric}`).toBeLessThan(
        3e-3 * Math.max(1, Math.abs(numeric)),
      );
      checked++;
    }
  });
  tf.dispose(tensors);
  expect(checked).toBeGreaterThan(0);
}

/** Σ out ⊙ R for a fixed random R of out's shape: a scalar whose gradient weights each output differently. */
function weightedSum(out: tf.Tensor, seed: number): tf.Scalar {
  const r = randomInput(out.shape, seed);
  return tf.sum(tf.mul(out, tf.tensor(r.values, r.shape))) as tf.Scalar;
}

const arr = (t: tf.Tensor) => {
  const v = t.arraySync();
  t.dispose();
  return v;
};

describe('dense', () => {
  it('x·W + b', () => {
    // ch04-01 part 1: w = [2, 3]ᵀ, b = 1 → ŷ for rows [1,1], [1,2], [1,3] = [6, 9, 12].
    const y = dense(tf.tensor2d([[1, 1], [1, 2], [1, 3]]), tf.tensor2d([[2], [3]]), tf.tensor1d([1]));
    expect(arr(y)).toEqual([[6], [9], [12]]);
  });

  it('gradients w.r.t. x, W and b match finite differences', () => {
    checkGradients(
      ([x, W, b]) => weightedSum(dense(x as tf.Tensor2D, W as tf.Tensor2D, b as tf.Tensor1D), 9),
      [randomInput([5, 4], 1), randomInput([4, 3], 2), randomInput([3], 3)],
    );
  });

  it('createDense: named variables of the right shapes, default-init bounds', () => {
    const p = createDense('t-dense', 784, 10, 'default', createRng(1));
    expect(p.W.shape).toEqual([784, 10]);
    expect(p.b.shape).toEqual([10]);
    expect(p.W.name).toBe('t-dense/W');
    expect(Math.max(...p.b.dataSync())).toBeLessThanOrEqual(1 / 28);
    tf.dispose([p.W, p.b]);
  });
});

describe('conv2d and pooling (ch09-01/02 worked outputs)', () => {
  const sobelX = [
    [1, 0, -1],
    [2, 0, -2],
    [1, 0, -1],
  ];
  const kernel = (k: number[][]) => tf.tensor4d(k.flat(), [k.length, k[0]!.length, 1, 1]);
  const image = (rows: number[][]) => tf.tensor4d(rows.flat(), [1, rows.length, rows[0]!.length, 1]);
  const squeeze = (t: tf.Tensor) => arr(tf.squeeze(t, [0, 3])) as number[][];

  it('Sobel-x on a vertical line gives rows [−4, 0, 4]; ReLU gives [0, 0, 4]', () => {
    const img = image(Array.from({ length: 5 }, () => [0, 0, 1, 0, 0]));
    const y = conv2d(img, kernel(sobelX), tf.tensor1d([0]));
    expect(squeeze(tf.clone(y))).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    expect(squeeze(activate('relu', y))).toEqual([[0, 0, 4], [0, 0, 4], [0, 0, 4]]);
  });

  it('2×2 ones kernel on a 4×4 ones image: stride 1, 2, 3, and stride 3 with padding 1', () => {
    const img = image(Array.from({ length: 4 }, () => [1, 1, 1, 1]));
    const k = kernel([[1, 1], [1, 1]]);
    const b = tf.tensor1d([0]);
    expect(squeeze(conv2d(img, k, b))).toEqual(Array.from({ length: 3 }, () => [4, 4, 4]));
    expect(squeeze(conv2d(img, k, b, { stride: 2 }))).toEqual([[4, 4], [4, 4]]);
    expect(squeeze(conv2d(img, k, b, { stride: 3 }))).toEqual([[4]]);
    expect(squeeze(conv2d(img, k, b, { stride: 3, pad: 1 }))).toEqual([[1, 2], [2, 4]]);
  });

  it('max pooling: kernel 2 stride 1 and kernel 2 default stride', () => {
    const img = image([[1, 2, 3, -4], [0, 2, -3, 0], [0, 2, 3, 1], [0, 0, 0, 0]]);
    expect(squeeze(maxPool(img, 2, 1))).toEqual([[2, 3, 3], [2, 3, 3], [2, 3, 3]]);
    expect(squeeze(maxPool(img, 2))).toEqual([[2, 3], [2, 3]]);
  });

  it('ch09-05 shapes: 16×16 → conv5 pad2 → pool → conv5 pad2 → pool → flatten 512', () => {
    const rng = createRng(5);
    const c1 = createConv2d('t-c1', 5, 1, 16, 'default', rng);
    const c2 = createConv2d('t-c2', 5, 16, 32, 'default', rng);
    const out = tf.tidy(() => {
      let h = tf.zeros([2, 16, 16, 1]) as tf.Tensor4D;
      h = maxPool(activate('relu', conv2d(h, c1.W as tf.Tensor4D, c1.b as tf.Tensor1D, { pad: 2 })) as tf.Tensor4D, 2);
      h = maxPool(activate('relu', conv2d(h, c2.W as tf.Tensor4D, c2.b as tf.Tensor1D, { pad: 2 })) as tf.Tensor4D, 2);
      return flatten(h);
    });
    expect(out.shape).toEqual([2, 512]);
    tf.dispose([out, c1.W, c1.b, c2.W, c2.b]);
  });

  it.each([
    [{ stride: 1, pad: 2 }, [2, 6, 6, 2], [5, 5, 2, 3]],
    [{ stride: 2, pad: 1 }, [2, 7, 7, 1], [3, 3, 1, 2]],
    [{ stride: 1, pad: 'valid' as const }, [1, 5, 5, 2], [2, 2, 2, 1]],
  ])('gradients w.r.t. x, W and b match finite differences (%o)', (opts, xShape, wShape) => {
    checkGradients(
      ([x, W, b]) => weightedSum(conv2d(x as tf.Tensor4D, W as tf.Tensor4D, b as tf.Tensor1D, opts), 11),
      [randomInput(xShape, 4), randomInput(wShape, 5, 0.3), randomInput([wShape[3]!], 6)],
    );
  });
});

describe('dropout (formula 6)', () => {
  it('worked: [1,2,3,4] with keep mask [1,0,1,0], p = 0.5 → [2,0,6,0]', () => {
    expect(arr(applyDropoutMask(tf.tensor1d([1, 2, 3, 4]), Float32Array.of(1, 0, 1, 0), 0.5))).toEqual([2, 0, 6, 0]);
  });

  it('identity at p = 0 or in eval mode (same tensor, no random draw)', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const rng = createRng(1);
    expect(dropout(x, 0, true, rng)).toBe(x);
    expect(dropout(x, 0.5, false, rng)).toBe(x);
    expect(rng.uniform()).toBe(createRng(1).uniform());
    x.dispose();
  });

  it('keeps the expectation: mean over 400 masks ≈ input; drop fraction ≈ p', () => {
    const x = tf.tensor1d([1, -2, 3, 4, 0.5]);
    const rng = createRng(3);
    const p = 0.3;
    const sum = new Float64Array(5);
    let zeros = 0;
    const trials = 400;
    for (let k = 0; k < trials; k++) {
      const y = dropout(x, p, true, rng);
      y.dataSync().forEach((v, i) => {
        sum[i]! += v;
        if (v === 0) zeros++;
      });
      y.dispose();
    }
    // Each output is x/(1−p) w.p. 1−p: its mean over 400 draws has std |x|·√(p/(1−p))/20 ≈ 0.033·|x|.
    [1, -2, 3, 4, 0.5].forEach((xi, i) => expect(Math.abs(sum[i]! / trials - xi)).toBeLessThan(0.15 * Math.abs(xi)));
    expect(zeros / (5 * trials)).toBeCloseTo(p, 1);
    x.dispose();
  });

  it('masks are deterministic per seed', () => {
    expect(Array.from(dropoutMask(50, 0.5, createRng(9)))).toEqual(Array.from(dropoutMask(50, 0.5, createRng(9))));
    expect(Array.from(dropoutMask(50, 0.5, createRng(9)))).not.toEqual(Array.from(dropoutMask(50, 0.5, createRng(10))));
    expect(() => dropoutMask(3, 1, createRng(1))).toThrow(RangeError);
  });

  it('gradient flows only through kept units, scaled by 1/(1−p)', () => {
    const mask = Float32Array.of(1, 0, 1, 1);
    const g = tf.grad((x: tf.Tensor) => tf.sum(applyDropoutMask(x, mask, 0.2)))(tf.tensor1d([1, 2, 3, 4]));
    expect(Array.from(g.dataSync())).toEqual([1.25, 0, 1.25, 1.25]);
    g.dispose();
  });
});

describe('batch norm (formula 8)', () => {
  const fresh = (f: number): BatchNormParams => createBatchNorm(`t-bn-${Math.random()}`, f);
  const disposeBn = (p: BatchNormParams) => tf.dispose([p.gamma, p.beta, p.runningMean, p.runningVar]);

  it('worked 2-D: z = [1,2,3,4] → ẑ = [−1.341635, −0.447212, 0.447212, 1.341635]; running 0.25 / 1.066667', () => {
    const p = fresh(1);
    const out = batchNorm(tf.tensor2d([[1], [2], [3], [4]]), p, true).dataSync();
    [-1.341635, -0.447212, 0.447212, 1.341635].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
    expect(p.runningMean.dataSync()[0]).toBeCloseTo(0.25, 6);
    expect(p.runningVar.dataSync()[0]).toBeCloseTo(1.066667, 5);
    disposeBn(p);
  });

  it('worked 4-D NHWC: per channel over N·H·W; a second channel with its own statistics', () => {
    const p = fresh(2);
    // x [2, 1, 2, 2]: channel 0 holds 1, 2, 3, 4; channel 1 holds 10, 10, 20, 20 (μ 15, σ² 25, unbiased 100/3).
    const x = tf.tensor4d([1, 10, 2, 10, 3, 20, 4, 20], [2, 1, 2, 2]);
    const out = batchNorm(x, p, true).dataSync();
    [-1.341635, -0.447212, 0.447212, 1.341635].forEach((v, i) => expect(out[2 * i]).toBeCloseTo(v, 5));
    [-1, -1, 1, 1].forEach((v, i) => expect(out[2 * i + 1]).toBeCloseTo(v * Math.sqrt(25 / (25 + 1e-5)), 5));
    const rm = p.runningMean.dataSync();
    const rv = p.runningVar.dataSync();
    expect(rm[0]).toBeCloseTo(0.25, 6);
    expect(rm[1]).toBeCloseTo(1.5, 5);
    expect(rv[0]).toBeCloseTo(1.066667, 5);
    expect(rv[1]).toBeCloseTo(0.9 + 0.1 * (100 / 3), 4);
    disposeBn(p);
  });

  it('eval mode normalises with the running statistics and leaves them alone', () => {
    const p = fresh(1);
    batchNorm(tf.tensor2d([[1], [2], [3], [4]]), p, true).dispose();
    const out = batchNorm(tf.tensor2d([[0.25], [1.25]]), p, false).dataSync();
    expect(out[0]).toBeCloseTo(0, 6);
    expect(out[1]).toBeCloseTo(1 / Math.sqrt(1.066667 + 1e-5), 5);
    expect(p.runningMean.dataSync()[0]).toBeCloseTo(0.25, 6);
    disposeBn(p);
  });

  it('γ and β scale and shift; a batch of one is refused in training', () => {
    const p = fresh(1);
    p.gamma.assign(tf.tensor1d([2]));
    p.beta.assign(tf.tensor1d([-1]));
    const out = batchNorm(tf.tensor2d([[1], [2], [3], [4]]), p, true).dataSync();
    expect(out[3]).toBeCloseTo(2 * 1.341635 - 1, 5);
    expect(() => batchNorm(tf.tensor2d([[1]]), p, true)).toThrow(/more than one value/);
    disposeBn(p);
  });

  it.each([
    ['2-D [6, 3]', [6, 3]],
    ['4-D [2, 3, 3, 2]', [2, 3, 3, 2]],
  ])('training-mode gradients w.r.t. x, γ and β match finite differences (%s)', (_label, shape) => {
    const f = shape[shape.length - 1]!;
    const p = fresh(f);
    checkGradients(
      ([x, gamma, beta]) =>
        weightedSum(
          batchNorm(x!, { gamma: gamma as tf.Variable, beta: beta as tf.Variable, runningMean: p.runningMean, runningVar: p.runningVar }, true),
          13,
        ),
      [randomInput(shape, 7, 2), { values: Float32Array.from({ length: f }, (_, i) => 1 + 0.5 * i), shape: [f] }, randomInput([f], 8)],
    );
    disposeBn(p);
  });

  it('a training step with batch norm and dropout inside tf.variableGrads leaks no tensor', () => {
    const rng = createRng(4);
    const fc = createDense('t-leak', 4, 3, 'default', rng);
    const bn = fresh(3);
    const x = tf.randomNormal([8, 4], 0, 1, 'float32', 1);
    const params = [fc.W, fc.b, bn.gamma, bn.beta];
    const step = () => {
      const { value, grads } = tf.variableGrads(() => {
        const h = batchNorm(dense(x as tf.Tensor2D, fc.W as tf.Tensor2D, fc.b as tf.Tensor1D), bn, true);
        return tf.mean(tf.square(dropout(activate('relu', h), 0.5, true, rng))) as tf.Scalar;
      }, params);
      expect(Object.keys(grads)).toHaveLength(4);
      value.dispose();
      tf.dispose(grads);
    };
    step();
    const before = tf.memory().numTensors;
    for (let k = 0; k < 10; k++) step();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...params, x]);
    disposeBn(bn);
  });
});
