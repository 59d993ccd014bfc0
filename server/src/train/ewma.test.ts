import { describe, expect, it } from 'vitest';
import { Ewa, ewaSeries } from './ewma.ts';

describe('exponentially weighted average (formula 1, β = 0.9)', () => {
  it('θ = 1, 1, 1 → V = 0.1, 0.19, 0.271 and V̂ = 1, 1, 1', () => {
    const { V, Vhat } = ewaSeries([1, 1, 1], 0.9);
    [0.1, 0.19, 0.271].forEach((v, k) => expect(V[k]).toBeCloseTo(v, 12));
    Vhat.forEach((v) => expect(v).toBeCloseTo(1, 12));
  });

  it('θ = 10, 20, 30 → V = 1, 2.9, 5.61 and V̂ = 10, 15.263, 20.701', () => {
    const { V, Vhat } = ewaSeries([10, 20, 30], 0.9);
    [1, 2.9, 5.61].forEach((v, k) => expect(V[k]).toBeCloseTo(v, 12));
    expect(Vhat[0]).toBeCloseTo(10, 12);
    expect(Vhat[1]).toBeCloseTo(15.263, 3);
    expect(Vhat[2]).toBeCloseTo(20.701, 3);
  });

  it('0.9¹⁰ = 0.3487: the weight of a value 10 steps back, the "≈ 1/e" of the notes', () => {
    const { V } = ewaSeries([1, ...new Array<number>(10).fill(0)], 0.9);
    // θ₁ = 1 then ten zeros: V = (1−β)·β¹⁰.
    expect(V[10]! / 0.1).toBeCloseTo(0.3487, 4);
  });

  it('a β changed mid-stream keeps a constant series unbiased', () => {
    const e = new Ewa(0.9);
    e.update(4);
    e.beta = 0.5;
    e.update(4);
    e.beta = 0.99;
    expect(e.update(4)).toBeCloseTo(4, 12);
    e.reset();
    expect(Number.isNaN(e.Vhat)).toBe(true);
    expect(() => new Ewa(1)).toThrow(RangeError);
  });
});
