/**
 * A bounded series of points keyed by step: loss curves (one column), optimizer paths (x, y, loss), evaluation
 * metrics. Points merge by step number (frames repeat recent points, and a late joiner's snapshot overlaps live
 * frames). Used by the server (trainer, room history for snapshots) and by the client (charts), with the same
 * capacities (HISTORY_CAPACITY), so that everyone sees one curve.
 *
 * Thinning depends on the step numbers alone, never on when or in which order points arrived:
 *  - the last `tail` steps (lastStep − tail, lastStep] keep every point (tail: 256, at most a quarter of the
 *    capacity);
 *  - older steps are cut into buckets of `stride` steps ([k·stride, (k+1)·stride)), and each bucket keeps its
 *    first point. On a series with a point at every step, that is the multiples of the stride;
 *  - the stride is the smallest power of two for which the buckets before the tail fit, with the tail, in the
 *    capacity: a function of lastStep only (steps are whole numbers ≥ 0, so the capacity is never exceeded).
 * So the whole run stays visible at one uniform resolution, thinning again later gives what thinning once would
 * have, and any two holders of the same steps keep the same points: a late joiner that starts from the server's
 * thinned history and then merges live frames ends with the points of a member who received every frame.
 * A holder that missed a bucket's first point keeps its next one instead. Buckets, rather than multiples of the
 * stride alone, keep sparse series (an evaluation every few hundred steps) from being thinned to nothing.
 */

/**
 * How many points each history keeps before it is thinned, the same on the server (the room's history, which late
 * joiners get) and in every client.
 */
export const HISTORY_CAPACITY = {
  /** Loss curve points (steps; one column per run). */
  loss: 8192,
  /** Optimizer path points (steps; x, y, loss per run). */
  path: 4096,
  /** Evaluations (about one per epoch; each holds every run's metrics). */
  evals: 1024,
} as const;

/** Most recent steps kept at full resolution (at most a quarter of the capacity). */
const TAIL = 256;

/**
 * The stride for a series whose last step is `lastStep`: the smallest power of two such that the buckets of the
 * steps [0, lastStep − tail] plus the `tail` steps after them fit in `capacity` points.
 */
function strideFor(lastStep: number, capacity: number, tail: number): number {
  const buckets = Math.max(1, capacity - tail);
  const span = Math.max(0, lastStep - tail + 1);
  let stride = 1;
  while (Math.ceil(span / stride) > buckets) stride *= 2;
  return stride;
}

export class StepSeries {
  steps: number[] = [];
  /** One array per column, each as long as `steps`. */
  columns: number[][];
  /** Steps after lastStep − this keep full resolution. */
  readonly #tailSteps: number;
  /** The stride the points before `#settled` were thinned with (0: none yet). */
  #stride = 0;
  /** Points at indices below this are final for `#stride`: out of the tail and checked. */
  #settled = 0;

  constructor(
    readonly capacity = 4096,
    width = 1,
  ) {
    this.columns = Array.from({ length: width }, () => []);
    this.#tailSteps = Math.min(TAIL, Math.floor(capacity / 4));
  }

  /** The first column (the value of a one-column series). */
  get values(): number[] {
    return this.columns[0] as number[];
  }

  get length(): number {
    return this.steps.length;
  }

  get lastStep(): number {
    return this.steps.length ? (this.steps[this.steps.length - 1] as number) : -1;
  }

  /** Adds points in ascending step order; steps at or before the last one held are skipped. */
  merge(steps: ArrayLike<number>, ...columns: ArrayLike<number>[]): void {
    if (columns.length !== this.columns.length) {
      throw new RangeError(`StepSeries has ${this.columns.length} columns, got ${columns.length}`);
    }
    const before = this.steps.length;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as number;
      if (s > this.lastStep) {
        this.steps.push(s);
        this.columns.forEach((col, c) => col.push((columns[c] as ArrayLike<number>)[i] as number));
      }
    }
    if (this.steps.length !== before) this.#thin();
  }

  /** Appends one point (one value per column). */
  push(step: number, ...values: number[]): void {
    this.merge([step], ...values.map((v) => [v]));
  }

  /** Drops every point after `step` (a revert rewinds the run). */
  truncateAfter(step: number): void {
    let n = this.steps.length;
    while (n > 0 && (this.steps[n - 1] as number) > step) n--;
    this.#keep(n);
    // The tail now reaches further back, and the stride may be smaller: the next merge checks everything again
    // (points thinned away stay away, on every holder alike).
    this.#stride = 0;
    this.#settled = 0;
  }

  clear(): void {
    this.truncateAfter(-Infinity);
  }

  /** The last `n` points: steps, then one array per column. */
  tail(n: number): { steps: number[]; columns: number[][] } {
    return { steps: this.steps.slice(-n), columns: this.columns.map((c) => c.slice(-n)) };
  }

  /**
   * Applies the rule to the points not yet settled: those that left the tail since the last call (all of them
   * when the stride changed). Compacts in place, so the arrays handed out stay the series' own.
   */
  #thin(): void {
    const stride = strideFor(this.lastStep, this.capacity, this.#tailSteps);
    if (stride !== this.#stride) {
      this.#stride = stride;
      this.#settled = 0;
    }
    const tailStart = this.lastStep - this.#tailSteps + 1;
    const steps = this.steps;
    const n = steps.length;
    let bucket = this.#settled > 0 ? Math.floor((steps[this.#settled - 1] as number) / stride) : -Infinity;
    let write = this.#settled;
    let read = this.#settled;
    for (; read < n && (steps[read] as number) < tailStart; read++) {
      const b = Math.floor((steps[read] as number) / stride);
      if (b === bucket) continue; // not the first point of its bucket
      bucket = b;
      this.#move(read, write++);
    }
    this.#settled = write;
    if (write === read) return;
    for (; read < n; read++) this.#move(read, write++);
    this.#keep(write);
  }

  #move(from: number, to: number): void {
    if (from === to) return;
    this.steps[to] = this.steps[from] as number;
    for (const col of this.columns) col[to] = col[from] as number;
  }

  #keep(n: number): void {
    this.steps.length = n;
    for (const col of this.columns) col.length = n;
  }
}
