/**
 * The loss curve as a `metrics` frame. A live frame carries a window of recent points (at most RECENT), so
 * a few dropped volatile frames lose nothing the next one does not repeat; a snapshot carries the whole
 * (decimated) series. Clients merge points by step.
 *
 * Fields: `step` f64 [n]; `loss` f32 [n] for one run, or [v, n] (row per variant, NaN once a variant diverged)
 * for a comparison lesson; `evals` f32 [v, m]: each run's latest evaluation metrics, named in meta.evalNames
 * (comma-separated; NaN where a run has no value yet). A whole-history frame also carries the evaluation log:
 * `evalLogSteps` f64 [k] and `evalLog` f32 [k, v, m], every run's metrics at each completed evaluation, so a
 * late joiner can draw accuracy over the whole run.
 */
import { field, type Frame, type Meta, StepSeries } from '@gradcast/shared';

export const RECENT = 256;

export function metricsFrame(
  series: StepSeries,
  generation: number,
  step: number,
  meta: Meta,
  count: number = RECENT,
  evals: Record<string, number>[] = [],
  log?: { step: number; evals: Record<string, number>[] }[],
): Frame {
  const { steps, columns } = series.tail(count);
  const v = columns.length;
  const n = steps.length;
  const loss = new Float32Array(v * n);
  columns.forEach((col, r) => loss.set(col, r * n));
  const names = [...new Set([...evals, ...(log ?? []).flatMap((l) => l.evals)].flatMap((e) => Object.keys(e)))].sort();
  const table = new Float32Array(evals.length * names.length);
  evals.forEach((e, r) => names.forEach((k, c) => (table[r * names.length + c] = e[k] ?? NaN)));
  const logFields: Frame['fields'] = {};
  if (log) {
    const v = evals.length;
    const m = names.length;
    const data = new Float32Array(log.length * v * m).fill(NaN);
    log.forEach((l, i) => l.evals.forEach((e, r) => names.forEach((k, c) => (data[(i * v + r) * m + c] = e[k] ?? NaN))));
    logFields.evalLogSteps = field('f64', Float64Array.from(log.map((l) => l.step)));
    logFields.evalLog = field('f32', data, [log.length, v, m]);
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
