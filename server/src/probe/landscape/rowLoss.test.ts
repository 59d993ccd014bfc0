/** The JS loss heads against the training losses' tensor functions (the oracle), on the cpu backend. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { type EvalHead, headLoss } from '../../train/evalOps.ts';
import { rowLoss } from './rowLoss.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rng = createRng(3);
const rows = 50;

function oracle(head: EvalHead, out: Float32Array, cols: number, y: Int32Array | Float32Array): number {
  const t = tf.tidy(() => headLoss(head, tf.tensor2d(out, [rows, cols]), y instanceof Int32Array ? tf.tensor1d(y, 'int32') : tf.tensor2d(y, [rows, cols])));
  const v = (t.dataSync() as Float32Array)[0] as number;
  t.dispose();
  return v;
}

describe('rowLoss', () => {
  it('gives softmax cross-entropy (the worked value, and random logits with large ones)', () => {
    expect(rowLoss({ loss: 'softmaxXent' }, Float32Array.of(1, 2, 3), 3, Int32Array.of(2))).toBeCloseTo(0.407606, 6);
    const out = Float32Array.from({ length: rows * 4 }, () => 20 * rng.normal());
    const y = Int32Array.from({ length: rows }, (_, i) => i % 4);
    expect(rowLoss({ loss: 'softmaxXent' }, out, 4, y)).toBeCloseTo(oracle({ loss: 'softmaxXent' }, out, 4, y), 4);
  });

  it('gives MSE and BCE on a sigmoid output (clamped logs at saturation)', () => {
    const out = Float32Array.from({ length: rows * 2 }, (_, i) => (i < 4 ? 40 * (i % 2 ? 1 : -1) : rng.normal()));
    const y = Float32Array.from({ length: rows * 2 }, (_, i) => (i < 4 ? 1 - (i % 2) : i % 2));
    for (const head of [{ loss: 'mse', output: 'identity' }, { loss: 'mse', output: 'sigmoid' }, { loss: 'bce', output: 'sigmoid' }] as EvalHead[]) {
      const want = oracle(head, out, 2, y);
      expect(Math.abs(rowLoss(head, out, 2, y) - want), JSON.stringify(head)).toBeLessThan(1e-5 * Math.max(1, want));
    }
  });
});
