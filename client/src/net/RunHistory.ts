/**
 * The run's history as this page holds it: the loss per step, the optimizer path and the evaluation metrics of
 * every run (one, or each variant of a comparison lesson, runFrames.ts), merged by step from metrics and path
 * frames with the shared capacities and thinning (HISTORY_CAPACITY, StepSeries), and rewound when a new model
 * generation starts. Plain TypeScript: the session publishes its views as Svelte state. Each view is a new object
 * when, and only when, it changed; it is built when read, so frames merged between two reads build it once.
 *
 * A new generation keeps the history up to its start step s (a revert to the checkpoint at s; a rebuild such as
 * batch norm on, which goes on from the current step) or starts afresh (s = 0: reset, a restarting option), as the
 * server's history does:
 *  - loss and path: points before s stay (update s is made again); the generation's first metrics and path
 *    frames, marked `full`, then bring the server's whole series, which replaces them;
 *  - evaluations: those up to s stay (an evaluation logged at s finished before the new generation began). They
 *    are this page's own record (the server's log has one entry per evaluation, not the train accuracy of every
 *    frame), so a `full` frame's log is merged into them, never replacing them.
 * When a frame of the new generation arrives before run:status has told its start (the server sends that status
 * right after the generation's first frames), the old evaluations wait aside, still drawn, and are cut and merged
 * back once `startsAt` is told it.
 */
import { HISTORY_CAPACITY, type Frame } from '@gradcast/shared';
import { EvalHistory, type EvalSeries } from './EvalHistory.ts';
import { RunSeries } from './RunSeries.ts';
import { readEvalLog, readEvals, readLossRows, readPathRows, variantLabels, type EvalTable } from './runFrames.ts';

/**
 * Loss per optimizer step of the current generation; `steps` strictly increasing. `runs[r][i]` is run r's loss
 * at steps[i]: one run, or one per variant of a comparison lesson (NaN once a variant diverged).
 */
export interface MetricsHistory {
  steps: number[];
  runs: number[][];
}

/** One run's trajectory in surface coordinates, oldest point first: typed arrays, drawn as they are. */
export interface PathRun {
  /** First parameter (w) per point. */
  x: Float32Array;
  /** Second parameter (b) per point. */
  y: Float32Array;
  /** L(θ_k) per point. */
  loss: Float32Array;
}

/** The optimizer's trajectory of the current generation: one path per run, all at the same steps. */
export interface PathHistory {
  steps: number[];
  runs: PathRun[];
}

const EMPTY_TABLE: EvalTable = { names: [], rows: [] };

export class RunHistory {
  /** One column per run. */
  #loss = new RunSeries(HISTORY_CAPACITY.loss);
  /** Columns per run: x, y, loss. */
  #path = new RunSeries(HISTORY_CAPACITY.path, 3);
  #evals = new EvalHistory();
  /** The previous generation's evaluations, while the new one's start step is not known yet. */
  #carried: EvalHistory | null = null;

  #lossView: MetricsHistory = { steps: [], runs: [] };
  #pathView: PathHistory = { steps: [], runs: [] };
  #evalView: EvalSeries[] = [];
  #table: EvalTable = EMPTY_TABLE;
  #variants: string[] = [];
  // Views to build afresh when next read.
  #lossStale = false;
  #pathStale = false;
  #evalsStale = false;

