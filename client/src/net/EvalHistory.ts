/**
 * Evaluation metrics of each run over the steps, built from the `evals` table of metrics frames. A frame holds
 * only each run's latest values (test accuracy changes once per epoch, train accuracy at almost every step), so
 * a point is recorded, at the frame's step, each time a value changes. Each (run, metric) pair has its own
 * series: a test accuracy measured once per epoch is never thinned away by the train accuracy's many points.
 * Unknown values (NaN: no evaluation yet, or a diverged run) are not recorded.
 *
 * A whole-history metrics frame (a snapshot, a history rewrite) also carries the server's evaluation log: every
 * completed evaluation with its step. It is merged into what this page recorded, never replacing it: the log has
 * one entry per evaluation, while a page that watched recorded the train accuracy of every frame. An evaluation
 * this page saw live a few steps after the log's step is the same observation: it keeps the log's step.
 */
import { HISTORY_CAPACITY, StepSeries } from '@gradcast/shared';
import type { EvalLogEntry, EvalTable } from './runFrames.ts';

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

  /**
   * Records the table seen at `step`; returns whether any series changed. A table with other names or another
   * number of runs starts the history again. A value seen again at the step it was last recorded at replaces
   * that point (an evaluation that finished while the run was paused); older steps are ignored.
   */
  observe(step: number, table: EvalTable): boolean {
    let changed = this.#fit(table);
    const m = this.names.length;
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const s = this.#series[r * m + c] as StepSeries;
        if (!Number.isFinite(v) || v === lastValue(s) || step < s.lastStep) return;
        if (step === s.lastStep) s.values[s.length - 1] = v;
        else s.push(step, v);
        changed = true;
      }),
    );
    return changed;
  }

  /** Merges the server's evaluation log (oldest first); returns whether any series changed. */
  mergeLog(log: readonly EvalLogEntry[]): boolean {
    const first = log[0];
    if (!first) return false;
    let changed = this.#fit(first.table);
    const m = this.names.length;
    this.#series.forEach((s, k) => {
      const [r, c] = [Math.floor(k / m), k % m];
      const points = log.flatMap((e) => {
        const v = e.table.rows[r]?.[c] ?? NaN;
        return Number.isFinite(v) ? [[e.step, v] as const] : [];
      });
      changed = unite(s, points.map((p) => p[0]), points.map((p) => p[1])) || changed;
    });
    return changed;
  }

  /**
   * Adds the points of a newer history (the same step: the newer value wins). When the newer one measures other
   * metrics or runs, it replaces this one; when it holds nothing yet, this one stays as it is.
   */
  absorb(newer: EvalHistory): void {
    if (newer.runs === 0) return;
    if (newer.runs !== this.runs || newer.names.join(',') !== this.names.join(',')) {
      this.names = newer.names;
      this.runs = newer.runs;
      this.#series = newer.#series;
      return;
    }
    this.#series.forEach((s, k) => {
      const from = newer.#series[k] as StepSeries;
      unite(s, from.steps, from.values);
    });
  }

  /** Drops every point after `step` (a new generation that keeps the history up to there). */
  truncateAfter(step: number): void {
    for (const s of this.#series) s.truncateAfter(step);
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
  }

  /** Starts again when `table` has other names or another number of runs; returns whether points were dropped. */
  #fit(table: EvalTable): boolean {
    const runs = table.rows.length;
    if (runs === this.runs && table.names.join(',') === this.names.join(',')) return false;
    const dropped = this.#series.some((s) => s.length > 0);
    this.names = [...table.names];
    this.runs = runs;
    this.#series = Array.from({ length: runs * this.names.length }, () => new StepSeries(HISTORY_CAPACITY.evals));
    return dropped;
  }
}

const lastValue = (s: StepSeries): number => (s.length ? (s.values[s.length - 1] as number) : NaN);

/**
 * Merges points (ascending steps) into a series: at a step held already, the incoming value wins; a value equal to
 * the one just before it is the same observation seen again, and goes when either of the two is incoming (points
 * are recorded as values change, so the earlier step is where it was first seen). Returns whether it changed.
 */
function unite(s: StepSeries, steps: readonly number[], values: readonly number[]): boolean {
  const out: { step: number; value: number; incoming: boolean }[] = [];
  const add = (step: number, value: number, incoming: boolean): void => {
    const prev = out[out.length - 1];
    if (prev && prev.value === value && (incoming || prev.incoming)) {
      prev.incoming ||= incoming;
      return;
    }
    out.push({ step, value, incoming });
  };
  let i = 0;
  for (let j = 0; j < steps.length; j++) {
    const step = steps[j] as number;
    for (; i < s.length && (s.steps[i] as number) < step; i++) add(s.steps[i] as number, s.values[i] as number, false);
    if (i < s.length && s.steps[i] === step) i++;
    add(step, values[j] as number, true);
  }
  for (; i < s.length; i++) add(s.steps[i] as number, s.values[i] as number, false);
  const same = out.length === s.length && out.every((p, k) => p.step === s.steps[k] && p.value === s.values[k]);
  if (same) return false;
  s.clear();
  s.merge(
    out.map((p) => p.step),
    out.map((p) => p.value),
  );
  return true;
}
