/**
 * The live loss landscape of one training run (the `landscape` channel): a slice through the moving weights, the
 * recent trajectory on it at its true loss, and the optimizer's velocity, kept up to date while the run trains.
 *
 * It works in small passes that its caller gives time to (run(budgetMs): the engine interleaves them with training
 * steps, and gives them the thread when no step is due), in this order:
 *  1. the true loss of each new trajectory snapshot of the run on screen (one probe-batch pass each);
 *  2. the slice: a SliceJob over a plane made from the weights now (planes.ts), refined 9×9 → 17×17 → 33×33;
 *  3. the true losses of the other runs' snapshots that lie near the plane on screen (comparisons: their paths).
 * A new plane is made when the presenter's settings change (kind, run, directions: shown from its first 9×9), and
 * otherwise when θ has moved by `follow` of the plane's extent or `refreshMs` have passed since the last one, θ having
 * moved at all, and never within `minPlaneMs` of the last (shown once complete: the last slice stays meanwhile).
 * A paused run's finished slice is not remade. The slices and losses go to another thread while a core is free
 * for them (compute.ts RemoteCompute), else they are computed here in the time run() is given.
 *
 * Settings are the lesson's hot options (landscapeOptions.ts): landscapePlane, landscapeRun, landscapeRun2,
 * landscapeDirections. Nothing is kept or computed while nobody watches (setActive(false)).
 */
import type { Frame } from '@gradcast/shared';
import type { Trainer } from '../../train/trainer.ts';
import { LANDSCAPE_PATH_MS } from '../delivery.ts';
import type { BackgroundWork } from '../framer.ts';
import { type ParamArrays, readParams } from './paramArrays.ts';
import { type LandscapeSettings, landscapeSettings } from './landscapeOptions.ts';
import { type GridPlane, planeExtent, randomPlane, runsPlane, trajectoryPlane } from './planes.ts';
import { directionParams } from './directions.ts';
import { localSlice, type RemoteCompute, type SliceTask } from './compute.ts';
import type { SliceLevel } from './slice.ts';
import { trueLoss } from './trueLoss.ts';
import { landscapeFrame, type Made, projected } from './landscapeFrame.ts';
import { type Snapshot, Trajectory } from './trajectory.ts';

export interface LiveLandscapeConfig {
  /** Shortest wall-clock gap between two trajectory snapshots of a running run, ms. */
  snapshotMs: number;
  /** ...and at least this many probe passes' time (a snapshot's true loss is one pass). */
  passesPerSnapshot: number;
  /** Most snapshots per run. */
  window: number;
  /** Most bytes of snapshots per room (all runs): bounds the window of large nets. */
  snapshotBytes: number;
  /** Remake the plane when θ has moved this fraction of the plane's extent... */
  follow: number;
  /** ...or this long after the last plane was made, ms. */
  refreshMs: number;
  /** But not sooner than this after the last plane, ms: a landscape remade several times a second cannot be read. */
  minPlaneMs: number;
  /** Another run's point is drawn on a random or trajectory plane when its distance is below this × the extent. */
  near: number;
  /** Grid sizes, coarse to fine. */
  levels?: readonly number[];
}

export const LIVE_LANDSCAPE: LiveLandscapeConfig = {
  snapshotMs: 150,
  passesPerSnapshot: 20,
  window: 48,
  snapshotBytes: 32 << 20,
  follow: 0.2,
  refreshMs: 10_000,
  minPlaneMs: 2000,
  near: 0.25,
};

export class LiveLandscape implements BackgroundWork {
  private active = false;
  private generation = 0;
  private trajectories: Trajectory[] = [];
  /** The plane on screen and its latest completed level. */
  private shown: { made: Made; level: SliceLevel } | null = null;
  /** The slice being computed, and whether each of its levels goes on screen (a new plane) or only the last. */
  private work: { made: Made; task: SliceTask; showEach: boolean } | null = null;
  /** A snapshot loss computed elsewhere has arrived since the last run(). */
  private arrived = false;
  /** Something new to frame (a level, a path point) since the last live frame. */
  private changed = false;
  /** A new level went on screen since the last live frame (it goes at once). */
  private newLevel = false;
  /** When the last live frame was made, ms. */
  private lastLiveAt = -Infinity;
  private nextId = 1;
  /** Milliseconds one probe-batch pass took (the latest snapshot loss). */
  private passMs = 0;
  /** The step and settings at which no new plane was due (pending() asks often). */
  private idleAt: { step: number; key: string; until: number } | null = null;

