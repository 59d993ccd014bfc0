import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadMnistArrays } from './mnistArrays.ts';

describe('loadMnistArrays', () => {
  it('loads a split on a thread of its own: shared arrays back, and the asking thread never stalls', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const seen: number[] = [];
    const a = await loadMnistArrays('train', 16, (fraction) => seen.push(fraction));
    lag.disable();
    expect(a.n).toBe(60_000);
    expect(a.pixels.length).toBe(60_000 * 256);
    expect(a.pixels.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(a.labels.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Math.min(...a.labels.slice(0, 1000))).toBe(0);
    expect(Math.max(...a.labels.slice(0, 1000))).toBe(9);
    expect(seen.at(-1)).toBe(1);
    // Decoding and resizing the training split is ~1.7 s of CPU, ~0.9 s of it one synchronous resize: done here,
    // this thread would stall that long. On its own thread, this one only waits.
    expect(lag.max / 1e6).toBeLessThan(600);
    // Once per process: a second call gets the same arrays.
    expect((await loadMnistArrays('train', 16)).pixels).toBe(a.pixels);
  }, 60_000);
});
