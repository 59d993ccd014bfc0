import '@tensorflow/tfjs-backend-cpu';
import '../../backend/gradients.ts';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradientNorms, layerRowView, runningStatsView, unitGrid, unitGridView } from './layerStats.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('gradientNorms', () => {
  it('‖∂L/∂v‖ of each variable: L = ½‖a‖² + 2·Σb gives ∂L/∂a = a (norm 5 for a = [3, 4]) and ∂L/∂b = 2 (norm √12)', () => {
    const a = tf.variable(tf.tensor1d([3, 4]), true, 'gn/a');
    const b = tf.variable(tf.tensor2d([1, 2, 3], [1, 3]), true, 'gn/b');
    const before = tf.memory().numTensors;
    const norms = gradientNorms(() => tf.add(tf.mul(0.5, tf.sum(tf.square(a))), tf.mul(2, tf.sum(b))) as tf.Scalar, [a, b]);
    expect(tf.memory().numTensors).toBe(before);
    expect(norms[0]).toBeCloseTo(5, 5);
    expect(norms[1]).toBeCloseTo(Math.sqrt(12), 5);
    tf.dispose([a, b]);
  });
});

describe('per-layer and per-unit views', () => {
  it('unitGrid lays units out ten to a row, blank (NaN) past the last', () => {
    const g = unitGrid(Float32Array.from({ length: 12 }, (_, i) => i));
    expect(g.dims).toEqual([2, 10]);
    expect(Array.from(g.data.subarray(10, 12))).toEqual([10, 11]);
    expect(g.data.subarray(12).every(Number.isNaN)).toBe(true);
    expect(unitGrid([1, 2, 3]).dims).toEqual([1, 3]);
    expect(unitGridView('u', 'units', [1, 2, 3]).fields.u).toMatchObject({ dims: [1, 3], dtype: 'f32' });
  });

  it('a layer row is a [1, L] grid; running statistics a series of mean (and variance as y2) against the index', () => {
    expect(layerRowView('r', 'norms', Float32Array.of(1, 2, 3), 'fc1, fc2, fc3').fields.r!.dims).toEqual([1, 3]);
    const v = runningStatsView('bn1', 'bn1', Float32Array.of(0.5, -1), Float32Array.of(2, 3));
    expect(Array.from(v.fields['bn1.i']!.data)).toEqual([0, 1]);
    expect(v.layout[0]).toMatchObject({ kind: 'series', field: 'bn1.mean', x: 'bn1.i', y2: 'bn1.var' });
    expect(() => runningStatsView('x', 'x', Float32Array.of(1), Float32Array.of(1, 2))).toThrow(RangeError);
  });
});
