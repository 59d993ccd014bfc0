/**
 * The loss curve as a `metrics` frame. A live frame carries a window of recent points (delivery.ts
 * recentWindow), so a few dropped volatile frames lose nothing the next one does not repeat; a whole-history
 * frame (meta.full: a snapshot, or the first frame of a new generation) carries the whole (thinned) series.
 * Clients merge points by step.
 *
 * Fields: `step` f64 [n]; `loss` f32 [n] for one run, or [v, n] (row per variant, NaN once a variant diverged)
 * for a comparison lesson; `evals` f32 [v, m]: each run's latest evaluation metrics, named in meta.evalNames
 * (comma-separated; NaN where a run has no value yet). A whole-history frame also carries the evaluation log:
 * `evalLogSteps` f64 [k] and `evalLog` f32 [k, v, m], every run's metrics at each completed evaluation, so a
 * late joiner can draw accuracy over the whole run.
 *
 * Plain arrays in, a plain frame out (no tfjs): the training worker makes live frames with it, and the room, on
 * the socket thread, a newcomer's whole-history frame from its own history.
 */
import { field, type Frame, type Meta, StepSeries } from '@gradcast/shared';

/** One completed evaluation: the step it completed at, and every run's metrics then (one record per run). */
export interface EvalEntry {
  step: number;
  evals: Record<string, number>[];
}

export interface MetricsFrameOptions {
  /** Points from the end of the series (all of them by default). */
  count?: number;
  /** Each run's latest metrics (the `evals` table). */
  evals?: readonly Record<string, number>[];
  /** The evaluation log, for a whole-history frame. */
  log?: readonly EvalEntry[];
  /**
   * Metric names besides those of `evals` and `log` (a history's earlier names): the table keeps every name the
   * history has had, NaN where a run has no value now, so the columns do not change under a viewer's chart.
   */
  names?: Iterable<string>;
}

export function metricsFrame(series: StepSeries, generation: number, step: number, meta: Meta, opts: MetricsFrameOptions = {}): Frame {
  const evals = opts.evals ?? [];
  const log = opts.log;
  const { steps, columns } = series.tail(opts.count ?? series.length);
  const v = columns.length;
  const n = steps.length;
  const loss = new Float32Array(v * n);
  columns.forEach((col, r) => loss.set(col, r * n));
  const keys = [...(opts.names ?? []), ...[...evals, ...(log ?? []).flatMap((l) => l.evals)].flatMap((e) => Object.keys(e))];
  const names = [...new Set(keys)].sort();
  const table = new Float32Array(evals.length * names.length);
  evals.forEach((e, r) => names.forEach((k, c) => (table[r * names.length + c] = e[k] ?? NaN)));
  const logFields: Frame['fields'] = {};
  if (log) {
    const runs = evals.length;
    const m = names.length;
    const data = new Float32Array(log.length * runs * m).fill(NaN);
    log.forEach((l, i) => l.evals.forEach((e, r) => names.forEach((k, c) => (data[(i * runs + r) * m + c] = e[k] ?? NaN))));
    logFields.evalLogSteps = field('f64', Float64Array.from(log.map((l) => l.step)));
    logFields.evalLog = field('f32', data, [log.length, runs, m]);
  }
  return {
    channel: 'metrics',
    generation,
    step,
    meta: { ...meta, evalNames: names.join(',') },
    fields: {
      step: field('f64', Float64Array.from(steps)),
      loss: field('f32', loss, v === 1 ? [n] : [v, n]),
      evals: field('f32', table, [evals.length, names.length]),
      ...logFields,
    },
  };
}

/** Number of points of `series` at steps ≥ `step` (those a frame made after step − 1 has not carried yet). */
export function pointsSince(series: StepSeries, step: number): number {
  let i = series.length;
  while (i > 0 && (series.steps[i - 1] as number) >= step) i--;
  return series.length - i;
}
