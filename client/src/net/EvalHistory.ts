/**
 * Evaluation metrics of each run over the steps, built from the `evals` table of metrics frames. A frame holds
 * only each run's latest values (test accuracy changes once per epoch, train accuracy at almost every step), so
 * a point is recorded, at the frame's step, each time a value changes. Each (run, metric) pair has its own
 * series: a test accuracy measured once per epoch is never thinned away by the train accuracy's many points.
 * Unknown values (NaN: no evaluation yet, or a diverged run) are not recorded.
 */
import { StepSeries } from '@gradcast/shared';
import type { EvalTable } from './runFrames.ts';

/** Points kept per series before older ones are thinned (StepSeries keeps recent points whole). */
const CAPACITY = 4096;

export interface EvalSeries {
  run: number;
  name: string;
  steps: number[];
  values: number[];
}

export class EvalHistory {
  names: string[] = [];
  runs = 0;
  /** Index run · names.length + column. */
  #series: StepSeries[] = [];
  /** Last value seen of each series (NaN: none yet). */
  #last: number[] = [];

  /**
   * Records the table seen at `step`; returns whether any series changed. A table with other names or another
   * number of runs starts the history again. A value seen again at the step it was last recorded at replaces
   * that point (an evaluation that finished while the run was paused).
   */
  observe(step: number, table: EvalTable): boolean {
    const runs = table.rows.length;
    let changed = false;
    if (runs !== this.runs || table.names.join(',') !== this.names.join(',')) {
      changed = this.#series.some((s) => s.length > 0);
      this.names = [...table.names];
      this.runs = runs;
      this.#series = Array.from({ length: runs * this.names.length }, () => new StepSeries(CAPACITY));
      this.#last = this.#series.map(() => NaN);
    }
    const m = this.names.length;
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const k = r * m + c;
        const s = this.#series[k] as StepSeries;
        if (!Number.isFinite(v) || v === this.#last[k] || step < s.lastStep) return;
        this.#last[k] = v;
        if (step === s.lastStep) s.values[s.length - 1] = v;
        else s.push(step, v);
        changed = true;
      }),
    );
    return changed;
  }

  /** Every (run, metric) series, run-major, in the order of `names`. */
  series(): EvalSeries[] {
    const m = this.names.length;
    return this.#series.map((s, k) => ({
      run: Math.floor(k / m),
      name: this.names[k % m] as string,
      steps: [...s.steps],
      values: [...s.values],
    }));
  }

  clear(): void {
    this.names = [];
    this.runs = 0;
    this.#series = [];
    this.#last = [];
  }
}
