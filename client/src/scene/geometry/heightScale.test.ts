import { describe, expect, it } from 'vitest';
import { compress, expand, heightNote, legendTicks, LOG_EPSILON, lossAt, makeHeightScale, normalise } from './heightScale.ts';

describe('heightScale', () => {
  it('compress is log(1 + z), odd, and expand inverts it', () => {
    expect(compress(0)).toBe(0);
    expect(compress(Math.E - 1)).toBeCloseTo(1, 12);
    expect(compress(-3)).toBeCloseTo(-compress(3), 12);
    for (const z of [0, 0.01, 1, 835.03, -2]) expect(expand(compress(z))).toBeCloseTo(z, 9);
  });

  it('spans the finite values and ignores NaN and ±Infinity', () => {
    const s = makeHeightScale([NaN, 1000, 0.01, Infinity, -Infinity]);
    expect(s.lo).toBeCloseTo(Math.log1p(0.01), 12);
    expect(s.hi).toBeCloseTo(Math.log1p(1000), 12);
    expect(normalise(s, 0.01)).toBeCloseTo(0, 12);
    expect(normalise(s, 1000)).toBeCloseTo(1, 12);
    expect(lossAt(s, 0.5)).toBeCloseTo(expand((s.lo + s.hi) / 2), 9);
  });

  it('clamps out-of-range losses and puts non-finite ones at the top', () => {
    const s = makeHeightScale([1, 10]);
    expect(normalise(s, 0)).toBe(0);
    expect(normalise(s, 1e6)).toBe(1);
    expect(normalise(s, NaN)).toBe(1);
    expect(normalise(s, Infinity)).toBe(1);
  });

  it('gives flat and empty surfaces a usable range', () => {
    expect(makeHeightScale([]).hi).toBeGreaterThan(makeHeightScale([]).lo);
    const flat = makeHeightScale([5, 5, 5]);
    expect(normalise(flat, 5)).toBe(0);
  });

  it('legend ticks: min, the powers of ten in between, max', () => {
    const s = makeHeightScale([0.01, 1000]);
    const ticks = legendTicks(s);
    expect(ticks[0]?.t).toBe(0);
    expect(ticks[0]?.value).toBeCloseTo(0.01, 9);
    expect(ticks.at(-1)?.t).toBe(1);
    expect(ticks.at(-1)?.value).toBeCloseTo(1000, 6);
    expect(ticks.slice(1, -1).map((t) => t.value)).toEqual([1, 10, 100]);
    for (const t of ticks) expect(t.t).toBeCloseTo(normalise(s, t.value), 9);
  });

  it('log heights: log10(z − min + ε), ε a thousandth of the range, three decades from floor to top', () => {
    const s = makeHeightScale([0.1, 2.1, NaN], { log: true });
    const eps = LOG_EPSILON * 2;
    expect(s.floor).toBeCloseTo(0.1 - eps, 12);
    expect(s.lo).toBeCloseTo(Math.log10(eps), 12);
    expect(s.hi).toBeCloseTo(Math.log10(2 + eps), 12);
    expect(normalise(s, 0.1)).toBeCloseTo(0, 12);
    expect(normalise(s, 2.1)).toBeCloseTo(1, 12);
    // 2% of the range above the minimum is ≈ 0.44 of the height (under 0.04 on the default scale): the basin opens up
    expect(normalise(s, 0.1 + 0.02 * 2)).toBeCloseTo(Math.log10((0.04 + eps) / eps) / Math.log10((2 + eps) / eps), 9);
    expect(normalise(s, 0.1 + 0.02 * 2)).toBeGreaterThan(0.4);
    expect(normalise(makeHeightScale([0.1, 2.1]), 0.14)).toBeLessThan(0.05);
    for (const t of [0, 0.3, 1]) expect(normalise(s, lossAt(s, t))).toBeCloseTo(t, 9);
    // below the floor (a path point under the whole slice) sits at the bottom, never NaN
    expect(normalise(s, -5)).toBe(0);
    expect(heightNote(s)).toBe('log₁₀(z − min + ε)');
    expect(heightNote(makeHeightScale([1, 2]))).toBe('log(1+z)');
  });

  it('spans the extra values (a path’s true losses) as well as the grid, and a flat grid still has a range', () => {
    const s = makeHeightScale([1, 2], { also: [0.5, NaN, 3] });
    expect(normalise(s, 0.5)).toBe(0);
    expect(normalise(s, 3)).toBe(1);
    const flat = makeHeightScale([4, 4], { log: true });
    expect(Number.isFinite(flat.lo) && flat.hi > flat.lo).toBe(true);
  });
});
