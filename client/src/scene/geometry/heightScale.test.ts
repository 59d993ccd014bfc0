import { describe, expect, it } from 'vitest';
import { compress, expand, legendTicks, lossAt, makeHeightScale, normalise } from './heightScale.ts';

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
});
