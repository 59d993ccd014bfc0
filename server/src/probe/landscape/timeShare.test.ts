import { describe, expect, it } from 'vitest';
import { TimeShare } from './timeShare.ts';

describe('TimeShare', () => {
  it('gives slices share/(1 − share) of each step\'s time', () => {
    const t = new TimeShare(0.2);
    expect(t.afterStep(8)).toBeCloseTo(2, 12);
  });

  it('makes an overrunning pass wait until the steps have paid it back, keeping the split over time', () => {
    const t = new TimeShare(0.2);
    let training = 0;
    let slices = 0;
    for (let i = 0; i < 1000; i++) {
      training += 1; // 1 ms steps
      const budget = t.afterStep(1);
      // Passes of 3 ms: far over a step's 0.25 ms budget, so most steps run none.
      if (budget > 0) {
        slices += 3;
        t.spent(3);
      }
    }
    expect(slices / (slices + training)).toBeCloseTo(0.2, 2);
  });

  it('refuses shares outside (0, 1)', () => {
    expect(() => new TimeShare(1)).toThrow(RangeError);
    expect(() => new TimeShare(0)).toThrow(RangeError);
  });
});
