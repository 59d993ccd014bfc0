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
}
