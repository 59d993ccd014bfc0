/**
 * Labelled sets held in JS memory (the synthetic sets of data/synthetic.ts, and MNIST when a lesson shuffles it)
 * as the `rows()` provider classifierModel and regressorModel take batches from. Like data/mnistData.ts, each
 * batch is uploaded as a small fresh tensor: the caller (or its tidy) disposes it.
 *
 * Shuffling (the lessons whose loader shuffles, and the class-ordered sets whose unshuffled batches are a
 * course bug): a seeded permutation, drawn anew at every epoch as PyTorch's shuffle=True does. A new epoch is
 * recognised when a batch starts before the previous one (the model's cursor wrapped to 0); asking for the same
 * rows again (the evaluation-mode loss of the current batch) returns the same rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from '../data/gatherRows.ts';
import type { Rng } from '../data/prng.ts';
import { classifierModel, type LabelledRows } from './classifier.ts';
import type { Net } from '../train/nets/mlp.ts';
import type { LessonModel } from './types.ts';

/** Samples as row-major features x [n, xDim] and one target row y [n, yDim] (float) or class label (int). */
export interface MemorySet<T extends Float32Array | Int32Array> {
  xDim: number;
  x: Float32Array;
  /** Class labels (Int32Array, one per sample) or real targets (Float32Array, yDim per sample). */
  y: T;
  /** Values of y per sample; 1 for labels. */
  yDim?: number;
}

/** Float targets for regression-style losses (MSE, BCE on σ outputs): y [count, yDim]. */
export interface TargetRows {
  n: number;
  rows(start: number, count: number): { x: tf.Tensor2D; y: tf.Tensor2D };
  /** Rows at `indices` of the set's own order (not the epoch's), as fresh arrays x [k·xDim], y [k·yDim]. */
  gather(indices: ArrayLike<number>): { x: Float32Array; y: Float32Array };
}

/** Rows of a set in order, or in a permutation redrawn at every epoch when `shuffle` is given. */
function rowSource<T extends Float32Array | Int32Array>(set: MemorySet<T>, shuffle?: Rng) {
  const yDim = set.yDim ?? 1;
  const n = set.y.length / yDim;
  if (!Number.isInteger(n) || set.x.length !== n * set.xDim) {
    throw new Error(`memoryRows: ${set.x.length} features and ${set.y.length} targets do not make rows of ${set.xDim} → ${yDim}`);
  }
  let order: Int32Array | null = null;
  let lastStart = Infinity;
  const reshuffle = (rng: Rng): void => {
    order ??= Int32Array.from({ length: n }, (_, i) => i);
    // Fisher–Yates over the previous order, from the seeded generator.
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
  };
  /** Rows [start, start + count) of the epoch's order, as typed arrays (views when in order). */
  const take = (start: number, count: number): { x: Float32Array; y: T } => {
    if (start < 0 || count < 1 || start + count > n) throw new RangeError(`memoryRows: rows [${start}, ${start + count}) of ${n}`);
    if (!shuffle) {
      return {
        x: set.x.subarray(start * set.xDim, (start + count) * set.xDim),
        y: set.y.subarray(start * yDim, (start + count) * yDim) as T,
      };
    }
    if (start < lastStart) reshuffle(shuffle);
    lastStart = start;
    const x = new Float32Array(count * set.xDim);
    const y = new (set.y.constructor as new (length: number) => T)(count * yDim);
    // Element by element: a subarray view per row (two per row, every batch) was most of this gather's cost.
    const { xDim } = set;
    for (let i = 0; i < count; i++) {
      const r = (order as Int32Array)[start + i] as number;
      for (let c = 0; c < xDim; c++) x[i * xDim + c] = set.x[r * xDim + c] as number;
      for (let c = 0; c < yDim; c++) y[i * yDim + c] = set.y[r * yDim + c] as number;
    }
    return { x, y };
  };
  return { n, yDim, take };
}

/** Classification rows: x [count, xDim] float32, y [count] int32 class labels. */
export function memoryRows(set: MemorySet<Int32Array>, opts: { shuffle?: Rng } = {}): LabelledRows {
  const src = rowSource(set, opts.shuffle);
  return {
    n: src.n,
    rows(start, count) {
      const { x, y } = src.take(start, count);
      return { x: tf.tensor2d(x, [count, set.xDim]), y: tf.tensor1d(y, 'int32') };
    },
    gather: (indices) => gatherRows(set, indices),
  };
}

/** Regression rows: x [count, xDim] and y [count, yDim], both float32. */
export function memoryTargets(set: MemorySet<Float32Array>, opts: { shuffle?: Rng } = {}): TargetRows {
  const src = rowSource(set, opts.shuffle);
  return {
    n: src.n,
    rows(start, count) {
      const { x, y } = src.take(start, count);
      return { x: tf.tensor2d(x, [count, set.xDim]), y: tf.tensor2d(y, [count, src.yDim]) };
    },
    gather: (indices) => gatherRows(set, indices),
  };
}

/**
 * Accuracy of a classifier net over a whole small set (up to a few thousand rows), in order: the fraction of
 * rows whose largest logit is the label. The course reports training accuracy over the whole training set for
 * its small synthetic tasks (ch06-01, ch07-05b, ch08-02), not over the last batches.
 */
export function wholeSetAccuracy(net: Net, set: MemorySet<Int32Array>): () => number {
  const n = set.y.length;
  return () => {
    const hits = tf.tidy(() => {
      const logits = net.forward(tf.tensor2d(set.x, [n, set.xDim]), false) as tf.Tensor2D;
      return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.tensor1d(set.y, 'int32')), 'float32'));
    });
    const value = (hits.dataSync() as Float32Array)[0] as number;
    hits.dispose();
    return value / n;
  };
}

/**
 * classifierModel over a small in-memory set, reporting training accuracy over the whole set (wholeSetAccuracy)
 * instead of over the recent batches. `test` is an optional held-out set (ch08-03's validation draw), evaluated
 * after every epoch as testAccuracy and testLoss.
 */
export function smallClassifierModel(
  net: Net,
  set: MemorySet<Int32Array>,
  hp: { batchSize: number },
  opts: { shuffle?: Rng; test?: LabelledRows } = {},
): LessonModel {
  return { ...classifierModel(net, memoryRows(set, opts), opts.test ?? null, hp), trainAccuracy: wholeSetAccuracy(net, set) };
}
