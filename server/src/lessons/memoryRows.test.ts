/** In-memory rows: order, shuffling per epoch, and no tensors left behind. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/prng.ts';
import { memoryRows, memoryTargets } from './memoryRows.ts';
import { subSeed } from '../data/prng.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 10 samples of 2 features: x = (i, 10·i), label i mod 3. */
const set = {
  xDim: 2,
  x: Float32Array.from({ length: 20 }, (_, k) => (k % 2 ? 10 : 1) * Math.floor(k / 2)),
  y: Int32Array.from({ length: 10 }, (_, i) => i % 3),
};

const read = (rows: ReturnType<typeof memoryRows>, start: number, count: number) => {
  const { x, y } = rows.rows(start, count);
  const out = { x: Array.from(x.dataSync()), y: Array.from(y.dataSync()), shape: x.shape };
  tf.dispose([x, y]);
  return out;
};

describe('memoryRows', () => {
  it('hands out rows in order as [count, xDim] features and int32 labels', () => {
    const rows = memoryRows(set);
    expect(rows.n).toBe(10);
    expect(read(rows, 3, 2)).toEqual({ x: [3, 30, 4, 40], y: [0, 1], shape: [2, 2] });
  });

  it('shuffles: each epoch is a permutation of all rows, redrawn when the cursor wraps, stable within an epoch', () => {
    const rows = memoryRows(set, { shuffle: createRng(7) });
    const epoch = () => [0, 4, 8].flatMap((s) => read(rows, s, Math.min(4, 10 - s)).x.filter((_, k) => k % 2 === 0));
    const first = epoch();
    expect([...first].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Asking again for the current batch (an evaluation-mode loss) does not reshuffle.
    expect(read(rows, 8, 2).x.filter((_, k) => k % 2 === 0)).toEqual(first.slice(8));
    const second = epoch();
    expect([...second].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(second).not.toEqual(first);
    // Labels travel with their features.
    const { x, y } = read(rows, 0, 10);
    y.forEach((label, i) => expect(label).toBe((x[2 * i]! as number) % 3));
  });

  it('gathers rows of the set\'s own order without moving a shuffled epoch', () => {
    const rows = memoryRows(set, { shuffle: createRng(7) });
    const before = read(rows, 0, 4);
    const { x, y } = rows.gather([9, 2]);
    expect(Array.from(x)).toEqual([9, 90, 2, 20]);
    expect(Array.from(y)).toEqual([0, 2]);
    // The epoch's order is where it was: the current batch reads the same rows.
    expect(read(rows, 0, 4)).toEqual(before);
  });

  it('memoryTargets gives float targets [count, yDim]', () => {
    const rows = memoryTargets({ xDim: 1, x: Float32Array.of(1, 2, 3), y: Float32Array.of(1, 2, 3, 4, 5, 6), yDim: 2 });
    const { x, y } = rows.rows(1, 2);
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.dataSync())).toEqual([3, 4, 5, 6]);
    expect(Array.from(x.dataSync())).toEqual([2, 3]);
    tf.dispose([x, y]);
  });

  it('rejects sets whose features and targets do not make whole rows, and rows out of range', () => {
    expect(() => memoryRows({ xDim: 3, x: new Float32Array(7), y: new Int32Array(2) })).toThrow(/rows/);
    expect(() => memoryRows(set).rows(8, 3)).toThrow(RangeError);
  });

  it('subSeed gives distinct streams', () => {
    expect(new Set([subSeed(1, 1), subSeed(1, 2), subSeed(2, 1), subSeed(1, 3)]).size).toBe(4);
  });
});
