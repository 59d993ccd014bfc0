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

  it('charges what was done already, never below empty, and says when a token is back', () => {
    let t = 0;
    const b = new TokenBucket(2, 1 / 3, () => t); // one token every 3 s
    b.charge();
    b.charge();
    b.charge(); // past empty: still empty, not in debt
    expect(b.level()).toBe(0);
    expect(b.retryAfterS()).toBe(3);
    t = 1500;
    expect(b.retryAfterS()).toBe(2); // 1.5 s to go, in whole seconds
    t = 3000;
    expect(b.retryAfterS()).toBe(0);
    expect(b.take()).toBe(true);
  });
});
