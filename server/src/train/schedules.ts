/**
 * Learning-rate decay by epoch (lessons.md "Formulas" 5). No lesson uses a schedule; they are offered as a live
 * control. `epoch` counts completed epochs from 0, so epoch 0 gives lr₀ for every rule.
 */

export type Schedule =
  /** lr = lr₀ */
  | { kind: 'constant' }
  /** lr = lr₀/(1 + decay·epoch): lr₀ 0.2, decay 1 → 0.1, 0.0667, 0.05, 0.04 for epochs 1–4. */
  | { kind: 'inverseTime'; decay: number }
  /** lr = rate^epoch·lr₀ (the notes use rate 0.95): lr₀ 0.2 → 0.19, 0.1805, 0.171475, 0.16290125. */
  | { kind: 'exponential'; rate: number }
  /**
   * lr = k/√epoch·lr₀, listed under the notes' "exponential decay" heading though it is not exponential
   * (issue 25): k 1, lr₀ 0.2 → 0.2, 0.141421, 0.115470, 0.1. Undefined at epoch 0, where lr₀ is returned.
   */
  | { kind: 'inverseSqrt'; k: number };

export type ScheduleKind = Schedule['kind'];

export function inverseTimeDecay(lr0: number, decay: number, epoch: number): number {
  return lr0 / (1 + decay * epoch);
}

export function exponentialDecay(lr0: number, rate: number, epoch: number): number {
  return rate ** epoch * lr0;
}

export function inverseSqrtDecay(lr0: number, k: number, epoch: number): number {
  return epoch <= 0 ? lr0 : (k / Math.sqrt(epoch)) * lr0;
}

/** The learning rate to use during epoch `epoch` (0-based count of completed epochs). */
export function scheduledLr(schedule: Schedule, lr0: number, epoch: number): number {
  if (!Number.isFinite(epoch) || epoch < 0) throw new RangeError(`schedule: epoch must be ≥ 0, got ${epoch}`);
  switch (schedule.kind) {
    case 'constant':
      return lr0;
    case 'inverseTime':
      return inverseTimeDecay(lr0, schedule.decay, epoch);
    case 'exponential':
      return exponentialDecay(lr0, schedule.rate, epoch);
    case 'inverseSqrt':
      return inverseSqrtDecay(lr0, schedule.k, epoch);
  }
}
