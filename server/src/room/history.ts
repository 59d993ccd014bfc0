/**
 * A room's run history on the socket thread: the loss of every run per step, the optimizer path per run, and the
 * evaluation log (every run's metrics at each completed evaluation), each a StepSeries of the shared capacity
 * (HISTORY_CAPACITY), so a newcomer's curves are thinned as a long-time member's are.
 *
 * It is merged from what the worker posts: the `metrics` and `path` frames (a live frame's window merges by step;
 * a whole-history frame, meta.full, replaces the series and, for metrics, the evaluation log) and the evaluations
 * completed between two frames. Since the worker makes the history channels at every tick whether anyone watches
 * them or not (probe/delivery.ts), nothing is missing. A newcomer gets it back as whole-history frames in the
 * frames' own layouts (probe/metrics.ts, probe/optimizerPath.ts), encoded here with no worker round trip.
 */
import { type Channel, type Field, type Frame, HISTORY_CAPACITY, type Meta, StepSeries } from '@gradcast/shared';
import { type EvalEntry, metricsFrame } from '../probe/metrics.ts';
import { pathFrame } from '../probe/optimizerPath.ts';

/** The channels whose frames carry history (points merged by step), which the room keeps whole. */
export const HISTORY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['metrics', 'path']);

/** Rows of a field shaped [n] (one run) or [v, n] (v runs; `inner` trailing dims per point). */
function runCount(f: Field, inner: number): number {
  return f.dims.length > inner ? (f.dims[0] as number) : 1;
}

/**
 * Every run's metrics at each completed evaluation, keyed by step: one StepSeries whose columns are run-major
 * (run r's metric `names[c]` in column r·names.length + c). A metric seen for the first time widens it.
 */
export class EvalLog {
  names: string[] = [];
  runs = 0;
  #series = new StepSeries(HISTORY_CAPACITY.evals, 0);

  get length(): number {
    return this.#series.length;
  }

  get lastStep(): number {
    return this.#series.lastStep;
  }

