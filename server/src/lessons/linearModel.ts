/**
 * The course's one-input linear model with MSE, shared by the chapter 2–3 regressions and ch05-02's logistic
 * regression: ŷ = w·x + b, or ŷ = σ(w·x + b) with the sigmoid head, scored by MSE or BCE.
 * The training step runs on tensors (forward, then losses.ts); the exact loss surface and the whole-set
 * evaluations use lineLoss, the same formula in plain float64 arithmetic: a few dozen points per pair, where a
 * tensor pass would cost more in kernel calls than in arithmetic (ch03-01 scores the path of every run on the
 * surface at every step).
 *
 * Batching: without `hp` every step is full-batch gradient descent (ch02-01, ch02-03). With `hp`, each step
 * takes the next hp.batchSize points in order (the course's loaders do not shuffle; the last partial batch is
 * kept; ch03-01's shuffle option draws a new order every epoch instead), so ch03-02 runs SGD with batch 1 and
 * ch05-02 batch 3. The surface is always the loss over the whole training set, the course's surface; under
 * mini-batches the loss a step reports (and the path's loss column) is that of its own mini-batch, so path
 * points need not lie on the surface.
 *
 * The model records the (w, b) it visited at every step (`visited`), for the views that draw the path (ch02-01's
 * loss curve with its points).
 *
 * `evalSets` adds an `evaluate` that reports, for each named set, the loss over the whole set at the current
 * parameters with the training formula: ch03-01 compares its batch sizes by the loss over all 60 points, ch03-03
 * its learning rates by training and validation loss.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { Rng } from '../data/prng.ts';
import { PathRecorder } from '../probe/views/pathRecorder.ts';
import { bce, LOG_FLOOR, mse } from '../train/losses.ts';
import { type ChainLayer, chainPass } from '../train/denseChain.ts';
import { dense, variableOf } from '../train/model.ts';
import type { ExactSurface, LessonModel, Regression1D, Tf } from './types.ts';

/**
 * The loss of the line (w, b) over the points (x, y) in float64: MSE, or BCE on σ(w·x + b) with PyTorch's logs
 * clamped at −100 (as losses.ts trains), mean over the points. ch05-02's slices use it too.
 */
export function lineLoss(w: number, b: number, x: ArrayLike<number>, y: ArrayLike<number>, head: 'identity' | 'sigmoid' = 'identity', loss: 'mse' | 'bce' = 'mse'): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const z = w * (x[i] as number) + b;
    // The sigmoid rounded to float32 as training computes it, so it saturates at exactly 0 or 1 where training's
    // does, and BCE's clamp at −100 bites at the same points (a float64 p would give log(1 − p) ≈ −40, not −100).
    const p = head === 'sigmoid' ? Math.fround(1 / (1 + Math.exp(-z))) : z;
    const t = y[i] as number;
    if (loss === 'mse') sum += (p - t) ** 2;
    else sum -= t * Math.max(Math.log(p), LOG_FLOOR) + (1 - t) * Math.max(Math.log1p(-p), LOG_FLOOR);
  }
  return sum / x.length;
}

export interface LinearSetup {
  tf: Tf;
  x: Float32Array;
  /** Targets: real values for regression, 0/1 labels for the sigmoid head. */
  y: Float32Array;
  /** Starting parameters; the course starts ch02-03 and ch03 at w = −15, b = −10. */
  w0: number;
  b0: number;
  /** Whether the model has a bias (ch02-01 fits ŷ = w·x only; its b stays 0 and is not trained). */
  bias: boolean;
  /**
   * Loss-surface window [min, max] for w and b, and points per axis. Without a bias the surface is constant
   * along b (it still gives the params channel its current loss).
   */
  window: { w: [number, number]; b: [number, number]; resolution: number };
  /** 'identity' (default): ŷ = w·x + b. 'sigmoid': ŷ = σ(w·x + b), a probability (ch05-02). */
  head?: 'identity' | 'sigmoid';
  /** 'mse' (default) or 'bce' (binary cross-entropy on σ outputs, logs clamped at −100 as PyTorch). */
  loss?: 'mse' | 'bce';
  /** Live hyperparameters whose batchSize sets the mini-batch; absent: full batch. */
  hp?: { batchSize: number };
  /**
   * Sets whose whole-set loss `evaluate` reports, by name: { train: …, val: … } gives { trainLoss, valLoss }.
   * x and y are [n] each, as the training data.
   */
  evalSets?: Record<string, { x: Float32Array; y: Float32Array }>;
  /**
   * Mini-batches from a permutation of the points redrawn at every epoch (PyTorch's shuffle=True), from this
   * seeded generator; absent: in order, as the course's loaders. The surface stays the loss over all points.
   */
  shuffle?: Rng;
  /**
   * Record the (w, b) of every training step in `visited` (ch02-01's loss-curve view). Off elsewhere: reading θ
   * costs two readbacks per step, and the trainer's own path already holds it for the surface lessons.
   */
  recordPath?: boolean;
}

/** The linear model with what its lessons' views read: the (w, b) it visited, its surface and regression. */
export interface LinearLessonModel extends LessonModel {
  /**
   * (w, b) at every training step, θ_0 first (b is 0 without a bias), when built with recordPath (else empty);
   * the current θ is surface.position().
   */
  visited: PathRecorder;
  surface: ExactSurface;
  regression: Regression1D;
}

