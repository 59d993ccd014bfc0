/**
 * The recent trajectory of one run, as the live landscape draws it: weight snapshots θ_t (plain arrays, params
 * order) taken at most every `intervalMs` of wall-clock time (and at most once per step), the newest `capacity`
 * of them, each with its true loss on the probe batch once that has been evaluated (null until then), and its
 * projection onto the plane on screen, cached by the plane's id (a projection is a pass over every parameter).
 */
import type { ParamArrays } from './paramArrays.ts';
import type { PlanePoint } from './project.ts';

export interface Snapshot {
  step: number;
  values: ParamArrays;
  /** L(θ_t) on the probe batch in evaluation mode (NaN where not finite); null until evaluated. */
  loss: number | null;
  /** Its loss is being computed on another thread. */
  inFlight?: boolean;
  /** The projection onto the plane whose id is `planeId`. */
  projected?: { planeId: number; point: PlanePoint };
}

export class Trajectory {
  readonly snapshots: Snapshot[] = [];
  private lastAt = -Infinity;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`Trajectory: capacity must be at least 1, got ${capacity}`);
  }

  get newest(): Snapshot | undefined {
    return this.snapshots.at(-1);
  }

  /** Whether a snapshot of step `step` is due at `now` (ms): a newer step, and `intervalMs` since the last. */
  due(step: number, now: number, intervalMs: number): boolean {
    const last = this.newest;
    return (!last || step > last.step) && now - this.lastAt >= intervalMs;
  }

  /** Adds θ at `step` (the arrays are kept, not copied), dropping the oldest past capacity. */
  record(step: number, values: ParamArrays, now: number, loss: number | null = null): Snapshot {
    const snap: Snapshot = { step, values, loss };
    this.snapshots.push(snap);
    if (this.snapshots.length > this.capacity) this.snapshots.splice(0, this.snapshots.length - this.capacity);
    this.lastAt = now;
    return snap;
  }

  /** The oldest snapshot whose loss is neither evaluated nor being evaluated (and that `accept` takes). */
  unevaluated(accept?: (s: Snapshot) => boolean): Snapshot | undefined {
    return this.snapshots.find((s) => s.loss === null && !s.inFlight && (!accept || accept(s)));
  }

  clear(): void {
    this.snapshots.length = 0;
    this.lastAt = -Infinity;
  }
}
