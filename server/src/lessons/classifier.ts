/**
 * A classification lesson's model around a Net: mini-batches taken in order from tensors (the course's loaders
 * are not shuffled; the last partial batch is kept), softmax cross-entropy, accuracy over the recent batches,
 * and chunked evaluation on the test split, which also records each sample's prediction (confusion matrix and
 * first misclassified samples, for the views) as it goes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { chainPass } from '../train/denseChain.ts';
import { landscapeSource } from '../train/landscapeSource.ts';
import { softmaxCrossEntropy, softmaxCrossEntropyWithHits } from '../train/losses.ts';
import { type EvaluationRecord, EvaluationRecorder } from '../probe/views/gallery.ts';
import type { Net } from '../train/nets/mlp.ts';
import type { LessonModel } from './types.ts';

/** A labelled set that hands out rows as fresh tensors (the caller disposes them, or tidy does). */
export interface LabelledRows {
  n: number;
  /** Rows [start, start + count): x [count, features] float32, y [count] int32. */
  rows(start: number, count: number): { x: tf.Tensor2D; y: tf.Tensor1D };
  /**
   * Rows at `indices` of the set's own order, as fresh arrays x [k·features], y [k]: stateless, unlike `rows`
   * under a shuffle (the landscape's probe batch must not move the epoch's order).
   */
  gather(indices: ArrayLike<number>): { x: Float32Array; y: Int32Array };
}

/** Batches whose accuracy makes up trainAccuracy. */
const RECENT_BATCHES = 20;
/** Test samples evaluated per chunk (one chunk between two training steps). */
export const EVAL_CHUNK = 1000;

export interface ClassifierModel extends LessonModel {
  /** What the last completed held-out evaluation predicted (null before the first completes). */
  lastEvaluation(): EvaluationRecord | null;
}

export function classifierModel(net: Net, train: LabelledRows, test: LabelledRows | null, hp: { batchSize: number }): ClassifierModel {
  let cursor = 0;
  let lastEvaluation: EvaluationRecord | null = null;
  /** Correct predictions and batch sizes of recent batches, as kept scalars read lazily. */
  const recent: { correct: tf.Scalar; size: number }[] = [];
  const batch = (): { x: tf.Tensor2D; y: tf.Tensor1D; size: number } => {
    const size = Math.min(hp.batchSize, train.n - cursor);
    return { ...train.rows(cursor, size), size };
  };
  const remember = (hits: tf.Scalar, size: number): void => {
    recent.push({ correct: hits, size });
    if (recent.length > RECENT_BATCHES) recent.shift()?.correct.dispose();
  };
  const landscape = landscapeSource(net, { loss: 'softmaxXent' }, train);
  return {
    params: net.params,
    paramNames: net.names,
    ...(landscape && { landscape }),
    loss(training) {
      const { x, y, size } = batch();
      const logits = net.forward(x, training) as tf.Tensor2D;
      const { loss, hits } = softmaxCrossEntropyWithHits(logits, y);
      if (training) remember(tf.keep(hits), size);
      return loss;
    },
    lossAndGrads() {
      const size = Math.min(hp.batchSize, train.n - cursor);
      const pass = chainPass(net.params, net.chain?.(), size, batch, (labels) => ({ kind: 'softmaxXent', labels }));
      if (pass?.hits) remember(pass.hits, size);
      return pass;
    },
    advance(batchSize) {
      cursor += batchSize;
      if (cursor >= train.n) cursor = 0;
    },
    stepsPerEpoch: (batchSize) => Math.ceil(train.n / batchSize),
    trainAccuracy() {
      if (!recent.length) return null;
      let correct = 0;
      let total = 0;
      for (const r of recent) {
        correct += (r.correct.dataSync() as Float32Array)[0] as number;
        total += r.size;
      }
      return correct / total;
    },
    evaluate: test
      ? function* () {
          let correct = 0;
          let lossSum = 0;
          let recorder: EvaluationRecorder | null = null;
          for (let at = 0; at < test.n; at += EVAL_CHUNK) {
            const size = Math.min(EVAL_CHUNK, test.n - at);
            // Predicted class, its softmax probability and the labels come back as small arrays [size] (read
            // outside the tidy), so accuracy, the confusion matrix and the gallery need no second pass.
            let classes = 0;
            const [predicted, confidence, loss, labels] = tf.tidy(() => {
              const { x, y } = test.rows(at, size);
              const logits = net.forward(x, false) as tf.Tensor2D;
              classes = logits.shape[1];
              return [tf.argMax(logits, 1), tf.max(tf.softmax(logits), 1), tf.mul(softmaxCrossEntropy(logits, y), size), y];
            });
            recorder ??= new EvaluationRecorder(classes);
            correct += recorder.add(at, labels.dataSync(), predicted.dataSync(), confidence.dataSync());
            lossSum += (loss.dataSync() as Float32Array)[0] as number;
            tf.dispose([predicted, confidence, loss, labels]);
            yield;
          }
          if (recorder) lastEvaluation = recorder.finish();
          return { testAccuracy: correct / test.n, testLoss: lossSum / test.n };
        }
      : undefined,
    lastEvaluation: () => lastEvaluation,
    rewound() {
      // The gallery and confusion matrix belong to weights that no longer exist; the next evaluation refills them.
      lastEvaluation = null;
    },
    dispose() {
      for (const r of recent) r.correct.dispose();
      recent.length = 0;
      net.dispose();
    },
  };
}
