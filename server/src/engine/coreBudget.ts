/**
 * How many of the host's cores this process keeps busy, counted across its threads in shared memory: each training
 * worker counts one while it has a running room, and a slice worker counts one for each slice it computes, only
 * when it can claim a core nobody uses (training first: a slice never takes a core a room trains on). The main
 * thread makes the counter and hands it to every worker it starts (workerData).
 */
import { availableParallelism } from 'node:os';

export class CoreBudget {
  private readonly count: Int32Array;

  constructor(
    buffer: SharedArrayBuffer = new SharedArrayBuffer(4),
    /** Cores the process may keep busy. */
    readonly cores: number = availableParallelism(),
  ) {
    this.count = new Int32Array(buffer, 0, 1);
  }

  get buffer(): SharedArrayBuffer {
    return this.count.buffer as SharedArrayBuffer;
  }

  /** Cores in use now. */
  get used(): number {
    return Atomics.load(this.count, 0);
  }

  /** A training worker starts (or stops) having a running room: it takes its core whatever the count. */
  training(busy: boolean): void {
    Atomics.add(this.count, 0, busy ? 1 : -1);
  }

  /** Takes a free core for optional work; false when every core is in use. */
  claim(): boolean {
    for (;;) {
      const used = Atomics.load(this.count, 0);
      if (used >= this.cores) return false;
      if (Atomics.compareExchange(this.count, 0, used, used + 1) === used) return true;
    }
  }

  /** Gives back a core taken with claim(). */
  release(): void {
    Atomics.sub(this.count, 0, 1);
  }
}
