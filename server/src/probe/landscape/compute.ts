/**
 * Where the live landscape's arithmetic runs: on the training thread in the time the engine gives it (localCompute:
 * slices in budgeted passes, snapshot losses at once), or on another thread while a core is free (the engine's
 * slice worker: engine/remoteCompute.ts), which costs the training thread only the copies of the arrays it sends.
 * liveLandscape.ts asks for a remote slice or loss first and computes locally when none is offered.
 */
import type { LandscapeSource } from '../../train/landscapeSource.ts';
import type { ParamArrays } from './paramArrays.ts';
import type { Plane } from './project.ts';
import { SliceJob, type SliceLevel } from './slice.ts';

export interface SliceRequest {
  plane: Plane;
  range: number;
  levels?: readonly number[];
}

/** A slice under way. */
export interface SliceTask {
  /**
   * The levels completed since the last call, coarse first. A local task works for about `budgetMs` first (none
   * when 0); a remote one only takes what has arrived.
   */
  poll(budgetMs: number): SliceLevel[];
  /** Every level has been handed out by poll(). */
  readonly done: boolean;
  /** Whether poll() would hand out or do something now (local: work left; remote: a level arrived). */
  readonly ready: boolean;
  /** Stops it and frees what it holds. */
  dispose(): void;
}

/** Work on another thread, when a core is free for it (null / false: none offered, compute locally). */
export interface RemoteCompute {
  /** A slice on the other thread, `arrived` called as each level arrives; null when not offered. */
  slice(source: LandscapeSource, request: SliceRequest, arrived: () => void): SliceTask | null;
  /**
   * Asks for L(θ) at `values`; `done` gets it later with the milliseconds it took there, or null when it could not
   * be computed there after all (compute it locally). False when not offered.
   */
  loss(source: LandscapeSource, values: ParamArrays, done: (loss: number | null, ms: number) => void): boolean;
}

/** A slice on the calling thread, in passes of about the budget given to poll(). */
export function localSlice(source: LandscapeSource, request: SliceRequest): SliceTask {
  const job = new SliceJob(source, request.plane, { range: request.range, ...(request.levels ? { levels: request.levels } : {}) });
  let handedAll = false;
  return {
    poll(budgetMs) {
      if (budgetMs <= 0 || job.done) return [];
      const levels = job.run(budgetMs);
      if (job.done) {
        handedAll = true;
        job.dispose();
      }
      return levels;
    },
    get done() {
      return handedAll;
    },
    get ready() {
      return !handedAll;
    },
    dispose() {
      job.dispose();
      handedAll = true;
    },
  };
}
