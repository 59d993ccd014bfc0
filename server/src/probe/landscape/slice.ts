/**
 * A 2-D slice of the loss landscape, L(θc + α·d₁ + β·d₂) on the source's probe batch in evaluation mode, over
 * coarse-to-fine grids of (α, β) ∈ [−r, r]² (grid.ts: 9×9, then 17×17, then 33×33, each reusing the coarser
 * points), computed in passes that a caller interleaves with training (`run(budgetMs)`, timeShare.ts).
 *
 * The points are evaluated by a SlicePlan in one of its ways (slicePlan.ts: naive, from the first layer's shared
 * products, either batched). Which is fastest depends on the backend and the net, so by default the first slice
 * of a model times each way on its first points (a few points or one batched pass at a time, TRIAL_ROUNDS times over) and
 * keeps the fastest; later slices of that model use it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LandscapeSource } from '../../train/landscapeSource.ts';
import { axisValues, DEFAULT_LEVELS, type GridLevel, gridLevels, levelValues } from './grid.ts';
import type { Plane } from './project.ts';
import { NAIVE, type SliceWay, SlicePlan } from './slicePlan.ts';

export interface SliceOptions {
  /** α and β run over [−range, range] (in units of d₁ and d₂: filter-normalised units for random directions). */
  range: number;
  /** Grid sizes, coarse to fine, each nesting in the next (default 9, 17, 33). */
  levels?: readonly number[];
  /**
   * 'auto' (default): the fastest way, measured on this model's first slice; 'naive': one full forward pass per
   * point; or a way forced (the net must allow it: SlicePlan.ways).
   */
  method?: 'auto' | 'naive' | SliceWay;
}

/** One completed grid: values[j·n + i] = L(α_i, β_j) with α_i, β_j = −range + 2·range·i/(n − 1). */
export interface SliceLevel {
  n: number;
  range: number;
  values: Float32Array;
  /** Milliseconds of this job's own work (inside run()) until this level was complete, setup included. */
  workMs: number;
}

/** Points per trial of a point-by-point way (a batched way's trial is one pass of its batch). */
const TRIAL_POINTS = 4;
/**
 * Rounds of trials, the ways interleaved; each way keeps its best. Two were too few on a loaded machine (load 6 on
 * 2 cores): one slow trial each way after the cold first round picked ch08-06's naive way, ~2× slower than its
 * shared first layer, once in two bench runs. The trials' points are the slice's own, so more rounds cost nothing.
 */
const TRIAL_ROUNDS = 3;

/**
 * A model's choice of way, on one backend: the trials still to run (TRIAL_ROUNDS rounds over every way the net allows, the
 * first paying for first calls and allocations), each way's best ms per point so far, and the way once chosen.
 * It lives with the model's landscape source, so a model's first slices share the trials.
 */
interface Choice {
  backend: string;
  queue: SliceWay[];
  trials: { way: SliceWay; msPerPoint: number }[];
  way: SliceWay | null;
}

const choices = new WeakMap<LandscapeSource, Choice>();

const sameWay = (a: SliceWay, b: SliceWay): boolean => a.from === b.from && a.batch === b.batch;

export class SliceJob {
  /** Points per axis of the finest grid. */
  readonly size: number;
  /** The finest grid's values, row-major, NaN where not computed yet. */
  readonly values: Float32Array;
  /** The levels completed so far, coarse first. */
  readonly completed: SliceLevel[] = [];
  private readonly levels: GridLevel[];
  private readonly axis: Float64Array;
  private readonly range: number;
  /** The way forced by the options; null under 'auto' (the model's Choice decides). */
  private readonly forced: SliceWay | null;
  private readonly choice: Choice | null;
  private plan: SlicePlan | null = null;
  /** Every finest-grid point in the order computed: the levels' new points, coarse first. */
  private readonly order: Int32Array;
  /** Where each level's points end in `order`. */
  private readonly ends: number[];
  /** The next level to complete, and the next point of `order`. */
  private level = 0;
  private cursor = 0;
  private workMs = 0;

  constructor(
    private readonly source: LandscapeSource,
    private readonly plane: Plane,
    opts: SliceOptions,
  ) {
    this.levels = gridLevels(opts.levels ?? DEFAULT_LEVELS);
    this.size = (this.levels.at(-1) as GridLevel).n;
    this.order = Int32Array.from(this.levels.flatMap((l) => Array.from(l.points)));
    let end = 0;
    this.ends = this.levels.map((l) => (end += l.points.length));
    this.values = new Float32Array(this.size * this.size).fill(NaN);
    this.range = opts.range;
    this.axis = axisValues(this.size, opts.range);
    const method = opts.method ?? 'auto';
    this.forced = method === 'naive' ? NAIVE : method === 'auto' ? null : method;
    this.choice = this.forced ? null : choiceFor(source);
  }

