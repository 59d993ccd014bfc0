import { describe, expect, it } from 'vitest';
import { grid1d } from './curve1d.ts';
import { PLANE_AXIS, planePoints, planeValues, planeView } from './plane.ts';

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

  it('with points: the data as (x1, x2, y) rows on the grid panel, placed by the axis’s range', () => {
    const pts = planePoints(Float32Array.of(-1, -1, 0.5, 0.25), Float32Array.of(3, 7));
    expect(Array.from(pts)).toEqual([-1, -1, 3, 0.5, 0.25, 7]);
    const view = planeView({ name: 'p', title: 'plane', w1: 1, w2: 1, b: 0, points: pts, group: 'g' });
    expect(view.fields['p.points']!.dims).toEqual([2, 3]);
    expect(view.layout).toHaveLength(1);
    expect(view.layout[0]).toMatchObject({ kind: 'grid', field: 'p', points: 'p.points', extent: [-1, 1, -1, 1], group: 'g' });
    expect(view.layout[0]!.title).toContain('dots: the data');
    // Without points, the plane alone.
    const bare = planeView({ name: 'q', title: 'plane', w1: 1, w2: 1, b: 0 });
    expect(bare.layout[0]!.points).toBeUndefined();
    expect(Object.keys(bare.fields)).toEqual(['q']);
    expect(() => planeView({ name: 'r', title: 't', w1: 0, w2: 0, b: 0, points: Float32Array.of(1, 2) })).toThrow(RangeError);
  });

  it('planePoints reads output k of multi-output targets, and refuses mismatched shapes', () => {
    const x = Float32Array.of(0, 1, 2, 3);
    const y = Float32Array.of(10, 20, 11, 21); // [2, 2]: y1, y2 per sample
    expect(Array.from(planePoints(x, y, 2, 1))).toEqual([0, 1, 20, 2, 3, 21]);
    expect(Array.from(planePoints(x, y, 2, 0))).toEqual([0, 1, 10, 2, 3, 11]);
    expect(() => planePoints(x, y, 1)).toThrow(RangeError);
    expect(() => planePoints(x, y, 2, 2)).toThrow(RangeError);
    expect(() => planePoints(Float32Array.of(0, 1, 2), Float32Array.of(1))).toThrow(RangeError);
  });
});
