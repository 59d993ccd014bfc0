/**
 * The generic training loop of one room: play / pause / step / reset / revert, hyperparameter patches
 * between steps, generation numbers on rebuilds, divergence detection and checkpoints. A comparison lesson
 * has several runs (variants, train/run.ts) stepped in lockstep: one update each per step, same data order,
 * so their curves share one step axis and every series below has one column per run.
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
  BYTES,
  type Channel,
  type Frame,
  type HyperparamName,
  type HyperparamPatch,
  type Meta,
  type Hyperparams,
  hyperparamSpecs,
  type RunAction,
  type RunState,
  StepSeries,
} from '@gradcast/shared';
import type { OptionValues } from '@gradcast/shared';
import type { ExactSurface, Regression1D, TrainableLesson, Variant } from './lessonModel.ts';
import { mergeViews, viewsFrame } from '../probe/views.ts';
import { textView } from '../probe/views/compose.ts';
import { lossSurfaceFrame } from '../probe/lossSurface.ts';
import { metricsFrame, RECENT } from '../probe/metrics.ts';
import { createPath, pathFrame } from '../probe/optimizerPath.ts';
import { paramsFrame } from '../probe/params.ts';
import { dataFrame, fitFrame } from '../probe/regression.ts';
import { flatten, PARAMS_CHANNEL_LIMIT, Run } from './run.ts';
import { scheduledLr, scheduleFromOptions } from './schedules.ts';

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

/** What a diverged variant of a comparison shows in place of its views. */
const DIVERGED_VIEW = textView(
  'diverged',
  'This run’s loss is no longer finite (it diverged), so its panels stop here; Reset starts every run over.',
);

/** A loss above this (or not finite) marks the run diverged: float32 overflows soon after. */
export const DIVERGED_LOSS = 1e15;
/** Evaluations kept for snapshots (one per epoch: 1,024 epochs of history). */
const EVAL_LOG = 1024;
/** Shortest wall-clock gap between two `panels` frames of a training lesson, ms. */
export const PANELS_INTERVAL_MS = 1000;
/** The panels' share of the worker's time: the gap grows to this many times what computing them took. */
const PANELS_COST_FACTOR = 20;
/**
 * What a training lesson's views may send each viewer, bytes per second: the gap grows with the frame's size
 * (ch07-04's 100 weight tiles, ≈ 90 KB, go every ≈ 4 s). 300 viewers on one access point then share ≈ 60 Mbit/s
 * at most for the views, on top of the small live channels.
 */
