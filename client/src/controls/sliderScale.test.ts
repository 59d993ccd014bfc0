import { describe, expect, it } from 'vitest';
import { hyperparamSpecs } from '@gradcast/shared';
import { LOG_POSITIONS, sliderScale } from './sliderScale.ts';

describe('sliderScale (log, lr 1e-4 … 10)', () => {
  const s = sliderScale(hyperparamSpecs.lr);
  it('spans the spec range over 0 … 1000 positions', () => {
    expect([s.min, s.max, s.step]).toEqual([0, LOG_POSITIONS, 1]);
    expect(s.toValue(0)).toBe(1e-4);
    expect(s.toValue(LOG_POSITIONS)).toBe(10);
    expect(s.toValue(600)).toBe(0.1); // 10^(−4 + 0.6·5)
    expect(s.toValue(500)).toBe(0.03162);
  });
  it('round-trips positions through the rounded value', () => {
    for (const p of [0, 1, 137, 500, 643, 999, 1000]) expect(s.toPosition(s.toValue(p))).toBe(p);
    expect(s.toPosition(0.3)).toBe(695);
  });
  it('clamps out-of-range and bad values', () => {
    expect(s.toPosition(100)).toBe(LOG_POSITIONS);
    expect(s.toPosition(-1)).toBe(0);
    expect(s.toValue(2000)).toBe(10);
  });
});

describe('sliderScale (linear)', () => {
  it('uses the value as position and snaps to the step', () => {
    const m = sliderScale(hyperparamSpecs.momentum);
    expect([m.min, m.max, m.step]).toEqual([0, 0.99, 0.01]);
    expect(m.toValue(0.30000000000000004)).toBe(0.3);
    expect(m.toValue(0.456)).toBe(0.46);
    expect(m.toPosition(0.9)).toBe(0.9);
    const speed = sliderScale(hyperparamSpecs.speed);
    expect([speed.min, speed.max, speed.step]).toEqual([0, 200, 1]);
    expect(speed.toValue(37.4)).toBe(37);
    expect(speed.toPosition(500)).toBe(200);
  });
});
