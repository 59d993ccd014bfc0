/**
 * The generic training loop of one room: play / pause / step / reset / revert, hyperparameter patches
 * between steps, generation numbers on rebuilds, divergence detection and checkpoints.
 *
 * Step numbering: `step` counts optimizer updates applied so far, and θ_k denotes the parameters after k
 * updates. Update k+1 evaluates L(θ_k) on its mini-batch, records the point (k, L(θ_k)) in the loss curve and
 * (θ_k, L(θ_k)) in the optimizer path, then moves to θ_{k+1}. So the surface value under a path point equals
 * the loss the curve reports for that step (the oracle test of the exact surface).
 *
 * The trainer never sees a socket: the engine calls it, and the probes turn it into frames.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../backend/gradients.ts';
import {
  type Channel,
  type Frame,
  type HyperparamName,
  type HyperparamPatch,
  type Hyperparams,
  hyperparamSpecs,
  type RunAction,
  type RunState,
  StepSeries,
} from '@gradcast/shared';
import type { LessonModel, TrainingLesson } from '../lessons/types.ts';
import { lossSurfaceFrame } from '../probe/lossSurface.ts';
import { metricsFrame, RECENT } from '../probe/metrics.ts';
import { createPath, pathFrame } from '../probe/optimizerPath.ts';
import { paramsFrame } from '../probe/params.ts';
import { dataFrame, fitFrame } from '../probe/regression.ts';
import { createOptimizer, type Optimizer } from './optimizers.ts';

/** Global defaults; a lesson's `defaults` override them. */
export const BASE_HYPERPARAMS: Hyperparams = {
  lr: 0.1,
  momentum: 0,
  dropout: 0,
  batchNorm: false,
  optimizer: 'sgd',
  batchSize: 1,
  weightDecay: 0,
  init: 'default',
  speed: 0,
};

/** A loss above this (or not finite) marks the run diverged: float32 overflows soon after. */
export const DIVERGED_LOSS = 1e15;
/** Largest parameter count streamed whole in the `params` channel. */
const PARAMS_CHANNEL_LIMIT = 4096;

