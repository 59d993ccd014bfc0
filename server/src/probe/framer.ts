/**
 * What makes the frames of one room's session: TrainerFrames (trainerFrames.ts) for a training run, the demo
 * session itself for a demo lesson (demo/demoSession.ts). The engine holds one per room and asks it at every
 * framing tick for the channels delivery.ts says to frame.
 */
import type { Channel, Frame } from '@gradcast/shared';
import type { EvalEntry } from './metrics.ts';

export interface Framer {
  /**
   * Frames of `channels` that changed since the last call. `all` (a member taking a channel up): the latest frame
   * of every one of them, whole, whether it changed or not, without moving what the next live call sends.
   */
  frames(channels: ReadonlySet<Channel>, all?: boolean): Frame[];
  /** Evaluations completed since the last call, oldest first (for the room's evaluation log). */
  evaluations(): EvalEntry[];
  /** Work done between training steps and in idle time (a landscape's slices), when the framer has any. */
  readonly background?: BackgroundWork;
}

/**
 * Work a framer does in the time the engine gives it: a share of each running room's thread (delivery.ts
 * LANDSCAPE_SHARE) and the thread whenever no step is due. It never runs unless pending().
 */
export interface BackgroundWork {
  /** After each training step (takes what it must see of every step, e.g. trajectory snapshots). */
  stepped(): void;
  /** Whether there is work to do now. */
  pending(): boolean;
  /** Works for about `budgetMs` (at least one pass); true when there is something new to frame. */
  run(budgetMs: number): boolean;
  /** Frees what it holds (tensors); the room is gone. */
  dispose(): void;
}
