/**
 * One model and its optimizer: the single run of a lesson, or one variant of a comparison lesson. A Run owns
 * its hyperparameters object (the room's values with the variant's fixed overrides on top), which the model
 * reads at every forward pass, so a live change reaches it at the next step.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../backend/gradients.ts';
import type { Hyperparams } from '@gradcast/shared';
import type { LessonModel, Variant } from './lessonModel.ts';
import { createOptimizer, type Optimizer } from './optimizers.ts';

/** Largest parameter count whose gradient is kept for the `params` channel. */
export const PARAMS_CHANNEL_LIMIT = 4096;

export interface StepResult {
  /** L(θ_k) on the mini-batch of this update (NaN for a run that has diverged and no longer steps). */
  loss: number;
  /** θ_k as a point of the exact surface, when the model has one. */
  position: [number, number] | null;
}

export class Run {
  /** The room's hyperparameters with this variant's overrides; mutated in place so the model sees changes. */
  readonly hp: Hyperparams;
  model: LessonModel;
  diverged = false;
  /**
   * Gradient of the last update, flattened (small models only, and only when `keepGrad`: reading it back costs a
   * sync per parameter and step).
   */
  lastGrad: Float32Array;
  /** Whether step() keeps lastGrad (the run whose gradient the params channel shows). */
  keepGrad = false;
  /** Latest evaluation metrics (testAccuracy, testLoss). */
  readonly metrics: Record<string, number> = {};
  private optimizer: Optimizer;
  private positionBefore: [number, number] | null;
  private evalJob: Generator<void, Record<string, number>> | null = null;
  /** Set when an evaluation completes; the trainer logs the metrics and clears it. */
  evaluated = false;

  constructor(
    public variant: Variant | null,
    roomHp: Hyperparams,
    private readonly build: (hp: Hyperparams, variant: Variant | null, run: number) => LessonModel,
    /** This run's place among the lesson's variants. */
    readonly index = 0,
  ) {
    this.hp = { ...roomHp, ...variant?.hp };
    this.model = build(this.hp, variant, index);
    this.optimizer = this.makeOptimizer();
    this.lastGrad = new Float32Array(this.paramCount());
    this.positionBefore = this.model.surface?.position() ?? null;
  }

  get label(): string {
    return this.variant?.label ?? 'run';
  }

  /**
   * A variant as the lesson's options now set it (its label and fixed hyperparameters) over the room's values, so
   * a key the old variant fixed and the new one leaves out goes back to the room's; rebuild() next.
   */
  setVariant(variant: Variant | null, roomHp: Hyperparams): void {
    this.variant = variant;
    Object.assign(this.hp, roomHp, variant?.hp);
  }

  /** Copies the room's values in, keeping this variant's fixed overrides. */
  updateHyperparams(roomHp: Hyperparams, optimizerChanged: boolean): void {
    Object.assign(this.hp, roomHp, this.variant?.hp);
    if (optimizerChanged) this.resetOptimizer();
  }

  /**
   * One update. Only the loss and the gradients outlive the pass: every intermediate of the forward and
   * backward passes is disposed inside it. Gradients are positional, like the optimizer's state; a variable
   * without a gradient gets null and the optimizer skips it (as PyTorch skips a parameter whose .grad is None).
   * A non-finite or huge loss marks the run diverged and applies no update. `lrFactor` scales hp.lr (the
   * trainer's lr schedule).
   */
  step(divergedAbove: number, checkpoint: boolean, lrFactor = 1): StepResult & { values?: Float32Array[] } {
    const position = this.positionBefore;
    if (this.diverged) return { loss: NaN, position };
    const { value, grads } = this.lossAndGrads();
    const params = this.model.params;
    const loss = (value.dataSync() as Float32Array)[0] as number;
    value.dispose();
    if (!Number.isFinite(loss) || loss > divergedAbove) {
      for (const g of grads) g?.dispose();
      this.diverged = true;
      return { loss, position };
    }
    const values = checkpoint ? this.values() : undefined;
    if (this.keepGrad && this.paramCount() <= PARAMS_CHANNEL_LIMIT) this.lastGrad = flatten(grads, params.map((p) => p.size));
    this.optimizer.config = { ...this.optimizer.config, lr: this.hp.lr * lrFactor, momentum: this.hp.momentum, weightDecay: this.hp.weightDecay };
    this.optimizer.step(params, grads);
    for (const g of grads) g?.dispose();
    this.model.advance(this.hp.batchSize);
    this.positionBefore = this.model.surface?.position() ?? null;
    if (this.evalJob) this.evalChunk();
    return { loss, position, values };
  }

