import { describe, expect, it } from 'vitest';
import { emaSmooth, emaSmoothSteps, epochMeanColumn, MAX_SMOOTHING } from './smoothing.ts';

describe('emaSmooth', () => {
  it('is the identity at weight 0', () => {
    expect(emaSmooth([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
  });

  it('follows TensorBoard: last = last·w + (1 − w)·x, divided by 1 − wⁿ', () => {
    // w = 0.5: last 1 = 0.5·2 = 1 → 1/(1 − 0.5) = 2; last 2 = 0.5·1 + 0.5·4 = 2.5 → 2.5/(1 − 0.25) = 3.333…
    const s = emaSmooth([2, 4, 0], 0.5);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(2.5 / 0.75, 12);
    // last 3 = 0.5·2.5 + 0 = 1.25 → 1.25/(1 − 0.125)
    expect(s[2]).toBeCloseTo(1.25 / 0.875, 12);
  });

  it('starts at the first value (debiased) and keeps a constant series constant', () => {
    expect(emaSmooth([7, 7, 7, 7], 0.9).every((v) => Math.abs(v - 7) < 1e-9)).toBe(true);
  });

  it('damps alternating noise around its mean', () => {
    const noisy = Array.from({ length: 200 }, (_, i) => (i % 2 ? 2 : 0));
    const s = emaSmooth(noisy, 0.9);
    // Raw values swing by 2; the smoothed tail swings by 2·(1 − w)/(1 + w) ≈ 0.105 around 1.
    const tail = s.slice(100);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(0.12);
    expect(Math.abs(tail.reduce((a, b) => a + b, 0) / tail.length - 1)).toBeLessThan(0.06);
  });

  it('leaves non-finite points as they are and resumes the average after them', () => {
    const s = emaSmooth([1, NaN, 3], 0.5);
    expect(s[1]).toBeNaN();
    // As if the NaN were not there: [1, 3] → (0.5·0.5 + 0.5·3)/(1 − 0.25)
    expect(s[2]).toBeCloseTo((0.25 + 1.5) / 0.75, 12);
  });

  it(`clamps the weight to [0, ${MAX_SMOOTHING}]`, () => {
    expect(emaSmooth([1, 5], 1)).toEqual(emaSmooth([1, 5], MAX_SMOOTHING));
    expect(emaSmooth([1, 5], -1)).toEqual([1, 5]);
  });
});

describe('emaSmoothSteps', () => {
  it('is emaSmooth when there is a point at every step', () => {
    const v = [3, 1, 4, 1, 5, 9, 2, 6];
    const s = emaSmoothSteps([0, 1, 2, 3, 4, 5, 6, 7], v, 0.7);
    expect(s.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    emaSmooth(v, 0.7).forEach((x, i) => expect(s.values[i]).toBeCloseTo(x, 12));
  });

  it('holds a value over the steps until its next point', () => {
    // 90 at step 0, 100 from step 10 (a gap shorter than the 14 steps it takes to settle at w = 0.6).
    const s = emaSmoothSteps([0, 10], [90, 100], 0.6);
    const dense = emaSmooth([...Array<number>(10).fill(90), 100], 0.6);
    expect(s.steps).toEqual([0, 10]);
    expect(s.values[1]).toBeCloseTo(dense[10] as number, 12);
  });

  it('reaches a value held for many steps, and says where (no slow ramp across a long gap)', () => {
    // ch05-02: train accuracy 90, 95, then 100 % from step 40 to step 80,000.
    const s = emaSmoothSteps([25, 30, 40, 80_000], [90, 95, 100, 100], 0.6);
    // The long gap gets a point 14 steps in (⌈log 0.001 / log 0.6⌉), where the average has reached 100 %, and one
    // just before its end.
    expect(s.steps).toEqual([25, 30, 40, 54, 79_999, 80_000]);
    expect(s.values[3]).toBeGreaterThan(99.99);
    expect(s.values[5]).toBeCloseTo(100, 9);
    // The same points, held step by step.
    // (Steps 25…54: 90 at 25…29, 95 at 30…39, 100 at 40…54.)
    const dense = emaSmooth([...Array<number>(5).fill(90), ...Array<number>(10).fill(95), ...Array<number>(15).fill(100)], 0.6);
    expect(s.values[3]).toBeCloseTo(dense[29] as number, 9);
    // By index the last point would still lag well below.
    expect(emaSmooth([90, 95, 100, 100], 0.6)[3]).toBeLessThan(99);
  });

  it('leaves non-finite points as they are, and is the identity at weight 0', () => {
    expect(emaSmoothSteps([0, 1, 2], [1, NaN, 3], 0.5).values[1]).toBeNaN();
    expect(emaSmoothSteps([0, 5, 9], [1, 2, 3], 0)).toEqual({ steps: [0, 5, 9], values: [1, 2, 3] });
  });
});

describe('epochMeanColumn', () => {
  it("puts each epoch's mean at its last point: an epoch ending at step e holds steps [previous end, e)", () => {
    // 3 steps per epoch, evaluations at steps 3 and 6; the third epoch is under way (steps 6, 7).
    const steps = [0, 1, 2, 3, 4, 5, 6, 7];
    const loss = [9, 6, 3, 4, 2, 0, 5, 7];
    const m = epochMeanColumn(steps, loss, [3, 6]);
    expect(m[2]).toBe(6);
    expect(m[5]).toBe(2);
    expect(m[7]).toBe(6);
    expect(m.filter(Number.isFinite)).toHaveLength(3);
  });

  it('skips non-finite values, and is one running mean without epoch ends', () => {
    const m = epochMeanColumn([0, 1, 2], [1, NaN, 3], []);
    expect(m).toEqual([NaN, NaN, 2]);
    expect(epochMeanColumn([0, 1], [NaN, NaN], [1])).toEqual([NaN, NaN]);
  });

  it('copes with thinned histories (steps that skip an epoch end)', () => {
    // Points at 0, 4, 8, 12 with epoch ends at 3, 6, 9: the epoch [6, 9) has the point at 8 only.
    expect(epochMeanColumn([0, 4, 8, 12], [1, 2, 3, 4], [3, 6, 9])).toEqual([1, 2, 3, 4]);
  });
});
