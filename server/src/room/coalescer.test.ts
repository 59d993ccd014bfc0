import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer.ts';

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first at once, then at most one per interval, the latest winning', () => {
    const c = new Coalescer(500, () => Date.now());
    const sent: number[] = [];
    c.schedule(() => sent.push(1));
    expect(sent).toEqual([1]);
    for (let k = 2; k <= 20; k++) c.schedule(() => sent.push(k));
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 20]);
    // The next one waits for the interval after that send.
    c.schedule(() => sent.push(21));
    expect(sent).toEqual([1, 20]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 20, 21]);
    // After a quiet interval, at once again.
    vi.advanceTimersByTime(600);
    c.schedule(() => sent.push(22));
    expect(sent).toEqual([1, 20, 21, 22]);
  });

  it('cancel drops a waiting send', () => {
    const c = new Coalescer(200, () => Date.now());
    const sent: number[] = [];
    c.schedule(() => sent.push(1));
    c.schedule(() => sent.push(2));
    c.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1]);
  });

  it('flush sends at once, replacing a waiting send, and starts a new interval', () => {
    const sent: number[] = [];
    const c = new Coalescer(500, () => Date.now());
    c.schedule(() => sent.push(1));
    c.schedule(() => sent.push(2)); // waits for the interval
    c.flush(() => sent.push(3)); // a lock: at once, and 2 is dropped
    expect(sent).toEqual([1, 3]);
    c.schedule(() => sent.push(4)); // within the new interval: waits
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 3, 4]);
  });
});
