/**
 * At most one send per `intervalMs`, the latest winning: a send asked for within the interval waits for its end,
 * and a newer request meanwhile replaces it (one timer, never a queue). What the room tells its members about
 * tallies, hands and the presenter's view goes through one of these, so a burst of answers or camera moves costs
 * each member a few small messages a second, whatever the burst's size; so do the presence updates (rooms.ts).
 */
export class Coalescer {
  #lastAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: (() => void) | null = null;

  constructor(
    /** Shortest gap between two sends, ms. */
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `send` now when the interval has passed since the last run, else once at its end (the latest `send` wins). */
  schedule(send: () => void): void {
    const wait = this.#lastAt + this.intervalMs - this.now();
    if (wait <= 0 && !this.#timer) {
      this.#run(send);
      return;
    }
    this.#pending = send;
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      const next = this.#pending;
      this.#pending = null;
      if (next) this.#run(next);
    }, Math.max(0, wait));
    // A room that closes meanwhile must not keep the process alive for one last tally.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Runs `send` now whatever the interval (something that must not wait), dropping a waiting send it replaces. */
  flush(send: () => void): void {
    this.cancel();
    this.#run(send);
  }

  /** Drops a waiting send. */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  #run(send: () => void): void {
    this.#lastAt = this.now();
    send();
  }
}