export const PANELS_BYTES_PER_SECOND = 24_000;

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
  /** Parameter values of each run at `step`. */
  values: Float32Array[][];
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
  /** The step the current generation started at (RunStatus.start): 0, a revert's checkpoint step, or a rebuild's step. */
  generationStart = 0;
  readonly runs: Run[];
  /** Loss per step, L(θ_k) at step k: one column per run (NaN once a run has diverged). */
  readonly losses: StepSeries;
  /** (x, y, loss) per run of the optimizer path on the exact surface, when the lesson has one. */
  readonly path: StepSeries;
  private checkpoint: Checkpoint | null = null;
  /** Channels whose content changes only on rebuild (surface, data): re-sent when dirty. */
  private dirty = new Set<Channel>();
  /** Set when the metrics history was rewritten (reset, revert): the next metrics frame is the whole series. */
  private historyRewritten = false;
  /** Step of the last live frames, to size the window of recent points the next ones repeat. */
  private lastFramedStep = 0;
  /** The lesson's option values (info.options), every control present. */
  readonly values: OptionValues;
  /** Last `panels` frame (lesson views) and when it was computed: views are throttled, snapshots reuse it. */
  private views: { frame: Frame; at: number; cost: number; bytes: number } | null = null;

  constructor(
    readonly lesson: TrainableLesson,
    readonly seed: number,
    hp: Partial<Hyperparams> = {},
    readonly checkpointEvery = 20,
    /** Evaluate on held-out data after every epoch (rooms); headless runs evaluate once at the end. */
    readonly evaluateEachEpoch = true,
  ) {
    this.hp = { ...BASE_HYPERPARAMS, ...lesson.info.defaults, ...hp };
    this.values = Object.fromEntries((lesson.info.options ?? []).map((c) => [c.name, c.default]));
    const build = (runHp: Hyperparams, variant: Run['variant'], run: number) =>
      lesson.build({ tf, seed, hp: runHp, variant, run, options: this.values });
    this.runs = this.variantsNow().map((v, i) => new Run(v, this.hp, build, i));
    // Only the params channel reads a gradient back, and only the first run's.
    (this.runs[0] as Run).keepGrad = lesson.info.channels.includes('params');
    this.losses = new StepSeries(4096, this.runs.length);
    this.path = createPath(2048, this.runs.length);
    this.markStatic();
  }

  /** The first (or only) run's model: the one single-run probes read. */
  private get main(): Run {
    return this.runs[0] as Run;
  }

  get epoch(): number {
    return Math.floor(this.step / this.main.model.stepsPerEpoch(this.main.hp.batchSize));
  }

  /** The first run's latest loss. */
  get lastLoss(): number | null {
    return this.losses.length ? (this.losses.values[this.losses.length - 1] as number) : null;
  }

  get surface(): ExactSurface | undefined {
    return this.main.model.surface;
  }

  get regression(): Regression1D | undefined {
    return this.main.model.regression;
  }

  /**
   * Every run's metrics each time an evaluation completed (about once per epoch), so a late joiner's snapshot
   * can draw accuracy over the whole run; bounded to the last EVAL_LOG entries.
   */
  readonly evalLog: { step: number; evals: Record<string, number>[] }[] = [];

  /** Errors of variants frozen because their step threw (comparison lessons); the engine logs and clears them. */
  readonly errors: string[] = [];

  /**
   * One update of every run. Returns the first run's L(θ_k) on its mini-batch. A single run's error propagates
   * (the engine pauses the room); in a comparison, a variant whose step throws is frozen like a diverged one,
   * so the others keep their lockstep.
   */
  trainStep(): number {
    const saving = this.step % this.checkpointEvery === 0;
    const results = this.runs.map((r) => {
      if (this.runs.length === 1) return r.step(DIVERGED_LOSS, saving, this.lrFactor(r));
      try {
        return r.step(DIVERGED_LOSS, saving, this.lrFactor(r));
      } catch (err) {
        r.diverged = true;
        this.errors.push(`variant "${r.label}" stopped at step ${this.step}: ${err instanceof Error ? err.message : String(err)}`);
        return { loss: NaN, position: null };
      }
    });
    const losses = results.map((r) => r.loss);
    this.losses.push(this.step, ...losses);
    if (this.surface) {
      // The path point's height is the surface's own loss at θ_k: with mini-batches (batch < data set) the step's
      // loss is one batch's, which would float the path off the full-data surface.
      const heights = results.map((r, i) => {
        const run = this.runs[i] as Run;
        const surface = run.model.surface;
        if (!surface || !r.position || run.model.stepsPerEpoch(run.hp.batchSize) <= 1) return r.loss;
        return surface.evaluate(Float32Array.of(r.position[0]), Float32Array.of(r.position[1]))[0] as number;
      });
      this.path.push(this.step, ...results.flatMap((r, i) => [...(r.position ?? [NaN, NaN]), heights[i] as number]));
    }
    if (this.runs.every((r) => r.diverged)) {
      // No update from a non-finite loss: θ_k stays as it is for the lecturer to inspect, revert or reset.
      this.state = 'diverged';
      return losses[0] as number;
    }
    if (saving && results.every((r, i) => r.values || this.runs[i]?.diverged)) {
      const values = results.map((r) => r.values ?? []);
      if (values.every((v) => v.every((a) => a.every(Number.isFinite)))) this.checkpoint = { step: this.step, values };
    }
    this.step += 1;
    if (this.runs.some((r) => r.evaluated)) {
      for (const r of this.runs) r.evaluated = false;
      this.evalLog.push({ step: this.step, evals: this.runs.map((r) => r.currentMetrics()) });
      if (this.evalLog.length > EVAL_LOG) this.evalLog.shift();
    }
    const perEpoch = this.main.model.stepsPerEpoch(this.main.hp.batchSize);
    if (this.evaluateEachEpoch && this.step % perEpoch === 0) {
      for (const r of this.runs) r.startEvaluation();
    }
    // "Pause after epoch N" (a hot option): only as the step completes epoch N, so play continues past it.
    const stopAt = this.values.stopAfterEpochs;
    if (typeof stopAt === 'number' && stopAt > 0 && this.state === 'running' && this.step === stopAt * perEpoch) this.state = 'paused';
    return losses[0] as number;
  }

  /**
   * The lr schedule's factor (lesson options lrSchedule, lrDecay) for a run's current epoch: lr = factor·lr₀.
   * Each run counts its own epochs, since a comparison's variants may differ in batch size (ch03-01).
   */
  lrFactor(run: Run = this.main): number {
    const epoch = Math.floor(this.step / run.model.stepsPerEpoch(run.hp.batchSize));
    return scheduledLr(scheduleFromOptions(this.values), 1, epoch);
  }

  /** Runs the whole held-out evaluation of every run now; returns the first run's metrics. */
  evaluateNow(): Record<string, number> {
    return this.runs.map((r) => r.evaluateNow())[0] ?? {};
  }

  /** The first run's metrics plus its running training accuracy. */
  currentMetrics(): Record<string, number> {
    return this.main.currentMetrics();
  }

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
    for (const r of this.runs) r.updateHyperparams(this.hp, Boolean(changes.optimizer));
    if (rebuild) {
      // An init change means "draw the weights anew"; other structural changes keep the weights that fit.
      for (const r of this.runs) r.rebuild(!changes.init);
      this.generation += 1;
      this.generationStart = this.step;
      this.markStatic();
      this.historyRewritten = true;
    }
    return { changes, step: this.step };
  }

  /**
   * Applies validated lesson options (options:set) now. A change to any option not marked `hot` rebuilds every run
   * from scratch and restarts at step 0 with a new generation (new data, start point or architecture make the
   * old history meaningless); hot ones apply at the next step. Returns the changes as [old, new].
   */
  setValues(values: OptionValues): Record<string, [unknown, unknown]> {
    const controls = this.lesson.info.options ?? [];
    const changes: Record<string, [unknown, unknown]> = {};
    let restart = false;
    for (const [name, value] of Object.entries(values)) {
      const old = this.values[name];
      if (old === value) continue;
      changes[name] = [old, value];
      this.values[name] = value;
      if (!controls.find((c) => c.name === name)?.hot) restart = true;
    }
    // Views may show what an option picks (the sample whose feature maps are drawn): recompute them even while
    // paused.
    if (Object.keys(changes).length) this.views = null;
    if (restart) this.startOver();
    return changes;
  }

  control(action: RunAction): void {
    switch (action) {
      case 'play':
        this.refuseIfDiverged();
        this.state = 'running';
        break;
      case 'pause':
        if (this.state === 'running') this.state = 'paused';
        break;
      case 'step':
        this.refuseIfDiverged();
        this.state = 'paused';
        this.trainStep();
        break;
      case 'reset':
        this.startOver();
        break;
      case 'revert': {
        const ck = this.checkpoint;
        if (!ck) throw new RunError('conflict', 'no finite checkpoint to revert to yet');
        this.runs.forEach((r, i) => r.restore(ck.values[i] as Float32Array[], ck.step));
        this.restart(ck.step);
        this.state = 'paused';
        break;
      }
    }
  }

  /**
   * Frames for the given channels. Static channels (surface, data) are produced only when they changed
   * since the last call, unless `all` is set (a snapshot). Probes read tensors outside tf.tidy: tidy walks
   * returned typed arrays element by element (slow for large arrays).
   */
  frames(channels: ReadonlySet<Channel>, all = false): Frame[] {
    const out: Frame[] = [];
    const { generation: g, step: s } = this;
    const model = this.main.model;
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
      const meta: Meta = { epoch: this.epoch, full, lrFactor: this.lrFactor(), ...this.currentMetrics() };
      if (this.lesson.variants) meta.variants = this.runs.map((r) => r.label).join('|');
      const evals = this.runs.map((r) => r.currentMetrics());
      out.push(metricsFrame(this.losses, g, s, meta, Math.min(recent, this.losses.length), evals, full ? this.evalLog : undefined));
    }
    if (model.surface) {
      if (want('surface', true)) out.push(lossSurfaceFrame(model.surface, g, s));
      if (want('path')) {
        const labels: [string, string] = [model.surface.xLabel, model.surface.yLabel];
        out.push(pathFrame(this.path, g, s, labels, Math.min(recent, this.path.length), full, this.runs.length));
      }
    }
    if (want('params') && this.main.paramCount() <= PARAMS_CHANNEL_LIMIT) {
      // The loss at θ now: exact on the surface when there is one, else the current batch in evaluation mode.
      const lossNow = model.surface
        ? (model.surface.evaluate(...model.surface.position().map((v) => Float32Array.of(v)) as [Float32Array, Float32Array])[0] as number)
        : this.main.evaluateLoss();
      out.push(paramsFrame(model.paramNames, flatten(model.params), this.main.lastGrad, g, s, lossNow));
    }
    if (model.regression) {
      if (want('data', true)) out.push(dataFrame(model.regression, g, s));
      if (want('fit')) {
        const regs = this.runs.map((r) => r.model.regression).filter((r): r is Regression1D => r !== undefined);
        out.push(fitFrame(regs, g, s));
      }
    }
    if (want('panels') && this.runs.some((r) => r.model.views)) {
      const v = this.viewsFrame(all);
      if (v) out.push(v);
    }
    for (const c of channels) this.dirty.delete(c);
    return out;
  }

  /**
   * The lesson views as a `panels` frame: computed again when the last one is older than the throttle gap (at
   * least PANELS_INTERVAL_MS, more when they are costly or large), or belongs to another generation or an earlier step
   * while paused (a single step should show). A snapshot gets the last one when it is current enough.
   */
  private viewsFrame(all: boolean): Frame | null {
    const now = performance.now();
    const last = this.views;
    const stale =
      !last ||
      last.frame.generation !== this.generation ||
      (last.frame.step !== this.step && (this.state !== 'running' || now - last.at >= this.viewsGap(last)));
    if (!stale) return all ? last.frame : null;
    // A diverged variant's views would show non-finite weights: it says so in their place instead, so its
    // panels do not just vanish from the comparison.
    const views = this.runs.map((r) => (r.diverged ? (this.runs.length > 1 ? DIVERGED_VIEW : null) : (r.model.views?.() ?? null)));
    const merged = mergeViews(views, this.runs.map((r) => r.label));
    const frame = viewsFrame(merged, this.generation, this.step);
    // While running, another one follows within seconds: it may go volatile. A paused run's views (a single
    // step, an option change) may be the last for a while, so they go reliably.
    if (this.state === 'running') frame.meta.live = true;
    const bytes = Object.values(frame.fields).reduce((n, f) => n + f.data.length * BYTES[f.dtype], 0);
    this.views = { frame, at: now, cost: performance.now() - now, bytes };
    return frame;
  }

  /** Shortest time until the next views frame, ms: the floor, the compute share, and the bandwidth budget. */
  private viewsGap(last: { cost: number; bytes: number }): number {
    return Math.max(PANELS_INTERVAL_MS, PANELS_COST_FACTOR * last.cost, (1000 * last.bytes) / PANELS_BYTES_PER_SECOND);
  }

  /** The first run's loss on its current batch, in evaluation mode. */
  evaluateLoss(): number {
    return this.main.evaluateLoss();
  }

  get params(): tf.Variable[] {
    return this.main.model.params;
  }

  dispose(): void {
    for (const r of this.runs) r.dispose();
  }

  private refuseIfDiverged(): void {
    if (this.state === 'diverged') {
      throw new RunError('conflict', 'the run diverged: revert to the last finite checkpoint or reset first');
    }
  }

  /** The variants as the current options set them ([null] for a single run). */
  private variantsNow(): (Variant | null)[] {
    const variants = this.lesson.variantsFor?.(this.values) ?? this.lesson.variants ?? [null];
    const count = this.lesson.variants?.length ?? 1;
    if (variants.length !== count) throw new Error(`${this.lesson.info.id}: variantsFor gave ${variants.length} variants, not ${count}`);
    return variants;
  }

  /** Reset, and a restarting option: every run rebuilt from scratch at step 0 (the evaluation log emptied). */
  private startOver(): void {
    const variants = this.variantsNow();
    this.runs.forEach((r, i) => r.setVariant(variants[i] ?? null, this.hp));
    for (const r of this.runs) r.rebuild(false);
    this.checkpoint = null;
    this.restart(0);
    if (this.state === 'diverged') this.state = 'paused';
  }

  /** Starts a new generation at `step` (0 for reset, the checkpoint's step for revert). */
  private restart(step: number): void {
    while (this.evalLog.length && (this.evalLog[this.evalLog.length - 1] as { step: number }).step > step) this.evalLog.pop();
    this.step = step;
    this.generation += 1;
    this.generationStart = step;
    this.losses.truncateAfter(step - 1);
    this.path.truncateAfter(step - 1);
    this.markStatic();
    this.historyRewritten = true;
  }

  private markStatic(): void {
    this.dirty.add('surface');
    this.dirty.add('data');
  }
}
