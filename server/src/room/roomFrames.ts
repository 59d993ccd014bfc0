/**
 * What a room's members receive, held on the socket thread: the latest encoded frame of every channel, and the run
 * history (history.ts) merged from the metrics and path frames. A join, or a member taking a channel up again, is
 * answered from here without asking the training worker; only a costly channel the worker has not been making
 * (probe/delivery.ts WATCHED_ONLY) is `stale` and has to be asked for.
 */
import { CHANNELS, type Channel, decodeFrame, type EncodedFrame, encodeFrame, type RunStatus } from '@gradcast/shared';
import { isReliable } from '../probe/delivery.ts';
import type { EvalEntry } from '../probe/metrics.ts';
import { HISTORY_CHANNELS, RunHistory } from './history.ts';

export class RoomFrames {
  readonly history = new RunHistory();
  private readonly latest = new Map<Channel, EncodedFrame>();
  /** The history's whole-history frames, encoded, until the next frames arrive (a burst of joins encodes once). */
  private whole: EncodedFrame[] | null = null;

  /** Takes the frames the worker posted (a framing tick, or a reply) and the evaluations completed meanwhile. */
  ingest(frames: readonly EncodedFrame[], evaluations: readonly EvalEntry[] = []): void {
    for (const f of frames) {
      const held = this.latest.get(f.channel);
      // A frame older than the one held (of an older generation, or an earlier step) changes nothing.
      if (held && (held.generation > f.generation || (held.generation === f.generation && held.step > f.step))) continue;
      this.latest.set(f.channel, f);
      if (HISTORY_CHANNELS.has(f.channel)) {
        this.history.ingest(decodeFrame(f.bytes));
        this.whole = null;
      }
    }
    if (evaluations.length) {
      this.history.mergeEvaluations(evaluations);
      this.whole = null;
    }
  }

  /** The latest frame held of `channel` (a history channel's last live window), if any. */
  get(channel: Channel): EncodedFrame | undefined {
    return this.latest.get(channel);
  }

  /**
   * The frames a member taking up `channels` gets at once, in channel order: the history channels whole, and the
   * latest frame of every other one that belongs to the run's current generation (`status`).
   */
  held(channels: Iterable<Channel>, status: RunStatus): EncodedFrame[] {
    const wanted = new Set(channels);
    const out: EncodedFrame[] = [];
    for (const c of CHANNELS) {
      if (!wanted.has(c)) continue;
      if (HISTORY_CHANNELS.has(c)) {
        const f = this.wholeFrames().find((w) => w.channel === c);
        if (f) out.push(f);
        continue;
      }
      const f = this.latest.get(c);
      if (f && f.generation === status.generation) out.push(f);
    }
    return out;
  }

  /**
   * Which of `channels` the room cannot answer for itself: those the worker has not been making (not in `framed`,
   * what it makes for the current subscriptions) whose latest frame held is not of the run's current step.
   */
  stale(channels: Iterable<Channel>, framed: ReadonlySet<Channel>, status: RunStatus): Channel[] {
    return [...channels].filter((c) => {
      if (framed.has(c)) return false;
      const f = this.latest.get(c);
      return !f || f.generation !== status.generation || f.step !== status.step;
    });
  }

  private wholeFrames(): EncodedFrame[] {
    this.whole ??= this.history.wholeFrames().map((f) => ({
      channel: f.channel,
      generation: f.generation,
      step: f.step,
      bytes: encodeFrame(f),
      reliable: isReliable(f),
    }));
    return this.whole;
  }
}
