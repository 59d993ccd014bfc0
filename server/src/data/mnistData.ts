/**
 * MNIST prepared for training and shared by every room of every MNIST lesson: images as flattened rows
 * [n, side·side] in [0, 1] kept in JS memory (loaded once per process, see mnistArrays.ts), labels as int32. Batches are made as small tensors
 * from subarrays (`rows`): slicing one large tensor is far slower on wasm (measured: Slice of a 100-row batch
 * out of [60000, 784] took ~1.4 s per step, against well under a millisecond to upload the batch).
 * `side` 16 is the course's ch09 resize (data/mnist.ts resizeTo16, PIL's antialiased bilinear).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mnistArrays } from './dataSource.ts';
import { gatherRows } from './gatherRows.ts';
import type { MnistSplitName, ProgressFn } from './mnist.ts';

export interface MnistData {
  /** [n·side·side] float32 in [0, 1], row-major images. */
  pixels: Float32Array;
  /** [n] digits. */
  labels: Int32Array;
  n: number;
  side: 28 | 16;
  /** Rows [start, start + count) as tensors: x [count, side·side] float32, y [count] int32. */
  rows(start: number, count: number): { x: tf.Tensor2D; y: tf.Tensor1D };
  /** The rows at `indices` as fresh arrays: x [k·side·side], y [k] (the landscape's probe batch). */
  gather(indices: ArrayLike<number>): { x: Float32Array; y: Int32Array };
}

const ready = new Map<string, MnistData>();
const loading = new Map<string, Promise<MnistData>>();

/** Loads (once) and returns the split at the given side; progress goes to `onProgress`. */
export function prepareMnist(split: MnistSplitName, side: 28 | 16, onProgress?: ProgressFn): Promise<MnistData> {
  const key = `${split}/${side}`;
  const done = ready.get(key);
  if (done) return Promise.resolve(done);
  let p = loading.get(key);
  if (!p) {
    p = mnistArrays(split, side, onProgress).then((s) => {
      const { pixels, labels } = s;
      const d = side * side;
      const t: MnistData = {
        pixels,
        labels,
        n: s.n,
        side,
        rows: (start, count) => ({
          x: tf.tensor2d(pixels.subarray(start * d, (start + count) * d), [count, d]),
          y: tf.tensor1d(labels.subarray(start, start + count), 'int32'),
        }),
        gather: (indices) => gatherRows({ x: pixels, xDim: d, y: labels }, indices),
      };
      ready.set(key, t);
      loading.delete(key);
      return t;
    });
    p.catch(() => loading.delete(key));
    loading.set(key, p);
  }
  return p;
}

/** The split, which must have been prepared on this thread. */
export function mnistData(split: MnistSplitName, side: 28 | 16): MnistData {
  const t = ready.get(`${split}/${side}`);
  if (!t) throw new Error(`MNIST ${split} ${side}×${side} is not loaded yet (call prepareMnist first)`);
  return t;
}
