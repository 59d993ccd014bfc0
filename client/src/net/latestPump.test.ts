import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestPump } from './latestPump.ts';

describe('LatestPump', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first at once, then the latest at most once per interval', async () => {
    const sent: number[] = [];
    const pump = new LatestPump<number>(200, async (v) => void sent.push(v), () => Date.now());
    for (let k = 1; k <= 60; k++) {
      pump.push(k);
      await vi.advanceTimersByTimeAsync(1000 / 60);
    }
    await vi.advanceTimersByTimeAsync(400);
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(60);
    // One second of pushes at 60 a second: about five sends, never more than one per interval.
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.length).toBeGreaterThanOrEqual(5);
  });

  it('waits for the request on its way: one at a time, the newest value next', async () => {
    const sent: string[] = [];
    const answers: (() => void)[] = [];
    const pump = new LatestPump<string>(0, (v) => {
      sent.push(v);
      return new Promise<void>((resolve) => answers.push(resolve));
    });
    pump.push('a');
    pump.push('b');
    pump.push('c');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['a']);
    answers[0]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['a', 'c']);
    answers[1]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['a', 'c']);
  });

  it('a failed send does not stop it; cancel drops the waiting value', async () => {
    const sent: number[] = [];
    const pump = new LatestPump<number>(100, async (v) => {
      sent.push(v);
      throw new Error('refused');
    }, () => Date.now());
    pump.push(1);
    pump.push(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([1, 2]);
    pump.push(3);
    pump.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([1, 2]);
  });
});
