import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { combine } from './combine.ts';
import { dotParams, flattenParams, readParams, splitParams } from './paramArrays.ts';

describe('parameter arrays', () => {
  it('flatten end to end and split back by size', () => {
    const values = [Float32Array.of(1, 2, 3), Float32Array.of(4), Float32Array.of(5, 6)];
    const flat = flattenParams(values);
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(splitParams(flat, [3, 1, 2]).map((v) => Array.from(v))).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(() => splitParams(flat, [3, 2])).toThrow(/6 values for parameters of 5/);
    expect(dotParams(values, values)).toBe(91);
  });

  it('read tensors into copies', async () => {
    await tf.setBackend('cpu');
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    const [copy] = readParams([t]);
    t.dispose();
    expect(Array.from(copy!)).toEqual([1, 2, 3, 4]);
  });

  it('combine a + α·b + β·c in float64, rounded once', () => {
    const out = combine(new Float32Array(2), Float32Array.of(1, 1e8), Float32Array.of(2, 1), Float32Array.of(-1, -1), 0.5, 0.25);
    // 1e8 + 0.5 − 0.25 rounds once to 1e8 (float32's spacing there is 8).
    expect(Array.from(out)).toEqual([1.75, 1e8]);
    expect(() => combine(new Float32Array(2), new Float32Array(1), new Float32Array(2), new Float32Array(2), 1, 1)).toThrow(/lengths/);
  });
});