  /** Adds entries in step order (entries at or before the last step held are skipped). */
  merge(entries: readonly EvalEntry[]): void {
    for (const e of entries) {
      if (e.step <= this.#series.lastStep) continue;
      const runs = e.evals.length;
      const names = e.evals.flatMap((r) => Object.keys(r));
      if (runs !== this.runs && this.#series.length > 0) this.clear();
      if (runs !== this.runs || names.some((n) => !this.names.includes(n))) this.#widen(runs, names);
      const m = this.names.length;
      const values = Array.from({ length: runs * m }, (_, k) => e.evals[Math.floor(k / m)]?.[this.names[k % m] as string] ?? NaN);
      this.#series.push(e.step, ...values);
    }
  }

  /** The log as entries, oldest first (a metric a run has no value for reads NaN). */
  entries(): EvalEntry[] {
    const m = this.names.length;
    const { steps, columns } = this.#series;
    return steps.map((step, i) => ({
      step,
      evals: Array.from({ length: this.runs }, (_, r) => Object.fromEntries(this.names.map((n, c) => [n, columns[r * m + c]?.[i] as number]))),
    }));
  }

  clear(): void {
    this.names = [];
    this.runs = 0;
    this.#series = new StepSeries(HISTORY_CAPACITY.evals, 0);
  }

  /** Columns for `runs` runs and every name held or in `more` (sorted), the points held kept (NaN in new columns). */
  #widen(runs: number, more: string[]): void {
    const names = [...new Set([...this.names, ...more])].sort();
    const old = { names: this.names, runs: this.runs, series: this.#series };
    const series = new StepSeries(HISTORY_CAPACITY.evals, runs * names.length);
    const m = old.names.length;
    const columns = Array.from({ length: runs * names.length }, (_, k) => {
      const r = Math.floor(k / names.length);
      const c = old.names.indexOf(names[k % names.length] as string);
      return r < old.runs && c >= 0 ? (old.series.columns[r * m + c] as number[]) : old.series.steps.map(() => NaN);
    });
    series.merge(old.series.steps, ...columns);
    this.names = names;
    this.runs = runs;
    this.#series = series;
  }
}

export class RunHistory {
  /** Loss per step, one column per run; null before the first metrics frame. */
  loss: StepSeries | null = null;
  /** (x, y, loss) per run and step; null before the first path frame (lessons without an exact surface). */
  path: StepSeries | null = null;
  readonly evals = new EvalLog();
  /** The latest metrics frame (its meta and its table of each run's latest metrics go out again in a snapshot). */
  #metrics: Frame | null = null;
  /** The latest path frame (its labels). */
  #path: Frame | null = null;

  /** Merges a decoded metrics or path frame (other channels are not history: ignored). */
  ingest(frame: Frame): void {
    if (frame.channel === 'metrics') this.#ingestMetrics(frame);
    else if (frame.channel === 'path') this.#ingestPath(frame);
  }

  /** Evaluations completed since the last frames (the worker hands them on between whole-history frames). */
  mergeEvaluations(entries: readonly EvalEntry[]): void {
    if (entries.length) this.evals.merge(entries);
  }

  /** The history as whole-history frames (metrics, then path), in the live frames' layouts, marked `full`. */
  wholeFrames(): Frame[] {
    const out: Frame[] = [];
    const m = this.#metrics;
    if (m && this.loss) {
      const meta: Meta = { ...m.meta, full: true };
      out.push(metricsFrame(this.loss, m.generation, m.step, meta, { evals: evalTable(m), log: this.evals.entries(), names: this.evals.names }));
    }
    const p = this.#path;
    if (p && this.path) {
      const labels: [string, string] = [String(p.meta.xLabel ?? ''), String(p.meta.yLabel ?? '')];
      out.push(pathFrame(this.path, p.generation, p.step, labels, this.path.length, true));
    }
    return out;
  }

  #ingestMetrics(frame: Frame): void {
    const steps = frame.fields.step?.data;
    const loss = frame.fields.loss;
    if (!steps || !loss) return;
    const v = runCount(loss, 1);
    const n = steps.length;
    if (loss.data.length !== v * n) return;
    const full = frame.meta.full === true;
    if (full || !this.loss || this.loss.columns.length !== v) this.loss = new StepSeries(HISTORY_CAPACITY.loss, v);
    this.loss.merge(steps, ...Array.from({ length: v }, (_, r) => loss.data.subarray(r * n, (r + 1) * n)));
    if (full) {
      this.evals.clear();
      this.evals.merge(evalLogOf(frame));
    }
    this.#metrics = frame;
  }

  #ingestPath(frame: Frame): void {
    const steps = frame.fields.step?.data;
    const xy = frame.fields.xy;
    const loss = frame.fields.loss;
    if (!steps || !xy || !loss) return;
    const v = runCount(xy, 2);
    const n = steps.length;
    if (xy.data.length !== v * n * 2 || loss.data.length !== v * n) return;
    const full = frame.meta.full === true;
    if (full || !this.path || this.path.columns.length !== 3 * v) this.path = new StepSeries(HISTORY_CAPACITY.path, 3 * v);
    const columns: Float64Array[] = [];
    for (let r = 0; r < v; r++) {
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = xy.data[2 * (r * n + i)] as number;
        y[i] = xy.data[2 * (r * n + i) + 1] as number;
      }
      columns.push(x, y, Float64Array.from(loss.data.subarray(r * n, (r + 1) * n)));
    }
    this.path.merge(steps, ...columns);
    this.#path = frame;
  }
}

/** A metrics frame's table of each run's latest metrics, as one record per run. */
function evalTable(frame: Frame): Record<string, number>[] {
  const names = metricNames(frame);
  const f = frame.fields.evals;
  if (!f || f.dims.length !== 2 || f.dims[1] !== names.length) return [];
  const [v] = f.dims as [number, number];
  return Array.from({ length: v }, (_, r) => Object.fromEntries(names.map((n, c) => [n, f.data[r * names.length + c] as number])));
}

/** A whole-history metrics frame's evaluation log (evalLogSteps [k], evalLog [k, v, m]). */
function evalLogOf(frame: Frame): EvalEntry[] {
  const names = metricNames(frame);
  const steps = frame.fields.evalLogSteps?.data;
  const log = frame.fields.evalLog;
  if (!steps || !log || log.dims.length !== 3) return [];
  const [k, v, m] = log.dims as [number, number, number];
  if (m !== names.length || steps.length !== k) return [];
  return Array.from({ length: k }, (_, i) => ({
    step: steps[i] as number,
    evals: Array.from({ length: v }, (_, r) => Object.fromEntries(names.map((n, c) => [n, log.data[(i * v + r) * m + c] as number]))),
  }));
}

function metricNames(frame: Frame): string[] {
  const names = frame.meta.evalNames;
  return typeof names === 'string' && names !== '' ? names.split(',') : [];
}
