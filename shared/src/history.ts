/**
 * A bounded series of points keyed by step: loss curves (one column) and optimizer paths (x, y, loss).
 * Points merge by step number (frames repeat recent points, and a late joiner's snapshot overlaps live
 * frames). When the series outgrows `capacity`, every other point of the older half is dropped, so the
 * whole run stays visible at a falling resolution while the recent points keep full resolution.
 * Used by the server (trainer path, room history for snapshots) and by the client (charts).
 */
export class StepSeries {
  steps: number[] = [];
  /** One array per column, each as long as `steps`. */
  columns: number[][];

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
    for (const col of this.columns) col.length = n;
  }

  clear(): void {
    this.truncateAfter(-Infinity);
  }

  /** The last `n` points: steps, then one array per column. */
  tail(n: number): { steps: number[]; columns: number[][] } {
    return { steps: this.steps.slice(-n), columns: this.columns.map((c) => c.slice(-n)) };
  }

  private decimate(): void {
    const half = Math.floor(this.steps.length / 2);
    const keep = (_: number, i: number): boolean => i >= half || i % 2 === 0;
    this.steps = this.steps.filter(keep);
    this.columns = this.columns.map((c) => c.filter(keep));
  }
}
