/**
 * The words and numbers of the fast-forward control (FastForward.svelte): the target typed in, the progress every
 * member sees while the run goes at full speed (RunStatus.forward), and the notice when it ended (run:fastForwarded).
 * Pure functions, so they are tested in Node.
 */
import { FAST_FORWARD_MAX_STEPS, type FastForwardEnded, type FastForwardStatus, type FastForwardTarget } from '@gradcast/shared';

/** What the number typed in means: a step, or the end of an epoch. */
export type ForwardMode = 'step' | 'epoch';

/** How long the notice of an ended fast-forward stays, ms. */
export const FORWARD_NOTICE_MS = 8000;

/** 5000 → "5,000". */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/**
 * The target for the text typed in (a whole number ≥ 1, spaces and thousands separators allowed), or why it is not
 * one; for a step, not behind the run (`step`) and at most FAST_FORWARD_MAX_STEPS ahead. The server checks again.
 */
export function readTarget(mode: ForwardMode, text: string, step: number): { ok: true; target: FastForwardTarget } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: `Type the ${mode === 'step' ? 'step' : 'epoch'} to fast-forward to, a whole number.` };
  const n = Number(cleaned);
  if (!Number.isSafeInteger(n) || n < 1) return { ok: false, message: `The ${mode} must be 1 or more.` };
  if (mode === 'epoch') return { ok: true, target: { toEpoch: n } };
  if (n <= step) return { ok: false, message: `The run is at step ${formatCount(step)} already: choose a later step.` };
  if (n - step > FAST_FORWARD_MAX_STEPS) return { ok: false, message: `At most ${formatCount(FAST_FORWARD_MAX_STEPS)} steps ahead in one go.` };
  return { ok: true, target: { toStep: n } };
}

/** Where a fast-forward goes, in words: "step 5,000" or "the end of epoch 8 (step 4,800)". */
export function targetText(f: Pick<FastForwardStatus, 'to' | 'epoch'>): string {
  return f.epoch === undefined ? `step ${formatCount(f.to)}` : `the end of epoch ${formatCount(f.epoch)} (step ${formatCount(f.to)})`;
}

/** The share of a fast-forward done when the run is at `step`, in [0, 1]. */
export function forwardFraction(f: Pick<FastForwardStatus, 'from' | 'to'>, step: number): number {
  if (f.to <= f.from) return 1;
  return Math.min(1, Math.max(0, (step - f.from) / (f.to - f.from)));
}

/** "Fast-forwarding to step 5,000: 62%" (the percentage rounded down, so 100% only once it is there). */
export function progressText(f: FastForwardStatus, step: number): string {
  return `Fast-forwarding to ${targetText(f)}: ${Math.floor(forwardFraction(f, step) * 100)}%`;
}

/**
 * The notice of an ended fast-forward: "Fast-forwarded 4,200 steps to step 5,000 in 3.1 s", or why it ended before:
 * "Fast-forward to step 5,000 cancelled at step 2,345 (cancelled by pause)".
 */
export function endedText(e: FastForwardEnded): string {
  if (e.outcome === 'done') {
    const steps = e.step - e.from;
    return `Fast-forwarded ${formatCount(steps)} step${steps === 1 ? '' : 's'} to ${targetText(e)} in ${e.seconds.toFixed(1)} s`;
  }
  const how = e.outcome === 'cancelled' ? 'cancelled' : 'stopped';
  return `Fast-forward to ${targetText(e)} ${how} at step ${formatCount(e.step)}${e.reason ? ` (${e.reason})` : ''}`;
}
