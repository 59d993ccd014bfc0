import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { trajectoryPca } from './pca.ts';

const D = 20_000;
const rng = createRng(11);
const unit = (v: Float64Array): Float64Array => {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
};
const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
// Two orthonormal directions of a 20,000-parameter space (Gram–Schmidt on normal draws).
const e1 = unit(Float64Array.from({ length: D }, () => rng.normal()));
const raw = Float64Array.from({ length: D }, () => rng.normal());
const e2 = unit(raw.map((x, i) => x - dot(raw, e1) * e1[i]!));

/**
 * A 40-step path θ_t − θ = a_t·e₁ + b_t·e₂ (+ small noise), spiralling in towards θ. b is made orthogonal to a (about
 * their means when `center`), so the path's principal axes are e₁ and e₂ themselves, not a rotation of them.
 */
function trajectory(offset = 0, center = false, noise = 1e-5): { deltas: Float32Array[]; a: number[]; b: number[] } {
  const r = (t: number): number => (40 - t) / 40;
  const a = Array.from({ length: 40 }, (_, t) => 3 * r(t) * Math.cos(t / 5) + offset);
  let b = Array.from({ length: 40 }, (_, t) => r(t) * Math.sin(t / 5));
  const mean = (xs: number[]): number => (center ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const [ac, bc] = [a.map((x) => x - mean(a)), b.map((x) => x - mean(b))];
  const k = dot(bc, ac) / dot(ac, ac);
  b = b.map((x, t) => x - k * ac[t]!);
  const deltas = a.map((at, t) => Float32Array.from({ length: D }, (_, i) => at * e1[i]! + b[t]! * e2[i]! + noise * rng.normal()));
  return { deltas, a, b };
}

describe('trajectoryPca', () => {
  it('recovers the two directions a trajectory moves along, and their shares of its variance', () => {
    const { deltas, a, b } = trajectory();
    const { components, explained } = trajectoryPca(deltas);
    expect(Math.abs(dot(components[0], e1))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(components[1], e2))).toBeGreaterThan(0.9999);
    for (const c of components) expect(dot(c, c)).toBeCloseTo(1, 5);
    // a and b are nearly orthogonal sequences, so the shares are their sums of squares' shares.
    const [sa, sb] = [dot(a, a), dot(b, b)];
    expect(explained[0]).toBeCloseTo(sa / (sa + sb), 2);
    expect(explained[1]).toBeCloseTo(sb / (sa + sb), 2);
    expect(explained[0] + explained[1]).toBeGreaterThan(0.999);
  });

  it('orients each direction so that the window starts on its negative side', () => {
    const { deltas } = trajectory();
    const { components } = trajectoryPca(deltas);
    expect(dot(components[0], deltas[0]!)).toBeLessThan(0);
  });

  it('centred, finds the directions around the mean of a path offset from θ', () => {
    const { deltas } = trajectory(50, true);
    // Uncentred, the offset along e₁ dominates and still gives e₁ first; centred, the spread around the mean does.
    const { components } = trajectoryPca(deltas, { center: true });
    expect(Math.abs(dot(components[0], e1))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(components[1], e2))).toBeGreaterThan(0.999);
  });

  it('gives a zero second direction for a straight-line path', () => {
    const deltas = [1, 2, 3].map((s) => Float32Array.from({ length: D }, (_, i) => s * e1[i]!));
    const { components, explained } = trajectoryPca(deltas);
    expect(explained[0]).toBeCloseTo(1, 6);
    expect(explained[1]).toBe(0);
    expect(components[1].every((v) => v === 0)).toBe(true);
  });
});
