import { describe, expect, it } from 'vitest';
import { activationAndDerivative, activationCurveView, CURVE_Z } from './activationCurves.ts';

describe('activation curves', () => {
  it('values and slopes at 0 and 2: σ′(0) = 1/4, tanh′(0) = 1, ReLU′(0) = 0 (PyTorch)', () => {
    expect(activationAndDerivative('sigmoid', 0)).toEqual([0.5, 0.25]);
    expect(activationAndDerivative('tanh', 0)).toEqual([0, 1]);
    expect(activationAndDerivative('relu', 0)).toEqual([0, 0]);
    expect(activationAndDerivative('relu', 2)).toEqual([2, 1]);
    const [s, ds] = activationAndDerivative('sigmoid', 2);
    expect(s).toBeCloseTo(0.880797, 6);
    expect(ds).toBeCloseTo(0.104994, 6);
  });

  it.each(['sigmoid', 'tanh'] as const)('%s: the derivative matches central differences along the curve', (a) => {
    for (const z of [-4, -1.3, 0.2, 3]) {
      const h = 1e-5;
      const fd = (activationAndDerivative(a, z + h)[0] - activationAndDerivative(a, z - h)[0]) / (2 * h);
      expect(activationAndDerivative(a, z)[1]).toBeCloseTo(fd, 6);
    }
  });

  it('a series of f against z with f′ as the second line, from −6 to 6', () => {
    const v = activationCurveView('c', 'curve', 'tanh');
    expect(CURVE_Z.length).toBe(121);
    expect([CURVE_Z[0], CURVE_Z[60], CURVE_Z[120]]).toEqual([-6, 0, 6]);
    expect(v.fields['c.f']!.data[60]).toBe(0);
    expect(v.fields['c.df']!.data[60]).toBe(1);
    expect(v.layout[0]).toMatchObject({ kind: 'series', field: 'c.f', x: 'c.z', y2: 'c.df', names: ['tanh(z)', 'tanh′(z)'] });
  });
});
