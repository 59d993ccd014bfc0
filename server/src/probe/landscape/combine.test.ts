/** combineTail against the tensor ops it stands for (combine, activation, max pool) on the cpu backend. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { activate, type Activation, maxPool } from '../../train/model.ts';
import { combine, combineTail, type PoolShape, tailSize } from './combine.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rng = createRng(12);
const shape: [number, number, number, number] = [3, 6, 6, 4];
const size = shape.reduce((a, b) => a * b);
const draw = () => Float32Array.from({ length: size }, () => 2 * rng.normal());
const [a, b, c] = [draw(), draw(), draw()];
const [alpha, beta] = [0.3, -0.7];

/** The ops' result: the combined values as a float32 tensor, the activation, then the pool. */
function oracle(activation: Activation, pool: { size: number; stride: number } | null): Float32Array {
  return tf.tidy(() => {
    let h: tf.Tensor = activate(activation, tf.tensor(combine(new Float32Array(size), a, b, c, alpha, beta), [...shape]));
    if (pool) h = maxPool(h as tf.Tensor4D, pool.size, pool.stride);
    return h.dataSync() as Float32Array;
  });
}

describe('combineTail', () => {
  it.each(['identity', 'relu', 'tanh', 'sigmoid'] as const)('gives the ops\' values with %s, pooled 2×2, 3×3 every 2, or not', (activation) => {
    for (const pool of [null, { size: 2, stride: 2 }, { size: 3, stride: 2 }]) {
      const p: PoolShape | null = pool && { n: shape[0], h: shape[1], w: shape[2], ch: shape[3], ...pool };
      const tail = { activation, pool: p };
      const out = combineTail(new Float32Array(tailSize(size, tail)), a, b, c, alpha, beta, tail, new Float32Array(size));
      const want = oracle(activation, pool);
      expect(out.length).toBe(want.length);
      // ReLU, identity and the max are exact; tanh and the sigmoid within float32 rounding of cpu's.
      out.forEach((v, i) => expect(Math.abs(v - (want[i] as number)), `${activation} ${JSON.stringify(pool)} [${i}]`).toBeLessThanOrEqual(activation === 'relu' || activation === 'identity' ? 0 : 3e-7));
    }
  });
});
