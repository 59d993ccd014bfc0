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
 * The trainer trains: it never sees a socket, a channel or a viewer. The engine calls it (as a Session), and
 * probe/trainerFrames.ts reads its state into frames.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../backend/gradients.ts';
import {
  HISTORY_CAPACITY,
  HYPERPARAM_DEFAULTS,
  type HyperparamName,
  type HyperparamPatch,
  type Hyperparams,
  hyperparamSpecs,
  type OptionValues,
  resolveOptions,
  type RunAction,
  type RunState,
  StepSeries,
} from '@gradcast/shared';
import type { ExactSurface, Regression1D, TrainableLesson, Variant } from './lessonModel.ts';
import { Run } from './run.ts';
import { scheduledLr, scheduleFromOptions } from './schedules.ts';
import { type PatchResult, RunError, type Session, type SessionStatus } from './session.ts';

/** A loss above this (or not finite) marks the run diverged: float32 overflows soon after. */
export const DIVERGED_LOSS = 1e15;

interface Checkpoint {
  step: number;
  /** Parameter values of each run at `step`. */
  values: Float32Array[][];
}

/** One completed evaluation: the step it completed at, and every run's metrics then. */
export interface EvaluationRecord {
  step: number;
  evals: Record<string, number>[];
}

export class Trainer implements Session {
  hp: Hyperparams;
  state: RunState = 'running';
  step = 0;
  generation = 1;
  /** The step the current generation started at (RunStatus.start): 0, a revert's checkpoint step, or a rebuild's step. */
  generationStart = 0;
  readonly runs: Run[];
  /**
   * Loss per step, L(θ_k) at step k: one column per run (NaN once a run has diverged). Thinned like every other
   * holder's (HISTORY_CAPACITY), so the whole-history frames it makes match the room's history.
   */
  readonly losses: StepSeries;
  /** (x, y, loss) per run of the optimizer path on the exact surface, when the lesson has one. */
  readonly path: StepSeries;
  private checkpoint: Checkpoint | null = null;
  /** The lesson's option values (info.options), every control present. */
  readonly values: OptionValues;

  constructor(
    readonly lesson: TrainableLesson,
    readonly seed: number,
    hp: Partial<Hyperparams> = {},
    readonly checkpointEvery = 20,
    /** Evaluate on held-out data after every epoch (rooms); headless runs evaluate once at the end. */
    readonly evaluateEachEpoch = true,
  ) {
    this.hp = { ...HYPERPARAM_DEFAULTS, ...lesson.info.defaults, ...hp };
    this.values = resolveOptions(lesson.info.options ?? [], {});
    const build = (runHp: Hyperparams, variant: Run['variant'], run: number) =>
      lesson.build({ tf, seed, hp: runHp, variant, run, options: this.values });
    this.runs = this.variantsNow().map((v, i) => new Run(v, this.hp, build, i));
    this.losses = new StepSeries(HISTORY_CAPACITY.loss, this.runs.length);
    this.path = new StepSeries(HISTORY_CAPACITY.path, 3 * this.runs.length);
  }

  /**
   * Keep the first run's gradient of each update (Run.lastGrad) from now on, for whoever shows it (the params
   * channel: probe/trainerFrames.ts). Off by default: reading it back costs a sync per parameter and step.
   */
  keepGradient(): void {
    this.main.keepGrad = true;
  }

  /**
   * Each run's weights at step 0 of the current training from scratch (kept across rebuilds and reverts, which
   * continue from later weights), once asked for with keepInitialWeights(): the runs plane of the loss landscape
   * goes through the runs' common start.
   */
  initialWeights: Float32Array[][] | null = null;
  private keepsInitial = false;

  /** Keep initialWeights from now on: taken now when the run has not stepped yet, and at every restart from scratch. */
  keepInitialWeights(): void {
    this.keepsInitial = true;
    if (this.step === 0 && this.generationStart === 0 && !this.initialWeights) this.initialWeights = this.runs.map((r) => r.values());
  }

  /** The first (or only) run's model: the one single-run probes read. */
  get main(): Run {
    return this.runs[0] as Run;
  }

  get epoch(): number {
    return Math.floor(this.step / this.stepsPerEpoch());
  }

  /** Updates that make one epoch of the first run at its current batch size (epoch N ends at step N · this). */
  stepsPerEpoch(): number {
    return this.main.model.stepsPerEpoch(this.main.hp.batchSize);
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
   * Every run's metrics each time an evaluation completed (about once per epoch), so a late joiner can draw
   * accuracy over the whole run; at most HISTORY_CAPACITY.evals entries, thinned over the whole run by the rule
   * every history follows (StepSeries), so it keeps the entries the room's evaluation log keeps.
   */
  readonly evalLog: EvaluationRecord[] = [];
  /** The steps of evalLog as a series of the shared capacity: its thinning decides which evaluations stay. */
  private readonly evalSteps = new StepSeries(HISTORY_CAPACITY.evals, 0);

  /** Errors of variants frozen because their step threw (comparison lessons); the engine logs and clears them. */
  readonly errors: string[] = [];

  status(): SessionStatus {
    return { state: this.state, step: this.step, generation: this.generation, start: this.generationStart, loss: this.lastLoss };
  }

  takeErrors(): string[] {
    return this.errors.splice(0);
  }

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
      this.logEvaluation({ step: this.step, evals: this.runs.map((r) => r.currentMetrics()) });
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
    if (this.keepsInitial) this.initialWeights = this.runs.map((r) => r.values());
    this.checkpoint = null;
    this.restart(0);
    if (this.state === 'diverged') this.state = 'paused';
  }

  /** Appends an evaluation; the log then keeps the entries at the steps `evalSteps` keeps. */
  private logEvaluation(entry: EvaluationRecord): void {
    this.evalLog.push(entry);
    this.evalSteps.push(entry.step);
    if (this.evalSteps.length === this.evalLog.length) return;
    const kept = new Set(this.evalSteps.steps);
    const next = this.evalLog.filter((e) => kept.has(e.step));
    this.evalLog.splice(0, this.evalLog.length, ...next);
  }

  /** Starts a new generation at `step` (0 for reset, the checkpoint's step for revert). */
  private restart(step: number): void {
    while (this.evalLog.length && (this.evalLog[this.evalLog.length - 1] as { step: number }).step > step) this.evalLog.pop();
    this.evalSteps.truncateAfter(step);
    this.step = step;
    this.generation += 1;
    this.generationStart = step;
    this.losses.truncateAfter(step - 1);
    this.path.truncateAfter(step - 1);
  }
}