  get done(): boolean {
    return this.level >= this.levels.length;
  }

  /** Milliseconds of work done so far (inside run()). */
  get elapsedMs(): number {
    return this.workMs;
  }

  /** The way in use: forced, or the model's choice once its trials are done (null while they run). */
  get way(): SliceWay | null {
    return this.forced ?? this.choice?.way ?? null;
  }

  /** The model's trials so far: each way's best milliseconds per point (empty for a forced way). */
  get trials(): readonly { way: SliceWay; msPerPoint: number }[] {
    return this.choice?.trials ?? [];
  }

  /**
   * Works for about `budgetMs` (at least one pass, so a job always progresses) and returns the levels this call
   * completed. The first call also makes the plan (probe batch, statistics copies, first-layer products).
   */
  run(budgetMs = Infinity): SliceLevel[] {
    const start = performance.now();
    const before = this.workMs;
    const out: SliceLevel[] = [];
    const plan = (this.plan ??= this.makePlan());
    while (!this.done) {
      const decided = this.way;
      const way = decided ?? (this.choice?.queue[0] as SliceWay);
      // A pass may run on into the next level: a batched pass stays whole, so every trial of it is a fair one.
      const count = Math.min(decided || way.batch > 1 ? way.batch : TRIAL_POINTS, this.order.length - this.cursor);
      const points = this.order.subarray(this.cursor, this.cursor + count);
      const t0 = performance.now();
      const losses = plan.losses(
        way,
        Array.from(points, (k) => this.axis[k % this.size] as number),
        Array.from(points, (k) => this.axis[Math.floor(k / this.size)] as number),
      );
      if (!decided) recordTrial(this.choice as Choice, way, (performance.now() - t0) / count);
      points.forEach((k, i) => (this.values[k] = losses[i] as number));
      this.cursor += count;
      for (let level = this.levels[this.level]; level && this.cursor >= (this.ends[this.level] as number); level = this.levels[this.level]) {
        const done = { n: level.n, range: this.range, values: levelValues(this.values, this.size, level), workMs: before + performance.now() - start };
        this.completed.push(done);
        out.push(done);
        this.level += 1;
      }
      if (performance.now() - start >= budgetMs) break;
    }
    this.workMs = before + performance.now() - start;
    return out;
  }

  /** Frees the job's tensors and stops it; the values stay readable. */
  dispose(): void {
    this.plan?.dispose();
    this.plan = null;
    this.level = this.levels.length;
    this.cursor = this.order.length;
  }

  private makePlan(): SlicePlan {
    const plan = new SlicePlan(this.source, this.plane);
    if (this.forced && !plan.allows(this.forced)) {
      plan.dispose();
      throw new Error(`SliceJob: this net has no ${this.forced.from} × ${this.forced.batch} way (it has ${plan.ways.map((w) => `${w.from} × ${w.batch}`).join(', ')})`);
    }
    const c = this.choice;
    if (c && !c.way && !c.queue.length && !c.trials.length) {
      if (plan.ways.length === 1) c.way = plan.ways[0] as SliceWay;
      else c.queue = Array.from({ length: TRIAL_ROUNDS }, () => plan.ways).flat();
    }
    for (const way of this.way ? [this.way] : (c?.queue ?? [])) plan.prepare(way);
    return plan;
  }
}

/** The model's Choice on the current backend (a new one when the backend changed). */
function choiceFor(source: LandscapeSource): Choice {
  const backend = tf.getBackend();
  let c = choices.get(source);
  if (!c || c.backend !== backend) choices.set(source, (c = { backend, queue: [], trials: [], way: null }));
  return c;
}

/** A trial of `way` took `msPerPoint`; after the last one the fastest way is the model's. */
function recordTrial(c: Choice, way: SliceWay, msPerPoint: number): void {
  c.queue.shift();
  const seen = c.trials.find((t) => sameWay(t.way, way));
  if (seen) seen.msPerPoint = Math.min(seen.msPerPoint, msPerPoint);
  else c.trials.push({ way, msPerPoint });
  if (!c.queue.length) c.way = c.trials.reduce((a, b) => (b.msPerPoint < a.msPerPoint ? b : a)).way;
}

/** The whole slice at once (tests, the benchmark): every level, coarse to fine. */
export function computeSlice(source: LandscapeSource, plane: Plane, opts: SliceOptions): { levels: SliceLevel[]; job: SliceJob } {
  const job = new SliceJob(source, plane, opts);
  try {
    while (!job.done) job.run();
    return { levels: job.completed, job };
  } finally {
    job.dispose();
  }
}
