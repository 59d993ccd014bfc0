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

const table = (test: number, train: number) => ({ names, rows: [[test, train]] });

describe('EvalHistory and the evaluation log', () => {
  it('merges the log into what was recorded, never replacing it with fewer points', () => {
    const h = new EvalHistory();
    // Watched live: train accuracy at every frame, the first test accuracy seen at step 12 (evaluated at step 10).
    h.observe(4, table(NaN, 0.2));
    h.observe(8, table(NaN, 0.3));
    h.observe(12, table(0.8, 0.4));
    h.observe(16, table(0.8, 0.5));
    // A reconnect's snapshot: the log has the one completed evaluation, at its own step.
    expect(h.mergeLog([{ step: 10, table: table(0.8, 0.35) }])).toBe(true);
    const [test, train] = h.series();
    // The evaluation seen live at step 12 is the log's, at step 10: one point, not two.
    expect(test).toMatchObject({ steps: [10], values: [0.8] });
    expect(train?.steps).toEqual([4, 8, 10, 12, 16]);
    // Merging the same log again changes nothing; a live value equal to the last one adds nothing either.
    expect(h.mergeLog([{ step: 10, table: table(0.8, 0.35) }])).toBe(false);
    expect(h.observe(20, table(0.8, 0.5))).toBe(false);
  });

  it('a late joiner starts from the log, and live frames carry on from it', () => {
    const h = new EvalHistory();
    h.mergeLog([
      { step: 10, table: table(0.5, 0.4) },
      { step: 20, table: table(0.6, 0.5) },
      { step: 30, table: table(0.6, 0.55) },
    ]);
    h.observe(33, table(0.6, 0.56));
    const [test, train] = h.series();
    // Two evaluations with the same test accuracy: one point, as a member watching live records it.
    expect(test?.steps).toEqual([10, 20]);
    expect(train?.steps).toEqual([10, 20, 30, 33]);
  });

  it('truncates after a step, and absorbs a newer history of the same metrics', () => {
    const h = new EvalHistory();
    for (const [step, v] of [[10, 0.1], [20, 0.2], [30, 0.3]] as const) h.observe(step, table(v, v));
    h.truncateAfter(20);
    expect(h.series()[0]?.steps).toEqual([10, 20]);
    const newer = new EvalHistory();
    newer.observe(25, table(0.25, 0.2));
    h.absorb(newer);
    expect(h.series()[0]).toMatchObject({ steps: [10, 20, 25] });
    // The train accuracy at 25 equals the one at 20: the same observation.
    expect(h.series()[1]).toMatchObject({ steps: [10, 20] });
    // A newer history of other metrics replaces it; an empty one leaves it.
    h.absorb(new EvalHistory());
    expect(h.series()[0]?.steps).toEqual([10, 20, 25]);
    const other = new EvalHistory();
    other.observe(26, { names: ['testAccuracy'], rows: [[0.9]] });
    h.absorb(other);
    expect(h.series()).toEqual([{ run: 0, name: 'testAccuracy', steps: [26], values: [0.9] }]);
  });
});
