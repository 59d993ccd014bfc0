/**
 * Per-step history of one or more runs trained in lockstep (a comparison lesson's variants), merged by step
 * from frames that repeat recent points (StepSeries does the merging and thinning). Each run has `perRun`
 * columns (1 for a loss curve; 3 for an optimizer path: x, y, loss). When the number of runs in the frames
 * changes (another lesson's layout, a server that was upgraded), the history starts again.
 */
import { StepSeries } from '@gradcast/shared';

export class RunSeries {
  #series: StepSeries;

  constructor(
    readonly capacity: number,
    readonly perRun = 1,
  ) {
    this.#series = new StepSeries(capacity, perRun);
  }

  /** Number of runs held (1 until a frame says otherwise). */
  get runs(): number {
    return this.#series.columns.length / this.perRun;
  }

  get steps(): number[] {
    return this.#series.steps;
  }

  get length(): number {
    return this.#series.length;
  }

  /** Columns of run r (perRun arrays, each as long as `steps`). */
  run(r: number): number[][] {
    return this.#series.columns.slice(r * this.perRun, (r + 1) * this.perRun);
  }

  /**
   * Merges points: `columns` holds runs × perRun arrays (run-major), each as long as `steps`. `full` replaces the
   * history (the frame carries all of it). Returns whether anything visible changed.
   */
  merge(steps: ArrayLike<number>, columns: ArrayLike<number>[], full: boolean): boolean {
    if (columns.length === 0 || columns.length % this.perRun !== 0) return false;
    let changed = full;
    if (columns.length !== this.#series.columns.length) {
      changed ||= this.#series.length > 0;
      this.#series = new StepSeries(this.capacity, columns.length);
    } else if (full) {
      this.#series.clear();
    }
    const before = this.#series.length;
    const last = this.#series.lastStep;
    this.#series.merge(steps, ...columns);
    return changed || this.#series.length !== before || this.#series.lastStep !== last;
  }

  /** Drops every point after `step` (a new generation that keeps the history before its start). */
  truncateAfter(step: number): void {
    this.#series.truncateAfter(step);
  }

  clear(): void {
    this.#series.clear();
  }
}
