/**
 * A bounded series of points keyed by step: loss curves (one column) and optimizer paths (x, y, loss).
 * Points merge by step number (frames repeat recent points, and a late joiner's snapshot overlaps live
 * frames). When the series outgrows `capacity`, the kept stride doubles: only points whose arrival number is a
 * multiple of the stride stay, except the last TAIL points, which keep full resolution. So the whole run stays
 * visible at one uniform resolution (an older scheme thinned the oldest points again at every overflow, and a
 * long run's start collapsed into a few points).
 * Used by the server (trainer path, room history for snapshots) and by the client (charts).
 */
/**
 * How many points each history keeps before it is thinned, the same on the server (the room's history, which late
 * joiners get) and in every client, so that everyone sees one curve.
 */
export const HISTORY_CAPACITY = {
  /** Loss curve points (steps; one column per run). */
  loss: 8192,
  /** Optimizer path points (steps; x, y, loss per run). */
  path: 4096,
  /** Evaluations (about one per epoch; each holds every run's metrics). */
  evals: 1024,
} as const;

/** Most recent points kept at full resolution through decimation. */
const TAIL = 256;

export class StepSeries {
  steps: number[] = [];
  /** One array per column, each as long as `steps`. */
  columns: number[][];
  /** Arrival number of each kept point (0, 1, 2… in merge order); decimation keeps multiples of `stride`. */
  private seqs: number[] = [];
  private arrivals = 0;
  private stride = 1;

  constructor(
    readonly capacity = 4096,
    width = 1,
  ) {
    this.columns = Array.from({ length: width }, () => []);
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
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as number;
      if (s > this.lastStep) {
        this.steps.push(s);
        this.seqs.push(this.arrivals++);
        this.columns.forEach((col, c) => col.push((columns[c] as ArrayLike<number>)[i] as number));
      }
    }
    if (this.steps.length > this.capacity) this.decimate();
  }

  /** Appends one point (one value per column). */
  push(step: number, ...values: number[]): void {
    this.merge([step], ...values.map((v) => [v]));
  }

  /** Drops every point after `step` (a revert rewinds the run). */
  truncateAfter(step: number): void {
    let n = this.steps.length;
    while (n > 0 && (this.steps[n - 1] as number) > step) n--;
    this.steps.length = n;
    this.seqs.length = n;
    for (const col of this.columns) col.length = n;
  }

  clear(): void {
    this.truncateAfter(-Infinity);
  }

  /** The last `n` points: steps, then one array per column. */
  tail(n: number): { steps: number[]; columns: number[][] } {
    return { steps: this.steps.slice(-n), columns: this.columns.map((c) => c.slice(-n)) };
  }

  /**
   * Thins everything but the tail to the current stride first (points that arrived since the last overflow are
   * still at full resolution), and doubles the stride only while that is not enough.
   */
  private decimate(): void {
    // The tail is named by arrival number, so it stays the same points however many thinning passes run.
    const tailSeq = this.seqs[Math.max(0, this.seqs.length - Math.min(TAIL, Math.floor(this.capacity / 4)))] as number;
    const thin = (): void => {
      const keep = this.seqs.map((q) => q >= tailSeq || q % this.stride === 0);
      const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => keep[i]);
      this.steps = pick(this.steps);
      this.seqs = pick(this.seqs);
      this.columns = this.columns.map(pick);
    };
    thin();
    while (this.steps.length > this.capacity) {
      this.stride *= 2;
      thin();
    }
  }
}
