/** curve1d: grids, series layout, points kept inside the drawn range. */
import { describe, expect, it } from 'vitest';
import { column, curveView, grid1d, gridView, pathWithin, pointsWithin, stepGrid } from './curve1d.ts';

describe('curve1d', () => {
  it('grids include both ends', () => {
    expect(Array.from(grid1d(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(stepGrid(-10, 4, 1).length).toBe(15); // the course's w = −10, −9, …, 4
    expect(() => grid1d(0, 1, 1)).toThrow(RangeError);
  });

  it('takes one column of a row-major array', () => {
    expect(Array.from(column(Float32Array.of(1, 2, 3, 4, 5, 6), 3, 1))).toEqual([2, 5]);
  });

  it('keeps the points inside the drawn range', () => {
    expect(Array.from(pointsWithin(Float32Array.of(-5, 1, 0, 2, 7, 3, 1, NaN), -4, 6))).toEqual([0, 2]);
  });

  it('keeps the last point of a path (the position now) wherever it is, for the ball to pin', () => {
    // A diverging w³ run: −5 was visited off the plot and left out; −4.1 is now, kept; NaN now means no ball.
    expect(Array.from(pathWithin(Float32Array.of(-5, -125, 3, 27, -4.5, -91.125), -4, 4))).toEqual([3, 27, -4.5, -91.125]);
    expect(Array.from(pathWithin(Float32Array.of(3, 27, -Infinity, -Infinity), -4, 4))).toEqual([3, 27, -Infinity, -Infinity]);
    expect(Array.from(pathWithin(Float32Array.of(3, 27, NaN, NaN), -4, 4))).toEqual([3, 27]);
    expect(pathWithin(new Float32Array(0), -4, 4)).toHaveLength(0);
  });

  it('sets ball only when asked', () => {
    const spec = { name: 'c', title: 'l(w)', x: Float32Array.of(0, 1), curves: [{ name: 'l', values: Float32Array.of(0, 1) }], points: Float32Array.of(1, 1) };
    expect(curveView({ ...spec, ball: true }).layout[0]).toMatchObject({ kind: 'series', points: 'c.points', ball: true });
    expect(curveView(spec).layout[0]!.ball).toBeUndefined();
  });

  it('lays out a series: first curve is the field, the rest lines, points [k, 2]', () => {
    const v = curveView({
      name: 'c',
      title: 'L(w)',
      x: Float32Array.of(0, 1, 2),
      curves: [
        { name: 'a', values: Float32Array.of(1, 2, 3) },
        { name: 'b', values: Float32Array.of(3, 2, 1) },
      ],
      points: Float32Array.of(1, 2, 2, 1),
      pointsName: 'visited',
    });
    expect(v.layout[0]).toMatchObject({ kind: 'series', field: 'c.y0', x: 'c.x', lines: ['c.y1'], names: ['a', 'b', 'visited'], points: 'c.points' });
    expect(v.fields['c.points']!.dims).toEqual([2, 2]);
    expect(() => curveView({ name: 'c', title: '', x: Float32Array.of(0), curves: [{ name: 'a', values: Float32Array.of(1, 2) }] })).toThrow(RangeError);
  });

  it('lays out a grid [rows, cols]', () => {
    const g = gridView('W', 'weights', Float32Array.of(1, 2, 3, 4, 5, 6), 2, 3);
    expect(g.fields.W!.dims).toEqual([2, 3]);
    expect(g.layout[0]).toMatchObject({ kind: 'grid', field: 'W' });
    expect(() => gridView('W', 'weights', Float32Array.of(1, 2), 2, 3)).toThrow(RangeError);
  });
});
