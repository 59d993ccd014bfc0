import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket.ts';

describe('TokenBucket', () => {
  it('lets a burst of `capacity` through, then `perSecond`', () => {
    let t = 0;
    const b = new TokenBucket(2, 2, () => t);
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
    t = 250; // half a token
    expect(b.take()).toBe(false);
    t = 500; // one token
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t = 60_000; // never more than the capacity
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
  });
});
