import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { symmetricEigen } from './symmetricEigen.ts';

describe('symmetricEigen', () => {
  it('solves a 2×2 by hand: [[2, 1], [1, 2]] has 3 along (1, 1) and 1 along (1, −1)', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeGreaterThan(0);
  });

  it('satisfies A·v = λ·v with orthonormal vectors on a random 30×30', () => {
    const n = 30;
    const rng = createRng(3);
    const b = Float64Array.from({ length: n * n }, () => rng.normal());
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] = a[i * n + j]! + b[i * n + k]! * b[j * n + k]!;
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) {
      if (k > 0) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
      const v = vectors[k]!;
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j]! * v[j]!;
        expect(av).toBeCloseTo(values[k]! * v[i]!, 8);
      }
      for (let m = 0; m <= k; m++) expect(v.reduce((s, x, i) => s + x * vectors[m]![i]!, 0)).toBeCloseTo(m === k ? 1 : 0, 10);
    }
  });
});
