/**
 * Round-robin pacing of many rooms on one thread. Each room is due at `nextDue` (ms, performance.now()
 * clock); `speed` caps its rate in steps per second (0 = as fast as the thread allows). The next room to step
 * is the first due room after the one that stepped last, so a slow lesson takes its turn and never starves
 * the others, and a fast one cannot run twice while another is waiting.
 */
export interface Paced {
  running: boolean;
  /** Steps per second; 0 means unpaced. */
  speed: number;
  nextDue: number;
}

export class Scheduler<K> {
  private readonly items = new Map<K, Paced>();
  private order: K[] = [];
  private cursor = 0;

  add(key: K, speed: number, running: boolean, now: number): void {
    this.items.set(key, { running, speed, nextDue: now });
    this.order.push(key);
  }

  remove(key: K): void {
    this.items.delete(key);
    const i = this.order.indexOf(key);
    if (i >= 0) {
      this.order.splice(i, 1);
      if (this.cursor > i) this.cursor -= 1;
    }
  }

  update(key: K, patch: Partial<Pick<Paced, 'running' | 'speed'>>, now: number): void {
    const item = this.items.get(key);
    if (!item) return;
    const wasRunning = item.running;
    Object.assign(item, patch);
    // Resuming, or speeding up from a slow rate, should not wait out the old interval.
    if ((item.running && !wasRunning) || patch.speed !== undefined) item.nextDue = Math.min(item.nextDue, now);
  }

  /** The next room to step now, or how long (ms) until one is due; null wait means nothing is running. */
  next(now: number): { key: K } | { waitMs: number | null } {
    const n = this.order.length;
    let soonest = Infinity;
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      const key = this.order[i] as K;
      const item = this.items.get(key) as Paced;
      if (!item.running) continue;
      if (item.nextDue <= now) {
        this.cursor = (i + 1) % n;
        return { key };
      }
      soonest = Math.min(soonest, item.nextDue);
    }
    return { waitMs: soonest === Infinity ? null : soonest - now };
  }

  /** Records that `key` stepped at `now`: it is next due one interval later (no catch-up bursts). */
  stepped(key: K, now: number): void {
    const item = this.items.get(key);
    if (!item) return;
    if (item.speed > 0) {
      const interval = 1000 / item.speed;
      item.nextDue = Math.max(item.nextDue + interval, now - interval / 2);
    } else {
      item.nextDue = now;
    }
  }
}
