/**
 * A fast-forward of one room (run:fastForward): the engine steps the run at full speed, whatever its `speed`, until it
 * has done exactly `to` updates, then pauses it there. The engine steps one update at a time and checks after each
 * (messages are handled between two steps), so the run stops exactly at the step boundary. A run:control, a new
 * fast-forward, a restart or a rebuild (a new generation) ends it early. The room's `speed` is never touched: once a
 * fast-forward ends, the run goes at its own pace again (paused at the target, or running after a `play`).
 */
import { FAST_FORWARD_MAX_STEPS, type FastForwardEnded, type FastForwardStatus, type FastForwardTarget } from '@gradcast/shared';
import { RunError } from '../train/session.ts';

/** 5000 → "5,000": the numbers people read in messages. */
const count = (n: number): string => n.toLocaleString('en-US');

/** A fast-forward under way: what members are told of it (RunStatus.forward), and where and when it began. */
export class FastForward {
  constructor(
    readonly status: FastForwardStatus,
    /** The generation it runs in: a new one (reset, revert, restart, rebuild) ends it. */
    readonly generation: number,
    /** When it started, ms on the engine's clock. */
    private readonly startedAt: number,
  ) {}

  get to(): number {
    return this.status.to;
  }

  /** Whether a run that has done `step` updates has reached the target. */
  reached(step: number): boolean {
    return step >= this.status.to;
  }

  /** What the room hears when it ends: how, where the run is, and how long it took (`now`: the same clock, ms). */
  end(outcome: FastForwardEnded['outcome'], run: { step: number; generation: number }, now: number, reason?: string): FastForwardEnded {
    const seconds = Math.round(Math.max(0, now - this.startedAt)) / 1000;
    return { ...this.status, outcome, step: run.step, generation: run.generation, seconds, ...(reason ? { reason } : {}) };
  }
}

/**
 * The step a target stands for: `toStep` itself, or the end of epoch `toEpoch` (1-based, as the run counts them: epoch
 * N ends after N · stepsPerEpoch updates, where the lesson's "pause after epoch N" stops too). Throws a RunError saying
 * why when it is not ahead of `step` (`conflict`) or more than FAST_FORWARD_MAX_STEPS ahead (`invalid`); the caller
 * has checked that the numbers are positive integers.
 */
export function resolveTarget(target: FastForwardTarget, step: number, stepsPerEpoch: number): { to: number; epoch?: number } {
  const perEpoch = Math.max(1, Math.floor(stepsPerEpoch));
  const epoch = 'toEpoch' in target ? target.toEpoch : undefined;
  const to = epoch === undefined ? (target as { toStep: number }).toStep : epoch * perEpoch;
  const where = `the run is at step ${count(step)}`;
  if (to <= step) {
    const what = epoch === undefined ? `step ${count(to)}` : `epoch ${count(epoch)} ended at step ${count(to)} (${count(perEpoch)} steps per epoch)`;
    throw new RunError('conflict', `nothing to fast-forward: ${what}, and ${where}`);
  }
  if (to - step > FAST_FORWARD_MAX_STEPS) {
    const what = epoch === undefined ? `step ${count(to)}` : `the end of epoch ${count(epoch)} (step ${count(to)})`;
    throw new RunError('invalid', `${what} is too far: a fast-forward goes at most ${count(FAST_FORWARD_MAX_STEPS)} steps ahead, and ${where}`);
  }
  return epoch === undefined ? { to } : { to, epoch };
}
