/**
 * Sends the latest of a stream of values, one request at a time and at most one every `intervalMs`: a value pushed
 * while a request is on its way or within the interval waits, and a newer one replaces it (never a queue). For
 * requests whose answers only matter for the newest value: the presenter's camera (view:follow, ≤ 5 a second) and a
 * member's own sample or drawing (view:explore, as the server's per-member limit allows).
 */
export class LatestPump<T> {
  #pending: { value: T } | null = null;
  #busy = false;
  #lastAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Shortest gap between two sends' starts, ms. */
    readonly intervalMs: number,
    private readonly send: (value: T) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  push(value: T): void {
    this.#pending = { value };
    this.#pump();
  }

  /** Drops the waiting value (a request on its way still answers). */
  cancel(): void {
    this.#pending = null;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #pump(): void {
    if (this.#busy || this.#timer || !this.#pending) return;
    const wait = this.#lastAt + this.intervalMs - this.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#pump();
      }, wait);
      return;
    }
    const { value } = this.#pending;
    this.#pending = null;
    this.#busy = true;
    this.#lastAt = this.now();
    void this.send(value)
      .catch(() => undefined)
      .finally(() => {
        this.#busy = false;
        this.#pump();
      });
  }
}
