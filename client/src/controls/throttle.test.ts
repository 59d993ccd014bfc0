import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once and the newest of a burst at the end of the window', () => {
    const calls: number[] = [];
    const t = throttle((v: number) => calls.push(v), 100);
    t(1);
    t(2);
    t(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3]);
  });

  it('keeps a 30-event drag at ≤ 10 sends per second', () => {
    const calls: number[] = [];
    const t = throttle((v: number) => calls.push(v), 100);
    for (let k = 0; k < 30; k++) {
      t(k);
      vi.advanceTimersByTime(33); // ≈ 30 input events per second for one second
    }
    vi.advanceTimersByTime(100);
    expect(calls.length).toBeLessThanOrEqual(11);
    expect(calls.at(-1)).toBe(29);
  });

  it('cancel drops the pending trailing call', () => {
    const calls: number[] = [];
    const t = throttle((v: number) => calls.push(v), 100);
    t(1);
    t(2);
    t.cancel();
    vi.advanceTimersByTime(200);
    expect(calls).toEqual([1]);
  });
});
