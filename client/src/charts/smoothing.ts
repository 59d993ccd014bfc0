/**
 * Smoothing of a noisy curve for reading it (the viewer's choice, never sent to the server): TensorBoard's
 * debiased exponential moving average. A loss measured on one mini-batch per step (ch03-03's batch of 1,
 * ch06-02's 100 images) jumps from step to step; its trend is what a student reads.
 *
 * TensorBoard's scalar smoothing (its `smoothing` slider, 0 … 0.99): with weight w and the raw values x₁, x₂, …
 *   last_n = last_{n−1}·w + (1 − w)·x_n   (last₀ = 0)
 *   smoothed_n = last_n / (1 − wⁿ)          (the debias: an EMA started at 0 would start near 0)
 * Points are counted by index, not by step, as TensorBoard does. Non-finite values (a diverged run's NaN) are
 * not smoothed: they stay non-finite and leave the average as it was, so the line resumes where it left off.
 */

/** Largest weight the slider offers: 1 would freeze the average at its first value. */
export const MAX_SMOOTHING = 0.99;
/** TensorBoard's default. */
export const DEFAULT_SMOOTHING = 0.6;

/** The debiased EMA of `values` with weight `w` in [0, MAX_SMOOTHING] (clamped); w = 0 returns the values. */
export function emaSmooth(values: ArrayLike<number>, w: number): number[] {
  const weight = Number.isFinite(w) ? Math.min(MAX_SMOOTHING, Math.max(0, w)) : 0;
  const out = new Array<number>(values.length);
  let last = 0;
  // Number of finite values averaged so far (n in the debias 1 − wⁿ).
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) {
      out[i] = x;
      continue;
    }
    last = last * weight + (1 - weight) * x;
    n++;
    out[i] = weight === 0 ? x : last / (1 - weight ** n);
  }
  return out;
}

/** How close (as a share of the step) a held value's EMA must come to it to count as reached. */
const REACHED = 1e-3;

/**
 * The same EMA per step for a series recorded only when it changed (an accuracy: EvalHistory records a point each
 * time the value moves), so it holds each value until its next point: over a gap of Δ steps the held value
 * x_{i−1} is averaged in Δ times (last·w^Δ + (1 − w^Δ)·x_{i−1}) before x_i is. By index, a few sparse points would
 * weigh as much as many dense ones, and an accuracy that sat at 100 % for 80,000 steps would still read 98 %.
 * With one point per step it is emaSmooth.
 *
 * A line drawn straight between two sparse smoothed points would show a slow ramp where the average in fact
 * reaches the held value within a few steps (⌈log 0.001 / log w⌉: 14 at w = 0.6) and then stays: such a gap gets
 * two more points, where the average has reached the held value and just before the next point. The result has
 * its own steps.
 */
export function emaSmoothSteps(steps: ArrayLike<number>, values: ArrayLike<number>, w: number): { steps: number[]; values: number[] } {
  const weight = Number.isFinite(w) ? Math.min(MAX_SMOOTHING, Math.max(0, w)) : 0;
  const n = Math.min(steps.length, values.length);
  if (weight === 0) return { steps: Array.from({ length: n }, (_, i) => steps[i] as number), values: Array.from({ length: n }, (_, i) => values[i] as number) };
  const outSteps: number[] = [];
  const out: number[] = [];
  // Steps for the average to come within REACHED of a held value.
  const settle = Math.ceil(Math.log(REACHED) / Math.log(weight));
  let last = 0;
  // Steps averaged so far (the debias 1 − w^count), the previous finite point's step and value.
  let count = 0;
  let prevStep = NaN;
  let prevValue = NaN;
  /** The average after `k` more steps of the held value. */
  const hold = (k: number): void => {
    const decay = weight ** k;
    last = last * decay + (1 - decay) * prevValue;
    count += k;
  };
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const step = steps[i] as number;
    if (!Number.isFinite(x)) {
      outSteps.push(step);
      out.push(x);
      continue;
    }
    // The held value over the gap's steps before this one.
    const held = count > 0 ? Math.max(0, step - prevStep - 1) : 0;
    if (held > settle + 1) {
      hold(settle);
      outSteps.push(prevStep + settle);
      out.push(last / (1 - weight ** count));
      hold(held - settle);
      outSteps.push(step - 1);
      out.push(last / (1 - weight ** count));
    } else if (held > 0) {
      hold(held);
    }
    last = last * weight + (1 - weight) * x;
    count++;
    outSteps.push(step);
    out.push(last / (1 - weight ** count));
    prevStep = step;
    prevValue = x;
  }
  return { steps: outSteps, values: out };
}

/**
 * Per-epoch means of a loss column, aligned to its steps: NaN everywhere but at each epoch's last point, which holds
 * the mean of the epoch's finite values (the loss at step k is that of the batch of update k + 1, so the epoch that
 * ends with the evaluation at step e holds the points at steps in [previous end, e)); the epoch under way gets the
 * mean so far, at the newest point. `ends`: the steps at which epochs ended (evaluations), increasing. A chart
 * joins the means (spanGaps), one point per epoch.
 */
export function epochMeanColumn(steps: ArrayLike<number>, values: ArrayLike<number>, ends: readonly number[]): number[] {
  const n = Math.min(steps.length, values.length);
  const out = new Array<number>(n).fill(NaN);
  let e = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const step = steps[i] as number;
    while (e < ends.length && step >= (ends[e] as number)) e++;
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
    // The epoch's last point: the next point starts another epoch (or there is none).
    const next = i + 1 < n ? (steps[i + 1] as number) : Infinity;
    const closes = i + 1 >= n || (e < ends.length && next >= (ends[e] as number));
    if (closes) {
      out[i] = count > 0 ? sum / count : NaN;
      sum = 0;
      count = 0;
    }
  }
  return out;
}
