/**
 * Training and slices on one thread: after every training step, slices get time in proportion to what the step
 * took, so that over any stretch they take `share` of the thread and training keeps 1 − share of its solo step
 * rate. A slice pass cannot be cut short, so a pass that overruns its budget is paid back from the next steps'
 * (the account goes negative and slices wait); the long-run split holds whatever the pass and step sizes.
 */
export class TimeShare {
  /** Milliseconds slices may still take (negative: owed). */
  private credit = 0;

  /**
   * `share` ∈ (0, 1): the fraction of the thread slices get. `maxCreditMs`: most time saved up (work done
   * elsewhere meanwhile earns nothing to spend later in a burst).
   */
  constructor(
    readonly share: number,
    readonly maxCreditMs = Infinity,
  ) {
    if (!(share > 0 && share < 1)) throw new RangeError(`TimeShare: share must be in (0, 1), got ${share}`);
  }

  /** A training step took `stepMs`: the slices' budget now (0 while they owe time). */
  afterStep(stepMs: number): number {
    // Slices' time s and training's t keep s/(s + t) = share: each ms of training earns share/(1 − share) ms.
    this.credit = Math.min(this.maxCreditMs, this.credit + (stepMs * this.share) / (1 - this.share));
    return Math.max(0, this.credit);
  }

  /** Slices took `ms` (their pass may overrun the budget). */
  spent(ms: number): void {
    this.credit -= ms;
  }
}
