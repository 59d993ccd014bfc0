/**
 * Shaping run histories into uPlot's aligned columns ([x, y1, y2, …], null = no point) and the legend's
 * per-run readouts. Pure, so the charts' data can be tested without a canvas.
 */
import { emaSmooth, epochMeanColumn } from './smoothing.ts';

/** uPlot's AlignedData, spelled out so this module does not import the library. */
export type Aligned = [number[], ...(number | null)[][]];

/** How StepChart draws one series. */
export interface StepSeriesStyle {
  label: string;
  color: string;
  /** Line width in CSS pixels. */
  width?: number;
  /** Dash pattern in CSS pixels; solid when empty. */
  dash?: number[];
  /** Bridge missing points (series sampled at their own steps). */
  spanGaps?: boolean;
  /** Draw a dot at each point (sparse series such as a per-epoch test accuracy). */
  points?: boolean;
  /** Opacity in [0, 1] (a noisy series behind a clean one). */
  alpha?: number;
}

/**
 * Whether the losses suit a log axis: every finite value is > 0. An objective that goes below zero (ch08-07's
 * quartic, minimum −108) would lose those stretches as gaps on a log axis, so its chart is linear instead.
 */
export function positiveLosses(runs: number[][]): boolean {
  return runs.every((run) => run.every((v) => !Number.isFinite(v) || v > 0));
}

/**
 * Loss columns for the chart's axis: on a log axis zero, negative and non-finite values become gaps (log(0) has
 * no place); on a linear one only the non-finite do. Steps are copied: the history's own array keeps growing, and
 * the chart must not see it longer than its values.
 */
export function lossColumns(steps: number[], runs: number[][], log = true): Aligned {
  const keep = log ? (v: number) => v > 0 && Number.isFinite(v) : Number.isFinite;
  return [steps.slice(), ...runs.map((run) => run.map((v) => (keep(v) ? v : null)))];
}

/**
 * Several series with their own steps on one x axis: the union of their steps, each series null where it has no
 * point (the chart bridges such gaps, spanGaps). `scale` multiplies values (fractions → percent).
 */
export function alignSeries(series: { steps: number[]; values: number[] }[], scale = 1): Aligned {
  const all = [...new Set(series.flatMap((s) => s.steps))].sort((a, b) => a - b);
  const at = new Map(all.map((step, i) => [step, i]));
  const columns = series.map((s) => {
    const col: (number | null)[] = new Array<number | null>(all.length).fill(null);
    s.steps.forEach((step, i) => {
      const v = s.values[i] as number;
      col[at.get(step) as number] = Number.isFinite(v) ? v * scale : null;
    });
    return col;
  });
  return [all, ...columns];
}

/** One entry of a run legend (RunLegend.svelte). */
export interface LegendItem {
  label: string;
  color: string;
  dash?: number[];
  /** Swatch line width and opacity, as the chart draws the series. */
  width?: number;
  alpha?: number;
  /** Readout after the label, e.g. "0.0231" or "91.2 %". */
  value?: string;
  /** Shown in the warning colour, e.g. "diverged". */
  warning?: string;
  /** A run the viewer can hide: the entry is a toggle button calling this (RunLegend). */
  toggle?: () => void;
  /** The run is hidden (drawn struck through; the button is not pressed). */
  hidden?: boolean;
}

/** What a legend shows for one run: its newest finite value, and whether it diverged. */
export interface RunReadout {
  /** Newest finite value, or null when there is none. */
  value: number | null;
  /** True when the run has values and the newest is not finite (a diverged variant's loss is NaN from then on). */
  diverged: boolean;
}

export function runReadout(values: ArrayLike<number>): RunReadout {
  const n = values.length;
  if (n === 0) return { value: null, diverged: false };
  const newest = values[n - 1] as number;
  if (Number.isFinite(newest)) return { value: newest, diverged: false };
  for (let i = n - 2; i >= 0; i--) {
    const v = values[i] as number;
    if (Number.isFinite(v)) return { value: v, diverged: true };
  }
  return { value: null, diverged: true };
}

/**
 * The loss axis's data range: the finite losses (> 0 on a log axis) of the runs that have not diverged, so one
 * run running off to ±1e30 before it overflows does not flatten the others into a line (it is marked "diverged"
 * in the legend and leaves the chart). Every run's values when all have diverged; null when there are none.
 */