export class RunError extends Error {
  constructor(
    readonly code: 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

interface Checkpoint {
  step: number;
  values: Float32Array[];
}

export interface PatchResult {
  changes: Partial<Record<HyperparamName, [unknown, unknown]>>;
  step: number;
}

export class Trainer {
  hp: Hyperparams;
  state: RunState = 'running';
  step = 0;
  generation = 1;
  /** Loss per step, L(θ_k) at step k. */
  readonly losses = new StepSeries(4096);
  /** (x, y, loss) of the optimizer path on the exact surface, when the lesson has one. */
  readonly path = createPath();
  private model: LessonModel;
  private optimizer: Optimizer;
  private lastGrad: Float32Array;
  private checkpoint: Checkpoint | null = null;
  /** Channels whose content changes only on rebuild (surface, data): re-sent when dirty. */
  private dirty = new Set<Channel>();
  /** Set when the metrics history was rewritten (reset, revert): the next metrics frame is the whole series. */
  private historyRewritten = false;
  /** Latest evaluation metrics (testAccuracy, testLoss, trainAccuracy), published in metrics frames. */
  readonly metrics: Record<string, number> = {};
  /** Evaluation in progress (one chunk per training step), started at each epoch boundary. */
  private evalJob: Generator<void, Record<string, number>> | null = null;
  /** Step of the last live frames, to size the window of recent points the next ones repeat. */
  private lastFramedStep = 0;

  constructor(
    readonly lesson: TrainingLesson,
    readonly seed: number,
    hp: Partial<Hyperparams> = {},
    readonly checkpointEvery = 20,
    /** Evaluate on held-out data after every epoch (rooms); headless runs evaluate once at the end. */
    readonly evaluateEachEpoch = true,
  ) {
    this.hp = { ...BASE_HYPERPARAMS, ...lesson.info.defaults, ...hp };
    this.model = this.build();
    this.optimizer = this.makeOptimizer();
    this.lastGrad = new Float32Array(this.paramCount());
    this.markStatic();
  }

  get epoch(): number {
    return Math.floor(this.step / this.model.stepsPerEpoch(this.hp.batchSize));
  }

  get lastLoss(): number | null {
    return this.losses.length ? (this.losses.values[this.losses.length - 1] as number) : null;
  }

  /** One optimizer update. Returns L(θ_k) of the mini-batch it used. */
  trainStep(): number {
    const params = this.model.params;
    // variableGrads keeps only the loss and the gradients; every intermediate of the forward and backward
    // passes is disposed inside it. Gradients are positional, like the optimizer's state; a variable without
    // a gradient gets null and the optimizer skips it (as PyTorch skips a parameter whose .grad is None).
    const result = tf.variableGrads(() => this.model.loss(true), params);
    const value = result.value;
    const grads = params.map((p) => result.grads[p.name] ?? null);
    const loss = (value.dataSync() as Float32Array)[0] as number;
    value.dispose();
    if (this.model.surface) {
      const [x, y] = this.positionBefore ?? this.model.surface.position();
      this.path.push(this.step, x, y, loss);
    }
    this.losses.push(this.step, loss);
    if (!Number.isFinite(loss) || loss > DIVERGED_LOSS) {
      // No update from a non-finite loss: θ_k stays as it is for the lecturer to inspect, revert or reset.
      disposeAll(grads);
      this.state = 'diverged';
      return loss;
    }
    if (this.step % this.checkpointEvery === 0) this.saveCheckpoint();
    if (this.paramCount() <= PARAMS_CHANNEL_LIMIT) this.lastGrad = flatten(grads, params.map((p) => p.size));
    this.optimizer.config = this.optimizerConfig();
    this.optimizer.step(params, grads);
    disposeAll(grads);
    this.step += 1;
    const perEpoch = this.model.stepsPerEpoch(this.hp.batchSize);
    this.model.advance(this.hp.batchSize);
    if (this.evalJob) this.evalChunk();
    else if (this.evaluateEachEpoch && this.model.evaluate && this.step % perEpoch === 0) {
      this.evalJob = this.model.evaluate();
    }
    this.positionBefore = this.model.surface ? this.model.surface.position() : null;
    return loss;
  }

  /** Runs the whole held-out evaluation now (headless runs, tests). */
  evaluateNow(): Record<string, number> {
    if (!this.model.evaluate) return {};
    this.evalJob = this.model.evaluate();
    while (this.evalJob) this.evalChunk();
    return { ...this.metrics };
  }

  /** Latest metrics plus the running training accuracy, for frames and status. */
  currentMetrics(): Record<string, number> {
    const acc = this.model.trainAccuracy?.();
    return acc === undefined || acc === null ? { ...this.metrics } : { ...this.metrics, trainAccuracy: acc };
  }

  private evalChunk(): void {
    const job = this.evalJob;
    if (!job) return;
    const r = job.next();
    if (r.done) {
      Object.assign(this.metrics, r.value);
      this.evalJob = null;
    }
  }

  /** θ_k as a surface point, kept from the end of the previous step so the path needs no extra read. */
  private positionBefore: [number, number] | null = null;

  /** Applies a validated patch now (the caller runs between steps). */
  applyPatch(patch: HyperparamPatch): PatchResult {
    const changes: PatchResult['changes'] = {};
    let rebuild = false;
    for (const [name, value] of Object.entries(patch) as [HyperparamName, unknown][]) {
      const old = this.hp[name];
      if (old === value) continue;
      changes[name] = [old, value];
      (this.hp as unknown as Record<string, unknown>)[name] = value;
      if (hyperparamSpecs[name].apply === 'rebuild') rebuild = true;
    }
    if (changes.optimizer) {
      this.optimizer.dispose();
      this.optimizer = this.makeOptimizer();
    }
    if (rebuild) this.rebuild(Boolean(changes.init));
    return { changes, step: this.step };
  }

  control(action: RunAction): void {
    switch (action) {
      case 'play':
        if (this.state === 'diverged') {
          throw new RunError('conflict', 'the run diverged: revert to the last finite checkpoint or reset first');
        }
        this.state = 'running';
        break;
      case 'pause':
        if (this.state === 'running') this.state = 'paused';
        break;
      case 'step':
        if (this.state === 'diverged') {
          throw new RunError('conflict', 'the run diverged: revert to the last finite checkpoint or reset first');
        }
        this.state = 'paused';
        this.trainStep();
        break;
      case 'reset':
        this.model.dispose();
        this.model = this.build();
        this.restart(0);
        if (this.state === 'diverged') this.state = 'paused';
        break;
      case 'revert': {
        const ck = this.checkpoint;
        if (!ck) throw new RunError('conflict', 'no finite checkpoint to revert to yet');
        this.model.params.forEach((p, i) => p.assign(tf.tensor(ck.values[i] as Float32Array, p.shape)));
        this.restart(ck.step);
        this.state = 'paused';
        break;
      }
    }
  }

  /**
   * Frames for the given channels. Static channels (surface, data) are produced only when they changed
   * since the last call, unless `all` is set (a snapshot). Reading happens outside tf.tidy: tidy walks
   * returned typed arrays element by element (slow for large arrays).
   */
  frames(channels: ReadonlySet<Channel>, all = false): Frame[] {
    const out: Frame[] = [];
    const { generation: g, step: s, model } = this;
    const want = (c: Channel, isStatic = false): boolean =>
      channels.has(c) && (!isStatic || all || this.dirty.has(c));
    // Live frames repeat a window of recent points, enough to bridge a few dropped (volatile) frames without
    // resending the whole history at every tick; snapshots and history rewrites carry everything.
    const full = all || this.historyRewritten;
    const recent = full ? Infinity : Math.min(RECENT, 4 * Math.max(0, s - this.lastFramedStep) + 8);
    if (!all) {
      this.lastFramedStep = s;
      this.historyRewritten = false;
    }
    if (want('metrics')) {
      const meta = { epoch: this.epoch, full, ...this.currentMetrics() };
      out.push(metricsFrame(this.losses, g, s, meta, Math.min(recent, this.losses.length)));
    }
    if (model.surface) {
      if (want('surface', true)) out.push(lossSurfaceFrame(model.surface, g, s));
      if (want('path')) {
        out.push(pathFrame(this.path, g, s, [model.surface.xLabel, model.surface.yLabel], Math.min(recent, this.path.length), full));
      }
      if (want('params') && this.paramCount() <= PARAMS_CHANNEL_LIMIT) {
        const [x, y] = model.surface.position();
        const lossNow = model.surface.evaluate(Float32Array.of(x), Float32Array.of(y))[0] as number;
        out.push(paramsFrame(model.paramNames, flatten(model.params), this.lastGrad, g, s, lossNow));
      }
    }
    if (model.regression) {
      if (want('data', true)) out.push(dataFrame(model.regression, g, s));
      if (want('fit')) out.push(fitFrame(model.regression, g, s));
    }
    for (const c of channels) this.dirty.delete(c);
    return out;
  }

  /** Runs the full-batch / current-batch loss at θ without updating (evaluation mode). */
  evaluateLoss(): number {
    const t = tf.tidy(() => this.model.loss(false));
    const v = (t.dataSync() as Float32Array)[0] as number;
    t.dispose();
    return v;
  }

  get params(): tf.Variable[] {
    return this.model.params;
  }

  get surface() {
    return this.model.surface;
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }

  private build(): LessonModel {
    const model = this.lesson.build({ tf, seed: this.seed, hp: this.hp });
    this.positionBefore = model.surface ? model.surface.position() : null;
    return model;
  }

  /**
   * Rebuilds the model for a structural change (batch norm on/off, init). Weights whose name and shape
   * still fit are copied over, except on an init change, whose point is to draw the weights anew.
   */
  private rebuild(reinitialise: boolean): void {
    const old = this.model;
    const next = this.build();
    if (!reinitialise) {
      const byName = new Map(old.paramNames.map((n, i) => [n, old.params[i] as tf.Variable]));
      next.paramNames.forEach((n, i) => {
        const src = byName.get(n);
        const dst = next.params[i] as tf.Variable;
        if (src && src.shape.join() === dst.shape.join()) dst.assign(src);
      });
    }
    old.dispose();
    this.evalJob = null;
    this.model = next;
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
    this.lastGrad = new Float32Array(this.paramCount());
    this.generation += 1;
    this.markStatic();
    this.historyRewritten = true;
  }

  /** Starts a new generation at `step` (0 for reset, the checkpoint's step for revert). */
  private restart(step: number): void {
    this.evalJob = null;
    for (const k of Object.keys(this.metrics)) delete this.metrics[k];
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
    this.step = step;
    this.generation += 1;
    this.losses.truncateAfter(step - 1);
    this.path.truncateAfter(step - 1);
    this.lastGrad = new Float32Array(this.paramCount());
    this.positionBefore = this.model.surface ? this.model.surface.position() : null;
    if (step === 0) this.checkpoint = null;
    this.markStatic();
    this.historyRewritten = true;
  }

  private saveCheckpoint(): void {
    const values = this.model.params.map((p) => Float32Array.from(p.dataSync() as Float32Array));
    if (values.every((v) => v.every(Number.isFinite))) this.checkpoint = { step: this.step, values };
  }

  private markStatic(): void {
    this.dirty.add('surface');
    this.dirty.add('data');
  }

  private paramCount(): number {
    return this.model.params.reduce((n, p) => n + p.size, 0);
  }

  private optimizerConfig() {
    return { lr: this.hp.lr, momentum: this.hp.momentum, weightDecay: this.hp.weightDecay };
  }

  private makeOptimizer(): Optimizer {
    return createOptimizer(this.hp.optimizer, this.optimizerConfig(), this.model.params);
  }
}

/** Concatenated values of `tensors` (a missing gradient reads as zeros of its parameter's size). */
function flatten(tensors: (tf.Tensor | null)[], sizes: number[] = tensors.map((t) => t?.size ?? 0)): Float32Array {
  const out = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  tensors.forEach((t, i) => {
    if (t) out.set(t.dataSync() as Float32Array, at);
    at += sizes[i] as number;
  });
  return out;
}

function disposeAll(tensors: (tf.Tensor | null)[]): void {
  for (const t of tensors) t?.dispose();
}
