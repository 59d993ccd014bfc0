/**
 * A regression-style lesson's model around a Net: ŷ = head(net(x)) scored against real targets by MSE or BCE,
 * mini-batches taken in order (the course's loaders do not shuffle; the last partial batch is kept). Used by the
 * multiple-input/-output regressions (ch04, Linear 2→1 and 2→2 as one-layer nets) and by the binary networks with
 * a sigmoid output and BCE (ch07-01's 1-2-1 bump, ch07-03's XOR), which are the course's "logistic" networks:
 * one output unit, σ, hand-written BCE, labels 0/1 as float targets.
 */
import * as tf from '@tensorflow/tfjs-core';
import { chainPass } from '../train/denseChain.ts';
import { landscapeSource } from '../train/landscapeSource.ts';
import { bce, mse } from '../train/losses.ts';
import type { TargetRows } from './memoryRows.ts';
import { predictRows, type Head, type Net } from '../train/nets/mlp.ts';
import type { LessonModel, Regression1D } from './types.ts';

export interface RegressorOptions {
  /** Output non-linearity on the net's last (linear) layer: 'identity' ŷ = z, or 'sigmoid' ŷ = σ(z) ∈ (0, 1). */
  head: Head;
  /** Mean squared error, or binary cross-entropy on σ outputs (targets 0/1). */
  loss: 'mse' | 'bce';
  /**
   * Whole-training-set accuracy at threshold 0.5 (binary tasks: sigmoid head, one output), as the course prints
   * for ch07-03. Needs the whole set as typed arrays: features [n, xDim] and 0/1 targets [n].
   */
  accuracyOn?: { x: Float32Array; xDim: number; y: Float32Array };
  /**
   * The data/fit channels for a 1-D view: the training points (x, y) and the net's input row for a point t of
   * the view's axis (e.g. [t] for a one-input net; [t, t] along ch04-01's diagonal x1 = x2).
   */
  view1d?: { x: Float32Array; y: Float32Array; input(t: number): number[] };
  /**
   * A held-out set (ch08-04's validation draw): `evaluate` reports { valLoss }, its loss in evaluation mode
   * (no dropout, batch-norm running statistics), with the training loss's formula, over the whole set at once.
   */
  validation?: TargetRows;
}

export function regressorModel(net: Net, train: TargetRows, hp: { batchSize: number }, opts: RegressorOptions): LessonModel {
  let cursor = 0;
  const output = (z: tf.Tensor): tf.Tensor => (opts.head === 'sigmoid' ? tf.sigmoid(z) : z);
  // One- and two-parameter models have their exact surface instead (linearModel.ts); every net here has more.
  const landscape = landscapeSource(net, { loss: opts.loss, output: opts.head }, train);
  const model: LessonModel = {
    params: net.params,
    paramNames: net.names,
    ...(landscape && { landscape }),
    loss(training) {
      const size = Math.min(hp.batchSize, train.n - cursor);
      const { x, y } = train.rows(cursor, size);
      const yhat = output(net.forward(x, training));
      return opts.loss === 'bce' ? bce(yhat, y) : mse(yhat, y);
    },
    lossAndGrads() {
      const chain = net.chain?.();
      // The sigmoid head is the last layer's activation (the same σ(z) the loss sees).
      const layers = chain && opts.head === 'sigmoid' ? chain.map((l, i) => (i === chain.length - 1 ? { ...l, activation: 'sigmoid' as const } : l)) : chain;
      const size = Math.min(hp.batchSize, train.n - cursor);
      return chainPass(net.params, layers, size, () => train.rows(cursor, size), (targets) => ({ kind: opts.loss, targets }));
    },
    advance(batchSize) {
      cursor += batchSize;
      if (cursor >= train.n) cursor = 0;
    },
    stepsPerEpoch: (batchSize) => Math.ceil(train.n / batchSize),
    dispose: () => net.dispose(),
  };
  const val = opts.validation;
  if (val) {
    model.evaluate = function* () {
      const t = tf.tidy(() => {
        const { x, y } = val.rows(0, val.n);
        const yhat = output(net.forward(x, false));
        return opts.loss === 'bce' ? bce(yhat, y) : mse(yhat, y);
      });
      const valLoss = (t.dataSync() as Float32Array)[0] as number;
      t.dispose();
      yield;
      return { valLoss };
    };
  }
  const acc = opts.accuracyOn;
  if (acc) {
    model.trainAccuracy = () => {
      const p = predictRows(net, opts.head, acc.x, acc.xDim);
      let hits = 0;
      p.forEach((v, i) => (hits += Number(v > 0.5) === acc.y[i] ? 1 : 0));
      return hits / p.length;
    };
  }
  const view = opts.view1d;
  if (view) {
    const inDim = view.input(0).length;
    const regression: Regression1D = {
      x: view.x,
      y: view.y,
      predict(ts) {
        const rows = new Float32Array(ts.length * inDim);
        ts.forEach((t, i) => rows.set(view.input(t), i * inDim));
        return predictRows(net, opts.head, rows, inDim);
      },
    };
    model.regression = regression;
  }
  return model;
}
