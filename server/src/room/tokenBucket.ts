/**
 * A rate limit: `capacity` requests at once, refilled at `perSecond`. `take()` says whether one more request may go
 * now (and counts it). Used per member for every event it sends (handlers.ts), per member and per room for
 * requests that cost the training thread time (view:explore), and per client address for failed join-code lookups
 * and room creation (http/addressLimiter.ts: `charge` and `retryAfterS`).
 */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    readonly capacity: number,
    /** Tokens added per second. */
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = capacity;
    this.#at = now();
  }

  take(): boolean {
    if (this.level() < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Tokens now (fractional while refilling). */
  level(): number {
    const t = this.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#at) / 1000) * this.perSecond);
    this.#at = t;
    return this.#tokens;
  }

  /** Counts one use whatever is left (never below empty): for what was done already, such as a failed lookup. */
  charge(): void {
    this.#tokens = Math.max(0, this.level() - 1);
  }

  /** Whole seconds until one token is back: 0 when one is there now. */
  retryAfterS(): number {
    const level = this.level();
    return level >= 1 ? 0 : Math.ceil((1 - level) / this.perSecond);
  }
}
