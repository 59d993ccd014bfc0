/**
 * What the trainer needs of a lesson: a model built as plain functions over tf.Variables, which the generic Trainer
 * steps and the probes read. Lessons (server/src/lessons) implement it; nothing here knows about sockets or rooms.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { DemoView, Hyperparams, LessonInfo, OptionValues } from '@gradcast/shared';
import type { LandscapeSource } from './landscapeSource.ts';

export type Tf = typeof tfc;

export interface BuildContext {
  tf: Tf;
  /** Seed of the run: data, initialisation and batch order derive from it. */
  seed: number;
  /**
   * The run's live hyperparameters: the same object is updated in place on every change, so a model may read
   * it at each forward pass (dropout rate) as well as at build time (batch norm on/off, init).
   */
  hp: Hyperparams;
  /** The variant being built, for comparison lessons; null otherwise. */
  variant?: Variant | null;
  /** The run's place among the lesson's variants (0 for a single run); absent for a build outside a trainer. */
  run?: number;
  /**
   * The lesson's own option values (info.options: noise, start point, activation…), every control present
   * (defaults filled in). Changing a non-hot option rebuilds every run from scratch, so `build` may read them
   * once. The object is live: a hot option (lr schedule, the sample a view draws) changes in place, so the
   * trainer and `views()` read it at use, never `build`.
   */
  options: OptionValues;
}

/**
 * One arm of a comparison lesson. All variants train in lockstep, one update each per step, on the same data
 * order; `hp` holds the values this variant fixes (they win over the room's), `options` whatever else the
 * lesson's build needs to tell the variants apart (activation, width…).
 */
export interface Variant {
  /** Short label shown in legends, e.g. "p = 0.5". */
  label: string;
  hp?: Partial<Hyperparams>;
  options?: Record<string, unknown>;
}

/** An exact loss surface over two parameters (models with two parameters, ch02–ch03). */
export interface ExactSurface {
  xLabel: string;
  yLabel: string;
  /** Grid extent in parameter units; the course draws w, b ∈ [−15, 15]. */
  xRange: [number, number];
  yRange: [number, number];
  /** Points per axis. */
  resolution: number;
  /**
   * Training loss at each parameter pair (xs[i], ys[i]), on the same data and with the same formula as the
   * training step, so the surface under the current point equals the step's reported loss.
   */
  evaluate(xs: Float32Array, ys: Float32Array): Float32Array;
  /** The current parameters as a point of this surface. */
  position(): [number, number];
}

/** A 1-D regression: the training points and the model's prediction curve. */
export interface Regression1D {
  x: Float32Array;
  y: Float32Array;
  /** ŷ for each x, with the current parameters (evaluation mode). */
  predict(xs: Float32Array): Float32Array;
}

export interface LessonModel {
  /** Trainable variables in a fixed order: optimizer state is keyed by position. */
  params: tfc.Variable[];
  /** Names matching `params` (e.g. "w", "b", "conv1.W"); used to keep weights across a rebuild. */
  paramNames: string[];
  /**
   * Mean loss of the current mini-batch for the current parameters; called inside tf.variableGrads, so it
   * must build its graph from the variables. `training` selects dropout / batch-norm behaviour.
   */
  loss(training: boolean): tfc.Scalar;
  /**
   * The training-mode loss of the current mini-batch and every parameter's gradient (in `params` order, null for
   * one the loss does not reach), computed without the gradient tape (train/denseChain.ts) where the model and
   * the backend allow it this step; null where they do not (batch norm after an activation or on a large batch,
   * live dropout, a backend without the fused kernels), and the trainer then differentiates loss(true). The same values as loss(true) under
   * tf.variableGrads (to a float32 rounding where a sigmoid or tanh is computed apart: train/denseChain.ts) and
   * the same side effects (batch accuracy; a path recorded by recordOnTraining, which wraps both). Returns new
   * tensors: the caller disposes them.
   */
  lossAndGrads?(): { loss: tfc.Scalar; grads: (tfc.Tensor | null)[] } | null;
  /** Moves the data cursor to the next mini-batch, after an optimizer step. */
  advance(batchSize: number): void;
  /** Optimizer steps that make one epoch at this batch size. */
  stepsPerEpoch(batchSize: number): number;
  surface?: ExactSurface;
  /**
   * What the loss landscape needs of a model with more than two parameters (its parameters and their roles, its
   * evaluation-mode pass as ops, a fixed probe batch): landscapeSource.ts. Models with an exact surface have none.
   */
  landscape?: LandscapeSource;
  regression?: Regression1D;
  /**
   * Evaluation on held-out data, one chunk per `next()` so it can share the thread with training; the
   * generator's return value holds the metrics (e.g. testAccuracy, testLoss).
   */
  evaluate?(): Generator<void, Record<string, number>>;
  /** Accuracy over the recent training batches (classification), or null before the first step. */
  trainAccuracy?(): number | null;
  /**
   * The lesson's own views of the model (weight templates, decision regions, histograms…), streamed on the
   * `panels` channel at most about once a second (the trainer throttles it). Reads tensors and returns plain
   * arrays: must leave no tensors behind. In a comparison, the trainer puts same-titled panels of the
   * variants side by side.
   */
  views?(): DemoView;
  /**
   * The trainer put back the parameters of step `step` (revert): drop what the model recorded after it for its
   * views (visited points, the last evaluation's gallery), so they match the restored weights.
   */
  rewound?(step: number): void;
  dispose(): void;
}

/** A training lesson as the trainer sees it: what it is, its variants, and how to build its model. */
export interface TrainableLesson {
  info: LessonInfo;
  /** Comparison lessons: the variants trained side by side (omit for a single run). */
  variants?: Variant[];
  /**
   * The variants as the lesson's options set them (e.g. ch08-08's four momenta as options): same count and order
   * as `variants`, which stay the defaults. Read when the runs are built and whenever a restarting option
   * changes, so labels and fixed hyperparameters follow the options.
   */
  variantsFor?(options: OptionValues): Variant[];
  /** Loads what `build` needs (e.g. MNIST tensors), once per thread; `build` stays synchronous. */
  prepare?(onProgress?: (fraction: number, message: string) => void): Promise<void>;
  build(ctx: BuildContext): LessonModel;
}
