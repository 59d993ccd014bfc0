import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { type DirectionParam, filterNorms, filterNormalizedDirection, randomDirections } from './directions.ts';

/** A conv kernel [3, 3, 2, 4], its bias [4], a dense W [5, 3] with one all-zero column, batch norm γ, β [3]. */
const params: DirectionParam[] = [
  { shape: [3, 3, 2, 4], role: 'weight' },
  { shape: [4], role: 'bias' },
  { shape: [5, 3], role: 'weight' },
  { shape: [3], role: 'norm' },
  { shape: [3], role: 'norm' },
];
const rng = createRng(5);
const theta = params.map((p) => Float32Array.from({ length: p.shape.reduce((a, b) => a * b, 1) }, () => rng.normal() * 0.3));
// Dense column 1 (every 3rd value from 1) is all zeros.
for (let i = 1; i < 15; i += 3) theta[2]![i] = 0;

describe('filter-normalised directions', () => {
  it('give every filter the norm of the same filter of θ', () => {
    const d = filterNormalizedDirection(theta, params, createRng(1));
    for (const k of [0, 2]) {
      const filters = params[k]!.shape.at(-1)!;
      const want = filterNorms(theta[k]!, filters);
      const got = filterNorms(d[k]!, filters);
      want.forEach((w, j) => expect(got[j]!, `param ${k} filter ${j}`).toBeCloseTo(w, 5));
    }
    // The zero filter stays zero.
    expect(filterNorms(d[2]!, 3)[1]).toBe(0);
  });

  it('take a filter as the last axis: a conv output channel, a dense output unit', () => {
    // W [2, 2] = [[1, 2], [3, 4]]: unit 0's weights are 1 and 3, unit 1's 2 and 4.
    expect(Array.from(filterNorms(Float32Array.of(1, 2, 3, 4), 2))).toEqual([Math.sqrt(10), Math.sqrt(20)]);
  });

  it('leave biases and batch-norm parameters at zero', () => {
    const d = filterNormalizedDirection(theta, params, createRng(1));
    for (const k of [1, 3, 4]) expect(d[k]!.every((v) => v === 0)).toBe(true);
  });

  it('are seeded: the same seed gives the same plane, the two directions differ', () => {
    const [a1, a2] = randomDirections(theta, params, 42);
    const [b1] = randomDirections(theta, params, 42);
    expect(Array.from(b1[0]!)).toEqual(Array.from(a1[0]!));
    expect(Array.from(a2[0]!)).not.toEqual(Array.from(a1[0]!));
  });
});
