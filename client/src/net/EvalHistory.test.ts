import { describe, expect, it } from 'vitest';
import { EvalHistory } from './EvalHistory.ts';

const names = ['testAccuracy', 'trainAccuracy'];

describe('EvalHistory', () => {
  it('records a value each time it changes, at the frame step, per run and metric', () => {
    const h = new EvalHistory();
    expect(h.observe(1, { names, rows: [[NaN, 0.2], [NaN, 0.3]] })).toBe(true);
    expect(h.observe(2, { names, rows: [[NaN, 0.2], [NaN, 0.3]] })).toBe(false);
    expect(h.observe(3, { names, rows: [[0.8, 0.4], [0.7, 0.3]] })).toBe(true);
    const s = h.series();
    expect(s.map((x) => `${x.run}:${x.name}`)).toEqual(['0:testAccuracy', '0:trainAccuracy', '1:testAccuracy', '1:trainAccuracy']);
    expect(s[0]).toMatchObject({ steps: [3], values: [0.8] });
    expect(s[1]).toMatchObject({ steps: [1, 3], values: [0.2, 0.4] });
    expect(s[3]).toMatchObject({ steps: [1], values: [0.3] });
  });
  it('replaces the point of the same step, and ignores older steps', () => {
    const h = new EvalHistory();
    h.observe(5, { names, rows: [[0.5, 0.5]] });
    h.observe(5, { names, rows: [[0.6, 0.5]] });
    h.observe(4, { names, rows: [[0.9, 0.9]] });
    expect(h.series()[0]).toMatchObject({ steps: [5], values: [0.6] });
    expect(h.series()[1]).toMatchObject({ steps: [5], values: [0.5] });
  });
  it('starts again when the metrics or the runs change', () => {
    const h = new EvalHistory();
    h.observe(1, { names, rows: [[0.5, 0.5]] });
    expect(h.observe(2, { names: ['testAccuracy'], rows: [[0.6]] })).toBe(true);
    expect(h.series()).toEqual([{ run: 0, name: 'testAccuracy', steps: [2], values: [0.6] }]);
    h.clear();
    expect(h.series()).toEqual([]);
  });
});
