import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL } from './smallBinary.ts';
import { createRng, leaks, randn, useCpu, useWasm } from './testKit.ts';

// Add/Sub/Multiply/RealDiv on small tensors (smallBinary.ts) and Identity as a shared buffer (identity.ts): each
// bit-identical to the cpu backend's op chain. The fused optimizer update has its own test (optimizerUpdate.test.ts).

const rng = createRng(31);
const a60 = randn(rng, [1, 60], 3);
const b60 = randn(rng, [1, 60]);
const big = randn(rng, [SMALL + 4]);
const OPS = [tf.add, tf.sub, tf.mul, tf.div] as const;
const NAMES = ['add', 'sub', 'mul', 'div'];

type Case = [string, () => tf.Tensor];
const CASES: Case[] = OPS.flatMap((op, k): Case[] => [
  [`${NAMES[k]} [1,60] · [1,60]`, () => op(tf.tensor(a60, [1, 60]), tf.tensor(b60, [1, 60]))],
  [`${NAMES[k]} [1,60] · scalar`, () => op(tf.tensor(a60, [1, 60]), tf.scalar(0.37))],
  [`${NAMES[k]} [1,1] · [60]`, () => op(tf.tensor([1.7], [1, 1]), tf.tensor(b60, [60]))],
  [`${NAMES[k]} [60,1] · [1,60] (native)`, () => op(tf.tensor(a60, [60, 1]), tf.tensor(b60, [1, 60]))],
  [`${NAMES[k]} large (native)`, () => op(tf.tensor(big), tf.tensor(big).reverse())],
  [`${NAMES[k]} int32 (native)`, () => op(tf.tensor([7, -3, 5], [3], 'int32'), tf.tensor([2, 2, -4], [3], 'int32'))],
]);
CASES.push(['div by zero', () => tf.div(tf.tensor([1, -1, 0]), tf.tensor([0, 0, 0]))]);
CASES.push(['clone', () => tf.clone(tf.tensor(a60, [1, 60]))]);

describe('small binary ops and Identity on wasm vs cpu', () => {
  const cpu: Array<{ shape: number[]; values: Float32Array | Int32Array }> = [];
  beforeAll(async () => {
    await useCpu();
    for (const [, f] of CASES) {
      const t = tf.tidy(f);
      cpu.push({ shape: t.shape, values: t.dataSync() as Float32Array });
      t.dispose();
    }
    await useWasm();
  });

  it.each(CASES.map(([name], i) => [name, i] as const))('%s: bit-identical', (_name, i) => {
    const t = tf.tidy(CASES[i]![1]);
    expect(t.shape).toEqual(cpu[i]!.shape);
    expect(Array.from(t.dataSync())).toEqual(Array.from(cpu[i]!.values));
    t.dispose();
  });

  it('a clone shares the buffer and survives the original', () => {
    const x = tf.tensor([1, 2, 3]);
    const y = tf.clone(x);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
  });

  it('leak no tensor and no wasm buffer', () => {
    for (const i of [0, 1, 2, 3, 4, CASES.length - 1]) expect(leaks(() => tf.tidy(CASES[i]![1]).dispose())).toEqual({ tensors: 0, dataIds: 0 });
  });
});