export function lossRange(runs: ArrayLike<number>[], log: boolean): [number, number] | null {
  const live = runs.filter((run) => !runReadout(run).diverged);
  let lo = Infinity;
  let hi = -Infinity;
  for (const run of live.length ? live : runs) {
    for (let i = 0; i < run.length; i++) {
      const v = run[i] as number;
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Evaluation metrics drawn on the accuracy chart: the names that are accuracies (fractions in [0, 1]). */
export function isAccuracy(name: string): boolean {
  return /accuracy$/i.test(name);
}

/** "testAccuracy" → "test", "trainAccuracy" → "train", "accuracy" → "accuracy". */
export function accuracyKind(name: string): string {
  const kind = name.replace(/accuracy$/i, '');
  return kind === '' ? 'accuracy' : kind.charAt(0).toLowerCase() + kind.slice(1);
}

/**
 * How an accuracy line is drawn, so kinds differ by more than colour (which tells the runs apart): a test
 * accuracy (measured once per epoch) thick with a dot per evaluation; a train accuracy (over the recent
 * batches, noisy, changing at every step) thin and faded; any other kind dashed.
 */
export function accuracyStyle(name: string): { width: number; alpha: number; dash: number[]; points: boolean } {
  const kind = accuracyKind(name);
  if (kind === 'train') return { width: 1.25, alpha: 0.55, dash: [], points: false };
  if (kind === 'test' || kind === 'accuracy') return { width: 2.5, alpha: 1, dash: [], points: true };
  return { width: 1.75, alpha: 1, dash: [6, 4], points: true };
}

/**
 * Each series extended to `step` with its newest value: a metric is recorded only when it changes, and holds
 * its value until then, so an accuracy that stopped changing (100 % on a small task) still draws as a line to
 * the current step instead of a lone, invisible point.
 */
export function holdToStep<T extends { steps: number[]; values: number[] }>(series: T[], step: number): T[] {
  return series.map((s) => {
    const last = s.steps.at(-1);
    if (last === undefined || !(step > last)) return s;
    return { ...s, steps: [...s.steps, step], values: [...s.values, s.values.at(-1) as number] };
  });
}

/**
 * The lines a chart draws for its runs: each shown run's raw values and, when smoothing (weight > 0), each one's
 * debiased EMA (smoothing.ts), drawn over the faint raw curve; or, given `epochs` (the runs' steps and the steps at
 * which epochs ended), each one's per-epoch means instead of the EMA. `shown`: the run indices the viewer has not
 * hidden.
 */
export function smoothedRuns(
  runs: readonly ArrayLike<number>[],
  shown: readonly number[],
  weight: number,
  epochs?: { steps: ArrayLike<number>; ends: readonly number[] },
): { raw: number[][]; smooth: number[][] } {
  const raw = shown.flatMap((k) => (runs[k] ? [Array.from(runs[k] as ArrayLike<number>)] : []));
  if (epochs) return { raw, smooth: raw.map((r) => epochMeanColumn(epochs.steps, r, epochs.ends)) };
  return { raw, smooth: weight > 0 ? raw.map((r) => emaSmooth(r, weight)) : [] };
}

/** Opacity of a raw curve drawn behind its smoothed one (TensorBoard draws it faint, too). */
export const RAW_BEHIND_ALPHA = 0.22;

/**
 * The step axis the loss and accuracy charts share: from the history's first step `from` to the current step `to`
 * (either may be unknown), widened to any data outside them (`min`, `max`: the data's own extent, NaN or null when
 * it has none); a lone step gets an axis one step either side.
 */
export function stepRange(
  from: number | undefined,
  to: number | undefined,
  min: number | null,
  max: number | null,
): [number, number] {
  const finite = (...vs: (number | null | undefined)[]): number[] => vs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lows = finite(from, min);
  const highs = finite(to, max);
  if (!lows.length && !highs.length) return [0, 1];
  const lo = Math.min(...(lows.length ? lows : highs));
  const hi = Math.max(...(highs.length ? highs : lows));
  return lo < hi ? [lo, hi] : [lo - 1, hi + 1];
}