export function buildLinearModel(s: LinearSetup): LinearLessonModel {
  const { tf } = s;
  const n = s.x.length;
  const head = s.head ?? 'identity';
  const lossName = s.loss ?? 'mse';
  // Points as columns [n, 1] and the line as a 1 → 1 dense layer, w [1, 1] and b [1]: one kernel call forward
  // and one backward on wasm (train/model.ts dense), where the broadcasting w·x + b took a dozen.
  const xT = tf.tensor2d(s.x, [n, 1]);
  const yT = tf.tensor2d(s.y, [n, 1]);
  const w = variableOf(() => tf.tensor2d([s.w0], [1, 1]), true);
  const b = variableOf(() => tf.tensor1d([s.bias ? s.b0 : 0]), s.bias);
  const params = s.bias ? [w, b] : [w];
  /** ŷ [size, 1] for the points x [size, 1]; x is data (no gradient). */
  const forward = (x: tfc.Tensor): tfc.Tensor =>
    dense(x as tfc.Tensor2D, w as tfc.Tensor2D, b as tfc.Tensor1D, head === 'sigmoid' ? 'sigmoid' : 'identity', { inputGrad: false });
  const lossOf = (wv: number, bv: number, x: ArrayLike<number>, y: ArrayLike<number>): number => lineLoss(wv, bv, x, y, head, lossName);
  const read = (v: tfc.Variable): number => (v.dataSync() as Float32Array)[0] as number;
  const evalSets = Object.entries(s.evalSets ?? {}).map(([name, set]) => {
    if (set.x.length !== set.y.length) throw new Error(`linearModel: set ${name} has ${set.x.length} x for ${set.y.length} y`);
    return { name, ...set };
  });

  /** First sample of the current mini-batch; wraps to 0 after the last (partial) batch. */
  let cursor = 0;
  const batchSize = (): number => Math.min(s.hp ? s.hp.batchSize : n, n - cursor);
  /** The epoch's order of the points when shuffling (Fisher–Yates over the previous order, at every epoch start). */
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const reshuffle = (rng: Rng): void => {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  };
  if (s.shuffle) reshuffle(s.shuffle);
  const visited = new PathRecorder(2);

  const surface: ExactSurface = {
    xLabel: 'w',
    yLabel: 'b',
    xRange: s.window.w,
    yRange: s.window.b,
    resolution: s.window.resolution,
    evaluate: (ws, bs) => Float32Array.from(ws, (wv, i) => lossOf(wv, s.bias ? (bs[i] as number) : 0, s.x, s.y)),
    position: () => [read(w), read(b)],
  };

  const predictOne = (wv: number, bv: number, x: number): number => {
    const z = wv * x + bv;
    return head === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : z;
  };
  const regression: Regression1D = {
    x: s.x,
    y: s.y,
    predict(xs) {
      const wv = read(w);
      const bv = read(b);
      return xs.map((x) => predictOne(wv, bv, x));
    },
  };

  /** The current mini-batch's rows of an [n, 1] column: a slice in order, a gather of the epoch's order shuffled. */
  const batchOf = (column: tfc.Tensor, size: number): tfc.Tensor => {
    if (size === n) return column;
    if (!s.shuffle) return tf.slice(column, [cursor, 0], [size, 1]);
    return tf.gather(column, tf.tensor1d(order.subarray(cursor, cursor + size), 'int32'), 0);
  };
  /** The line as the one layer of a tape-free pass (train/denseChain.ts). */
  const chain: ChainLayer[] = [{ W: w as tfc.Tensor2D, b: b as tfc.Tensor1D, activation: head === 'sigmoid' ? 'sigmoid' : 'identity' }];
  /** This step's batch (x, y), recording θ_k, the point the update starts from, for a training pass. */
  const batch = (training: boolean): [tfc.Tensor, tfc.Tensor] => {
    // (Evaluation-mode passes are no steps.)
    if (training && s.recordPath) visited.record([read(w), read(b)]);
    const size = batchSize();
    return [batchOf(xT, size), batchOf(yT, size)];
  };
  const model: LinearLessonModel = {
    params,
    paramNames: s.bias ? ['w', 'b'] : ['w'],
    loss: (training) =>
      tf.tidy(() => {
        const [x, y] = batch(training);
        const pred = forward(x);
        // Through losses.ts (one kernel call on wasm): BCE for PyTorch's saturation-safe gradient, MSE over the
        // batch's n values; each is lineLoss's formula.
        return lossName === 'bce' ? bce(pred, y) : mse(pred, y);
      }),
    lossAndGrads: () =>
      chainPass(params, chain, batchSize(), () => {
        const [x, y] = batch(true);
        return { x: x as tfc.Tensor2D, y };
      }, (targets) => ({ kind: lossName, targets })),
    advance: (size) => {
      if (!s.hp) return;
      cursor += size;
      if (cursor >= n) {
        cursor = 0;
        if (s.shuffle) reshuffle(s.shuffle);
      }
    },
    stepsPerEpoch: (size) => (s.hp ? Math.ceil(n / size) : 1),
    surface,
    regression,
    visited,
    rewound: (step) => visited.rewind(step),
    dispose: () => tf.dispose([xT, yT, w, b]),
  };
  if (evalSets.length) {
    // A few dozen points per set: one chunk for all of them.
    model.evaluate = function* () {
      const [wv, bv] = [read(w), read(b)];
      const out = Object.fromEntries(evalSets.map((e) => [`${e.name}Loss`, lossOf(wv, bv, e.x, e.y)]));
      yield;
      return out;
    };
  }
  if (head === 'sigmoid') {
    // Accuracy over the whole training set at threshold 0.5 (what ch05-02 prints): ŷ > 0.5 ⇔ w·x + b > 0.
    model.trainAccuracy = () => {
      const wv = read(w);
      const bv = read(b);
      let hits = 0;
      s.x.forEach((x, i) => (hits += Number(wv * x + bv > 0) === s.y[i] ? 1 : 0));
      return hits / n;
    };
  }
  return model;
}
