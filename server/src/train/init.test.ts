import { describe, expect, it } from 'vitest';
import { createRng } from '../data/prng.ts';
import { fans, initBias, initWeight, uniformBound, type InitName } from './init.ts';

function stats(a: Float32Array) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of a) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / a.length;
  let ss = 0;
  for (const v of a) ss += (v - mean) ** 2;
  return { mean, std: Math.sqrt(ss / a.length), min, max };
}

describe('fans and the catalogue bounds', () => {
  it('dense and conv fans as PyTorch computes them', () => {
    expect(fans([784, 100])).toEqual({ fanIn: 784, fanOut: 100 });
    expect(fans([5, 5, 16, 32])).toEqual({ fanIn: 400, fanOut: 800 });
    expect(() => fans([3])).toThrow(RangeError);
  });

  it('layer-1 bounds (fan_in 784): default 0.0357, He 0.0875, Xavier 784→100 0.0824', () => {
    const f = fans([784, 100]);
    expect(uniformBound('default', f)).toBeCloseTo(0.0357, 4);
    expect(uniformBound('he', f)).toBeCloseTo(0.0875, 4);
    expect(uniformBound('xavier', f)).toBeCloseTo(0.0824, 4);
  });

  it('ch09-05 default bounds: conv1 0.2, conv2 0.05, fc 512→10 0.0442', () => {
    expect(uniformBound('default', fans([5, 5, 1, 16]))).toBeCloseTo(0.2, 6);
    expect(uniformBound('default', fans([5, 5, 16, 32]))).toBeCloseTo(0.05, 6);
    expect(uniformBound('default', fans([512, 10]))).toBeCloseTo(0.0442, 4);
  });
});

describe('sampled weights (784×100 = 78,400 values)', () => {
  const shape = [784, 100];
  const n = 784 * 100;

  it.each([
    ['default', 1 / 28],
    ['xavier', Math.sqrt(6 / 884)],
    ['he', Math.sqrt(6 / 784)],
  ] as const)('%s: inside ±bound, mean ≈ 0, std ≈ bound/√3', (method, bound) => {
    const w = initWeight(method, shape, createRng(1));
    expect(w.length).toBe(n);
    const s = stats(w);
    expect(s.min).toBeGreaterThanOrEqual(-bound);
    expect(s.max).toBeLessThanOrEqual(bound);
    expect(s.max).toBeGreaterThan(0.99 * bound); // it actually spans the range
    expect(Math.abs(s.mean)).toBeLessThan(0.02 * bound);
    expect(s.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
  });

  it('He: empirical std within 2 % of √(2/fan_in)', () => {
    const s = stats(initWeight('he', shape, createRng(7)));
    expect(Math.abs(s.std / Math.sqrt(2 / 784) - 1)).toBeLessThan(0.02);
  });

  it("uniform: U(0,1), mean ≈ 0.5, std ≈ 1/√12; its biases keep PyTorch's default", () => {
    const s = stats(initWeight('uniform', shape, createRng(2)));
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThan(1);
    expect(s.mean).toBeCloseTo(0.5, 2);
    expect(s.std).toBeCloseTo(1 / Math.sqrt(12), 2);
    const b = stats(initBias('uniform', 1000, 784, createRng(3)));
    expect(b.min).toBeGreaterThanOrEqual(-1 / 28);
    expect(b.max).toBeLessThanOrEqual(1 / 28);
    expect(b.min).toBeLessThan(0);
  });

  it('zeros: weights and biases all 0', () => {
    expect(initWeight('zeros', [5, 5, 1, 16], createRng(1)).every((v) => v === 0)).toBe(true);
    expect(initBias('zeros', 16, 25, createRng(1)).every((v) => v === 0)).toBe(true);
  });

  it('deterministic per seed, different across seeds', () => {
    for (const m of ['default', 'uniform', 'xavier', 'he'] as InitName[]) {
      const a = initWeight(m, [3, 4], createRng(42));
      expect(Array.from(initWeight(m, [3, 4], createRng(42)))).toEqual(Array.from(a));
      expect(Array.from(initWeight(m, [3, 4], createRng(43)))).not.toEqual(Array.from(a));
    }
  });

  it('rejects an unknown method', () => {
    expect(() => initWeight('lecun' as InitName, [2, 2], createRng(1))).toThrow(RangeError);
    expect(() => initBias('lecun' as InitName, 2, 2, createRng(1))).toThrow(RangeError);
  });
});