  /** The training loss and gradients: the model's own tape-free pass where it has one this step, else the tape. */
  private lossAndGrads(): { value: tf.Scalar; grads: (tf.Tensor | null)[] } {
    const direct = this.model.lossAndGrads?.();
    if (direct) return { value: direct.loss, grads: direct.grads };
    const params = this.model.params;
    const result = tf.variableGrads(() => this.model.loss(true), params);
    return { value: result.value, grads: params.map((p) => result.grads[p.name] ?? null) };
  }

  /** Starts a held-out evaluation that runs one chunk per step. */
  startEvaluation(): void {
    // One at a time: restarting an unfinished one would never finish when an epoch takes fewer steps than the
    // evaluation has chunks (large batches).
    if (this.evalJob) return;
    if (this.model.evaluate && !this.diverged) this.evalJob = this.model.evaluate();
  }

  /** Runs the whole held-out evaluation now. */
  evaluateNow(): Record<string, number> {
    this.evalJob = null;
    this.startEvaluation();
    while (this.evalJob) this.evalChunk();
    return { ...this.metrics };
  }

  /** Evaluation metrics plus the running training accuracy. */
  currentMetrics(): Record<string, number> {
    const acc = this.model.trainAccuracy?.();
    return acc === undefined || acc === null ? { ...this.metrics } : { ...this.metrics, trainAccuracy: acc };
  }

  /** Copies of the parameter values (for checkpoints); null when any is not finite. */
  values(): Float32Array[] {
    return this.model.params.map((p) => Float32Array.from(p.dataSync() as Float32Array));
  }

  /** Puts back the parameter values of step `step` (a checkpoint). */
  restore(values: Float32Array[], step: number): void {
    this.model.params.forEach((p, i) => {
      const t = tf.tensor(values[i] as Float32Array, p.shape);
      p.assign(t);
      t.dispose();
    });
    this.model.rewound?.(step);
    this.afterRewind();
  }

  /** Rebuilds the model: from scratch (reset, init change) or keeping the weights whose name and shape fit. */
  rebuild(keepWeights: boolean): void {
    const old = this.model;
    const next = this.build(this.hp, this.variant, this.index);
    if (keepWeights) {
      const byName = new Map(old.paramNames.map((n, i) => [n, old.params[i] as tf.Variable]));
      next.paramNames.forEach((n, i) => {
        const src = byName.get(n);
        const dst = next.params[i] as tf.Variable;
        if (src && src.shape.join() === dst.shape.join()) dst.assign(src);
      });
    }
    old.dispose();
    this.model = next;
    this.afterRewind();
  }

  /** Evaluates the current batch's loss without updating (evaluation mode). */
  evaluateLoss(): number {
    const t = tf.tidy(() => this.model.loss(false));
    const v = (t.dataSync() as Float32Array)[0] as number;
    t.dispose();
    return v;
  }

  paramCount(): number {
    return this.model.params.reduce((n, p) => n + p.size, 0);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }

  private afterRewind(): void {
    this.diverged = false;
    this.evalJob = null;
    for (const k of Object.keys(this.metrics)) delete this.metrics[k];
    this.resetOptimizer();
    this.lastGrad = new Float32Array(this.paramCount());
    this.positionBefore = this.model.surface?.position() ?? null;
  }

  private resetOptimizer(): void {
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): Optimizer {
    return createOptimizer(
      this.hp.optimizer,
      { lr: this.hp.lr, momentum: this.hp.momentum, weightDecay: this.hp.weightDecay },
      this.model.params,
    );
  }

  private evalChunk(): void {
    const job = this.evalJob;
    if (!job) return;
    const r = job.next();
    if (r.done) {
      Object.assign(this.metrics, r.value);
      this.evalJob = null;
      this.evaluated = true;
    }
  }
}

/** Concatenated values of `tensors` (a missing gradient reads as zeros of its parameter's size). */
export function flatten(tensors: (tf.Tensor | null)[], sizes: number[] = tensors.map((t) => t?.size ?? 0)): Float32Array {
  const out = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  tensors.forEach((t, i) => {
    if (t) out.set(t.dataSync() as Float32Array, at);
    at += sizes[i] as number;
  });
  return out;
}
