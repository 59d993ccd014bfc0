import { describe, expect, it } from 'vitest';
import { benchFanout } from './fanout.ts';
import { quantile } from './stats.ts';

describe('bench fanout', () => {
  it('quantile: nearest rank, null when empty', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05)).toBe(1);
    expect(quantile([5, 9], 0)).toBe(5);
  });

  it('a few viewers in a separate process join, receive frames and every hp:changed', async () => {
    const rows = await benchFanout({ lesson: 'ch02-03', viewers: [3], seconds: 2 });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ lesson: 'ch02-03', viewers: 3, joined: 3, disconnects: 0, hpMissed: 0 });
    expect(row?.fpsP5).toBeGreaterThan(0);
    expect(row?.bytesPerSecP50).toBeGreaterThan(0);
    expect(row?.hpP99Ms).not.toBeNull();
  });
});