  private readonly remote: RemoteCompute | null;
  private readonly wake: () => void;

  constructor(
    private readonly trainer: Trainer,
    private readonly now: () => number = () => performance.now(),
    opts: {
      config?: LiveLandscapeConfig;
      /** Another thread that computes slices and losses while a core is free for it. */
      remote?: RemoteCompute | null;
      /** Called when something computed elsewhere arrives (the engine then calls run()). */
      wake?: () => void;
    } = {},
  ) {
    this.config = opts.config ?? LIVE_LANDSCAPE;
    this.remote = opts.remote ?? null;
    this.wake = opts.wake ?? (() => {});
    // Only a comparison has a runs plane, the one plane through the start.
    if (trainer.runs.length > 1) trainer.keepInitialWeights();
  }

  private readonly config: LiveLandscapeConfig;

  /** Starts (someone watches) or stops and forgets everything (nobody does). */
  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    if (!on) this.forget();
  }

  get isActive(): boolean {
    return this.active;
  }

  stepped(): void {
    this.observe();
  }

  /** After a training step (or before any work): takes the snapshots that are due; a new generation starts over. */
  observe(): void {
    if (!this.active) return;
    const t = this.trainer;
    if (t.generation !== this.generation) {
      this.forget();
      this.generation = t.generation;
    }
    const now = this.now();
    const gap = t.state === 'running' ? Math.max(this.config.snapshotMs, this.config.passesPerSnapshot * this.passMs) : 0;
    if (this.trajectories[0]?.due(t.step, now, gap)) this.snapshot(now);
  }

  /** Whether run() has anything to do now (work for this thread, something to send off, or something arrived). */
  pending(): boolean {
    if (!this.active) return false;
    this.observe();
    if (this.arrived || this.work?.task.ready || this.unevaluated(true)) return true;
    if (this.planeDue()) return true;
    return this.unevaluated(false) !== undefined;
  }

  /**
   * Sends off what another thread may compute, takes what has arrived, then works on this thread for about
   * `budgetMs` (at least one pass when it is positive, none when 0). Returns whether there is something new to frame.
   */
  run(budgetMs: number): boolean {
    if (!this.active) return false;
    this.observe();
    const start = this.now();
    let fresh = this.arrived && this.shown !== null;
    this.arrived = false;
    this.sendLosses();
    if (this.planeDue()) this.startPlane();
    fresh = this.take(0) || fresh;
    let first = budgetMs > 0;
    while (first || this.now() - start < budgetMs) {
      first = false;
      const mine = this.unevaluated(true);
      if (mine) {
        this.evaluate(mine.snap, mine.run);
        fresh ||= this.shown !== null;
        continue;
      }
      if (this.planeDue()) this.startPlane();
      if (this.work?.task.ready) {
        fresh = this.take(Math.max(1e-3, budgetMs - (this.now() - start))) || fresh;
        continue;
      }
      const other = this.unevaluated(false);
      if (!other) break;
      this.evaluate(other.snap, other.run);
      fresh ||= this.shown !== null;
    }
    this.changed ||= fresh;
    return fresh;
  }

  /** Polls the slice under way with `budgetMs` of this thread; true when a level went on screen. */
  private take(budgetMs: number): boolean {
    const w = this.work;
    if (!w) return false;
    const levels = w.task.poll(budgetMs);
    let shown = false;
    if (levels.length && (w.showEach || w.task.done)) {
      this.shown = { made: w.made, level: levels.at(-1) as SliceLevel };
      this.newLevel = shown = true;
    }
    if (w.task.done) {
      w.task.dispose();
      this.work = null;
    }
    return shown;
  }

  /** Every snapshot without its loss goes to the other thread, while it takes them. */
  private sendLosses(): void {
    const remote = this.remote;
    if (!remote) return;
    for (const mine of [true, false]) {
      for (let next = this.unevaluated(mine); next; next = this.unevaluated(mine)) {
        const { snap, run } = next;
        const source = this.trainer.runs[run]?.model.landscape;
        if (!source || !finite(snap.values)) {
          snap.loss = NaN;
          continue;
        }
        const generation = this.generation;
        const sent = remote.loss(source, snap.values, (loss, ms) => {
          snap.inFlight = false;
          if (loss === null || generation !== this.generation || !this.active) return;
          snap.loss = loss;
          this.passMs = ms;
          this.arrived = true;
          this.wake();
        });
        if (!sent) return;
        snap.inFlight = true;
      }
    }
  }

  /** The landscape frame: when something changed since the last live one, or (`all`) whenever there is a slice. */
  frame(all: boolean): Frame | null {
    this.observe();
    if (!this.active || !this.shown || (!all && !this.changed)) return null;
    if (!all) {
      // A new path point alone goes at most every LANDSCAPE_PATH_MS while running: each frame repeats the slice.
      const now = this.now();
      if (!this.newLevel && this.trainer.state === 'running' && now - this.lastLiveAt < LANDSCAPE_PATH_MS) return null;
      this.changed = false;
      this.newLevel = false;
      this.lastLiveAt = now;
    }
    const t = this.trainer;
    const { made } = this.shown;
    return landscapeFrame({
      ...this.shown,
      trajectories: this.trajectories,
      runs: t.runs.map((r) => ({ label: r.label, hasVelocity: r.hp.optimizer !== 'sgd' })),
      samples: t.runs[made.settings.run]?.model.landscape?.probe().n ?? 0,
      live: t.state === 'running',
      near: this.config.near,
    });
  }

  dispose(): void {
    this.forget();
    this.active = false;
  }

  /** Drops the trajectories, the slice and what is on screen. */
  private forget(): void {
    this.work?.task.dispose();
    this.work = null;
    this.shown = null;
    this.changed = false;
    this.idleAt = null;
    const t = this.trainer;
    const size = t.main.paramCount();
    const capacity = Math.max(4, Math.min(this.config.window, Math.floor(this.config.snapshotBytes / (4 * Math.max(1, size) * t.runs.length))));
    this.trajectories = t.runs.map(() => new Trajectory(capacity));
  }

  /** Every run's θ now, as a snapshot. */
  private snapshot(now: number): void {
    const t = this.trainer;
    t.runs.forEach((r, i) => this.trajectories[i]?.record(t.step, readParams(r.model.params), now));
  }

  /** The oldest snapshot without its true loss: of the runs on screen (`mine`), or of the others. */
  private unevaluated(mine: boolean): { snap: Snapshot; run: number } | undefined {
    const settings = this.shown?.made.settings ?? this.work?.made.settings ?? landscapeSettings(this.trainer.values, this.trainer.runs.length);
    // Another run's point is drawn only near the plane on screen: only those are worth a pass.
    const shown = this.shown?.made;
    const near = (snap: Snapshot): boolean => {
      const p = shown ? projected(snap, shown) : null;
      return p !== null && p.distance <= this.config.near * (shown as Made).extent;
    };
    for (let run = 0; run < this.trajectories.length; run++) {
      const onScreen = run === settings.run || (settings.kind === 'runs' && run === settings.runB);
      if (onScreen !== mine) continue;
      const snap = this.trajectories[run]?.unevaluated(mine ? undefined : near);
      if (snap) return { snap, run };
    }
    return undefined;
  }

  /** A snapshot's true loss: one evaluation-mode pass over the probe batch at its weights. */
  private evaluate(snap: Snapshot, run: number): void {
    const source = this.trainer.runs[run]?.model.landscape;
    if (!source || !finite(snap.values)) {
      snap.loss = NaN;
      return;
    }
    const t0 = this.now();
    snap.loss = trueLoss(source, snap.values);
    this.passMs = this.now() - t0;
  }

  /** Whether a new plane is due: settings changed, nothing made yet, or θ has moved enough or long enough ago. */
  private planeDue(): boolean {
    const t = this.trainer;
    const settings = landscapeSettings(t.values, t.runs.length);
    const key = settingsKey(settings);
    const made = this.work?.made ?? this.shown?.made;
    const now = this.now();
    const idle = this.idleAt;
    if (idle && idle.step === t.step && idle.key === key && now < idle.until) return false;
    if (!made || settingsKey(made.settings) !== key) return true;
    if (made.step === t.step) return false;
    // A random plane in place of the one asked for (too few snapshots yet, runs still together) is superseded,
    // even mid-slice, once a few snapshots later the asked-for plane may be made.
    if (isStandIn(made) && (this.trajectories[made.settings.run]?.snapshots.filter((s) => s.step > made.step).length ?? 0) >= STAND_IN_RETRY) return true;
    if (this.work) return false;
    if (now - made.madeAt < this.config.minPlaneMs) {
      this.idleAt = { step: t.step, key, until: made.madeAt + this.config.minPlaneMs };
      return false;
    }
    const moved = Math.max(...made.anchors.map((a) => distance(this.trajectories[a.run]?.newest?.values ?? a.values, a.values)));
    if (moved >= this.config.follow * made.extent || now - made.madeAt >= this.config.refreshMs) return true;
    // Not due at this step: asked again after the next step, or once the refresh time has come.
    this.idleAt = { step: t.step, key, until: made.madeAt + this.config.refreshMs };
    return false;
  }

  /** Makes the plane the settings ask for from the weights now, and starts its slice. */
  private startPlane(): void {
    const t = this.trainer;
    const settings = landscapeSettings(t.values, t.runs.length);
    const previous = this.work?.made ?? this.shown?.made;
    const showEach = !previous || settingsKey(previous.settings) !== settingsKey(settings) || isStandIn(previous);
    // The plane goes through the weights of this step: a snapshot of it (its loss is the slice's centre).
    if (this.trajectories[0]?.newest?.step !== t.step) this.snapshot(this.now());
    const theta = (run: number): ParamArrays => (this.trajectories[run]?.newest as Snapshot).values;
    const source = t.runs[settings.run]?.model.landscape;
    if (!source || !finite(theta(settings.run))) {
      // No plane through non-finite weights (a diverged run): try again when θ changes.
      this.idleAt = { step: t.step, key: settingsKey(settings), until: Infinity };
      return;
    }
    const random = (): GridPlane => randomPlane(theta(settings.run), directionParams(source), settings.seed);
    let grid: GridPlane | null = null;
    let anchors = [settings.run];
    if (settings.kind === 'runs' && t.initialWeights && settings.runB !== settings.run) {
      grid = runsPlane(t.initialWeights[settings.run] as ParamArrays, theta(settings.run), theta(settings.runB));
      anchors = [settings.run, settings.runB];
    } else if (settings.kind === 'trajectory') {
      const path = (this.trajectories[settings.run]?.snapshots ?? []).slice(0, -1).map((s) => s.values);
      grid = trajectoryPlane(theta(settings.run), path);
    }
    grid ??= random();
    if (grid.kind === 'random') anchors = [settings.run];
    const made: Made = {
      id: this.nextId++,
      grid,
      settings,
      anchors: anchors.map((run) => ({ run, values: theta(run) })),
      generation: t.generation,
      step: t.step,
      madeAt: this.now(),
      extent: planeExtent(grid),
    };
    this.work?.task.dispose();
    const request = { plane: grid.plane, range: grid.range, ...(this.config.levels ? { levels: this.config.levels } : {}) };
    // Off this thread while a core is free for it; the wake tells the engine a level arrived.
    const task = this.remote?.slice(source, request, this.wake) ?? localSlice(source, request);
    this.work = { made, task, showEach };
    this.idleAt = null;
  }
}

/** Snapshots after a stand-in plane before the plane asked for is tried again. */
const STAND_IN_RETRY = 3;

/** Whether the plane is a random one standing in for the kind the settings ask for. */
function isStandIn(made: Made): boolean {
  return made.grid.kind !== made.settings.kind;
}

function finite(values: ParamArrays): boolean {
  return values.every((v) => v.every(Number.isFinite));
}

function settingsKey(s: LandscapeSettings): string {
  return `${s.kind}:${s.run}:${s.runB}:${s.seed}`;
}

/** ‖a − b‖ over every parameter. */
function distance(a: ParamArrays, b: ParamArrays): number {
  if (a === b) return 0;
  let sum = 0;
  a.forEach((x, p) => {
    const y = b[p] as Float32Array;
    for (let i = 0; i < x.length; i++) sum += ((x[i] as number) - (y[i] as number)) ** 2;
  });
  return Math.sqrt(sum);
}
