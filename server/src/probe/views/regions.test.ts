/** regions: cell centres, classification of logits and probabilities, a known rule drawn on the grid. */
import { describe, expect, it } from 'vitest';
import { classify, gridCells, labelledPoints, paddedExtent, regionsView, softmaxRows, stripCells } from './regions.ts';

const arr = (f: { data: ArrayLike<number> } | undefined): number[] => Array.from(f!.data);

describe('regions', () => {
  it('samples cell centres, row 0 at yMin, x fastest', () => {
    expect(Array.from(gridCells([0, 2, 0, 1], 2, 2))).toEqual([0.5, 0.25, 1.5, 0.25, 0.5, 0.75, 1.5, 0.75]);
    expect(Array.from(stripCells(-1, 1, 4))).toEqual([-0.75, -0.25, 0.25, 0.75]);
    expect(paddedExtent(Float32Array.of(0, 1, 2, -1), 0.5)).toEqual([-0.5, 2.5, -1.5, 1.5]);
  });

  it('classifies logits by argmax with the softmax probability as confidence', () => {
    // Logits [1, 2, 3]: softmax [0.090031, 0.244728, 0.665241] (lessons.md formula 9).
    const { cls, conf } = classify(Float32Array.of(1, 2, 3, 0, 0, -1, NaN, 0, 0), 'logits', 3);
    expect(Array.from(cls)).toEqual([2, 0, 0]);
    expect(conf[0]).toBeCloseTo(0.665241, 5);
    // Ties go to the first class: [0, 0, −1] → e⁰/(1 + 1 + e⁻¹) = 0.42232.
    expect(conf[1]).toBeCloseTo(1 / (2 + Math.exp(-1)), 5);
    expect(conf[2]).toBe(0);
  });

  it('classifies sigmoid probabilities at 0.5', () => {
    const { cls, conf } = classify(Float32Array.of(0.8, 0.2, 0.5), 'probability');
    expect(Array.from(cls)).toEqual([1, 0, 0]);
    expect(Array.from(conf).map((v) => Number(v.toFixed(6)))).toEqual([0.8, 0.8, 0.5]);
  });

  it('draws the predicted class of a known rule on the grid, with the points and lines', () => {
    // A "network" that says class 1 right of x = 1 (logits [0, x − 1]).
    const scores = (rows: Float32Array) => {
      const n = rows.length / 2;
      return Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? (rows[i - 1] as number) - 1 : 0));
    };
    const draw = regionsView({
      name: 'r',
      title: 'regions',
      extent: [0, 2, 0, 1],
      nx: 4,
      ny: 2,
      scores,
      kind: 'logits',
      classes: 2,
      points: labelledPoints(Float32Array.of(0.1, 0.2, 1.9, 0.8), Int32Array.of(0, 1)),
      segments: Float32Array.of(1, 0, 1, 1),
    });
    const v = draw();
    expect(arr(v.fields['r.class'])).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    expect(v.fields['r.class']!.dims).toEqual([2, 4]);
    expect(v.fields['r.class']!.dtype).toBe('i32');
    // Cell centre x = 0.25: logits [0, −0.75] → P(class 0) = 1/(1 + e^−0.75) = 0.679179.
    expect(v.fields['r.conf']!.data[0]).toBeCloseTo(0.679179, 5);
    expect(arr(v.fields['r.points']).map((x) => Number(x.toFixed(6)))).toEqual([0.1, 0.2, 0, 1.9, 0.8, 1]);
    expect(v.layout[0]).toMatchObject({ kind: 'regions', field: 'r.class', y2: 'r.conf', points: 'r.points', segments: 'r.segments', extent: [0, 2, 0, 1] });
  });

  it('puts 1-D points mid-strip and keeps every k-th point', () => {
    expect(Array.from(labelledPoints(Float32Array.of(-1, 0, 1), Int32Array.of(0, 1, 2), 2))).toEqual([-1, 0.5, 0, 1, 0.5, 2]);
  });

  it('softmax of logit rows', () => {
    // [1, 2, 3] → [0.090031, 0.244728, 0.665241]; a huge row stays finite.
    const p = softmaxRows(Float32Array.of(1, 2, 3, 1000, 0, 1000), 3);
    [0.090031, 0.244728, 0.665241, 0.5, 0, 0.5].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 5));
  });
});