  /** Loss history of the current generation. */
  get loss(): MetricsHistory {
    if (this.#lossStale) this.#buildLoss();
    return this.#lossView;
  }
  /** Optimizer path of the current generation. */
  get path(): PathHistory {
    if (this.#pathStale) this.#buildPath();
    return this.#pathView;
  }
  /** Evaluation metrics over the steps, one series per (run, metric). */
  get evalSeries(): EvalSeries[] {
    // Waiting for the start step, the chart keeps showing the old evaluations rather than flash empty.
    if (this.#evalsStale && !this.#carried) this.#buildEvals();
    return this.#evalView;
  }
  /** Each run's latest evaluation metrics (testAccuracy, trainAccuracy, testLoss…; NaN where unknown). */
  get evals(): EvalTable {
    return this.#table;
  }
  /** Names of a comparison lesson's variants, in row order; empty for a single run. */
  get variants(): string[] {
    return this.#variants;
  }

  /**
   * Live metrics frames repeat the last ≤ 256 points, so they merge by step; a frame marked `full` (a snapshot, or
   * the history rewritten by a new generation) holds the whole series and replaces it, and carries the evaluation
   * log, which is merged. The evaluation table holds each run's latest values: a point is added each time one
   * changes.
   */
  addMetrics(frame: Frame): void {
    const rows = readLossRows(frame);
    if (!rows) return;
    const labels = variantLabels(frame, rows.rows.length);
    if (labels.join('|') !== this.#variants.join('|')) this.#variants = labels;
    if (this.#loss.merge(rows.steps, rows.rows, frame.meta['full'] === true)) this.#viewLoss();
    const table = readEvals(frame);
    if (JSON.stringify(table) !== JSON.stringify(this.#table)) this.#table = table;
    const logged = this.#evals.mergeLog(readEvalLog(frame));
    if (this.#evals.observe(frame.step, table) || logged) this.#viewEvals();
  }

  /** Path frames carry a window of recent points like metrics (the whole path when `full`); same merge. */
  addPath(frame: Frame): void {
    const rows = readPathRows(frame);
    if (!rows) return;
    const columns = rows.runs.flatMap((r) => [r.x, r.y, r.loss]);
    if (this.#path.merge(rows.steps, columns, frame.meta['full'] === true)) this.#viewPath();
  }

  /**
   * A newer model generation: the history up to its start step stays (none for start 0). `start` undefined: not
   * known yet (a frame of the generation came first); the evaluations wait for `startsAt`.
   */
  newGeneration(start?: number): void {
    this.#table = EMPTY_TABLE;
    if (start === undefined) {
      // The generation's full frames bring its loss and path; the evaluations cannot be cut yet.
      this.#loss.clear();
      this.#path.clear();
      // A second generation before the first one's start was told: what the old evaluations lead to is unknown.
      this.#carried = this.#carried ? null : this.#evals;
      this.#evals = new EvalHistory();
    } else {
      this.#rewind(this.#evals, start);
      this.#loss.truncateAfter(start - 1);
      this.#path.truncateAfter(start - 1);
      this.#carried = null;
    }
    this.#viewLoss();
    this.#viewPath();
    this.#viewEvals();
  }

  /** The current generation started at `start` (run:status): the evaluations left waiting are cut and merged back. */
  startsAt(start: number): void {
    const carried = this.#carried;
    if (!carried) return;
    this.#carried = null;
    this.#rewind(carried, start);
    carried.absorb(this.#evals);
    this.#evals = carried;
    this.#viewEvals();
  }

  clear(): void {
    this.#loss.clear();
    this.#path.clear();
    this.#evals.clear();
    this.#carried = null;
    this.#table = EMPTY_TABLE;
    this.#viewLoss();
    this.#viewPath();
    this.#viewEvals();
  }

  /** Keeps the evaluations up to `start` (an evaluation logged at the start step finished before it). */
  #rewind(evals: EvalHistory, start: number): void {
    if (start > 0) evals.truncateAfter(start);
    else evals.clear();
  }

  #viewLoss(): void {
    this.#lossStale = true;
  }

  #viewPath(): void {
    this.#pathStale = true;
  }

  #viewEvals(): void {
    this.#evalsStale = true;
  }

  #buildLoss(): void {
    this.#lossStale = false;
    const h = this.#loss;
    this.#lossView = { steps: h.steps, runs: Array.from({ length: h.length ? h.runs : 0 }, (_, r) => h.run(r)[0] as number[]) };
  }

  #buildPath(): void {
    this.#pathStale = false;
    const p = this.#path;
    const runs = Array.from({ length: p.length ? p.runs : 0 }, (_, r): PathRun => {
      const [x, y, loss] = p.run(r).map((c) => Float32Array.from(c)) as [Float32Array, Float32Array, Float32Array];
      return { x, y, loss };
    });
    this.#pathView = { steps: p.steps, runs };
  }

  #buildEvals(): void {
    this.#evalsStale = false;
    this.#evalView = this.#evals.series();
  }
}
