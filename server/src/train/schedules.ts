import { choice, int, num } from '@gradcast/shared';

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

/** The schedule option's values (the `lrSchedule` control of every training lesson). */
export const SCHEDULE_OPTIONS = ['constant', 'inverse-time', 'exponential', 'inverse-sqrt'] as const;

/**
 * The two lesson options every training lesson gets: which decay rule, and its constant (d of 1/(1 + d·epoch),
 * k of k/√epoch; the exponential rule uses the notes' 0.95). Both hot: they change the rate from the next step
 * and never restart the run. Plain metadata, so the socket thread can list it without tfjs.
 */
export const SCHEDULE_CONTROLS = [
  choice('lrSchedule', SCHEDULE_OPTIONS, {
    label: 'lr decay',
    default: 'constant',
    help: 'lr per epoch: constant; lr₀/(1 + d·epoch); 0.95^epoch·lr₀; or k/√epoch·lr₀ (lessons.md formula 5)',
    hot: true,
  }),
  num('lrDecay', {
    label: 'decay d / k',
    default: 1,
    min: 0,
    max: 10,
    step: 0.05,
    help: 'd of lr₀/(1 + d·epoch), or k of k/√epoch·lr₀',
    hot: true,
    shownWhen: { control: 'lrSchedule', equals: ['inverse-time', 'inverse-sqrt'] },
  }),
] as const;

/**
 * "Stop after N epochs", offered by every training lesson (the course trains a fixed number: ch07-04 1 epoch,
 * ch06-02 and ch09-05 3, ch09-06 10): the run pauses as it completes epoch N, so a lecturer can stop where the
 * course's figure was drawn; play goes on from there. 0 never pauses. Hot.
 */
export const STOP_CONTROL = int('stopAfterEpochs', {
  label: 'pause after epoch',
  default: 0,
  min: 0,
  max: 1000,
  step: 1,
  help: 'pause the run when this many epochs are done (0: never); play continues past it',
  hot: true,
});

/** The schedule the options name (an unknown name reads as constant). */
export function scheduleFromOptions(values: Record<string, unknown>): Schedule {
  const d = typeof values.lrDecay === 'number' ? values.lrDecay : 1;
  switch (values.lrSchedule) {
    case 'inverse-time':
      return { kind: 'inverseTime', decay: d };
    case 'exponential':
      return { kind: 'exponential', rate: 0.95 };
    case 'inverse-sqrt':
      return { kind: 'inverseSqrt', k: d };
    default:
      return { kind: 'constant' };
  }
}
