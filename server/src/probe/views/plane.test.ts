import { describe, expect, it } from 'vitest';
import { grid1d } from './curve1d.ts';
import { inputsScatterView, PLANE_AXIS, planeValues, planeView } from './plane.ts';

describe('planeValues / planeView', () => {
  it('row 0 is the top (x2 = 1), columns x1 = −1 … 1; the corners are w1·x1 + w2·x2 + b', () => {
    const v = planeValues(2, -3, 0.5);
    expect(v).toHaveLength(121);
    expect(v[0]).toBeCloseTo(2 * -1 + -3 * 1 + 0.5, 6); // (−1, 1)
    expect(v[10]).toBeCloseTo(2 * 1 + -3 * 1 + 0.5, 6); // (1, 1)
    expect(v[110]).toBeCloseTo(2 * -1 + -3 * -1 + 0.5, 6); // (−1, −1)
    expect(v[120]).toBeCloseTo(2 * 1 + -3 * -1 + 0.5, 6); // (1, −1)
    expect(v[60]).toBeCloseTo(0.5, 6); // the centre
  });

  it('a grid panel [n, n] with the axes in its title, grouped when asked', () => {
    const view = planeView({ name: 'p', title: 'plane', w1: 1, w2: 1, b: 0, group: 'g' });
    expect(view.fields.p!.dims).toEqual([PLANE_AXIS.length, PLANE_AXIS.length]);
    expect(view.layout[0]).toMatchObject({ kind: 'grid', field: 'p', xLabel: 'x1', yLabel: 'x2', group: 'g' });
    expect(view.layout[0]!.title).toBe('plane: columns x1 = −1…1, rows x2 = 1…−1 (step 0.2)');
    const small = planeView({ name: 'q', title: 't', w1: 0, w2: 0, b: 0, axis: grid1d(0, 1, 3) });
    expect(small.fields.q!.dims).toEqual([3, 3]);
    expect(small.layout[0]!.group).toBeUndefined();
  });

  it('the inputs as a scatter [n, 2]', () => {
    const view = inputsScatterView('in', 'inputs', Float32Array.of(0, 1, 2, 3), 'g');
    expect(view.fields.in!.dims).toEqual([2, 2]);
    expect(view.layout[0]).toMatchObject({ kind: 'scatter', field: 'in', group: 'g' });
    expect(() => inputsScatterView('in', 'inputs', Float32Array.of(0, 1, 2))).toThrow(RangeError);
  });
});
