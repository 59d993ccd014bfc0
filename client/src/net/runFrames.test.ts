import { describe, expect, it } from 'vitest';
import { readEvalLog, readEvals, readLossRows, readPathRows, variantLabels } from './runFrames.ts';
import { metricsFrame, pathFrame } from './testFrames.ts';

describe('readLossRows', () => {
  it('reads one run as one row', () => {
    const r = readLossRows(metricsFrame([1, 2, 3], [[0.5, 0.4, 0.3]]));
    expect(Array.from(r?.steps ?? [])).toEqual([1, 2, 3]);
    expect(r?.rows.map((x) => Array.from(x))).toEqual([[0.5, 0.4, 0.3].map(Math.fround)]);
  });
  it('reads [v, n] as one row per variant, NaN kept for a diverged one', () => {
    const r = readLossRows(metricsFrame([4, 5], [[1, 2], [3, NaN]], { variants: ['a', 'b'] }));
    expect(r?.rows.length).toBe(2);
    expect(Array.from(r?.rows[0] ?? [])).toEqual([1, 2]);
    expect(r?.rows[1]?.[0]).toBe(3);
    expect(r?.rows[1]?.[1]).toBeNaN();
  });
  it('refuses a loss field that does not match the steps', () => {
    const f = metricsFrame([1, 2], [[1, 2]]);
    f.fields['step'] = { dtype: 'f64', dims: [3], data: Float64Array.of(1, 2, 3) };
    expect(readLossRows(f)).toBeNull();
  });
});

describe('readPathRows', () => {
  it('reads [n, 2] as one run', () => {
    const r = readPathRows(pathFrame([0, 1], [[[1, 2, 10], [3, 4, 5]]]));
    expect(r?.runs.length).toBe(1);
    expect(Array.from(r?.runs[0]?.x ?? [])).toEqual([1, 3]);
    expect(Array.from(r?.runs[0]?.y ?? [])).toEqual([2, 4]);
    expect(Array.from(r?.runs[0]?.loss ?? [])).toEqual([10, 5]);
  });
  it('reads [v, n, 2] as one path per variant', () => {
    const r = readPathRows(
      pathFrame(
        [0, 1],
        [
          [[1, 2, 10], [3, 4, 5]],
          [[-1, -2, 9], [-3, -4, 8]],
        ],
      ),
    );
    expect(r?.runs.length).toBe(2);
    expect(Array.from(r?.runs[1]?.x ?? [])).toEqual([-1, -3]);
    expect(Array.from(r?.runs[1]?.loss ?? [])).toEqual([9, 8]);
  });
});

describe('readEvals', () => {
  it('names the columns by meta.evalNames, NaN where a run has no value', () => {
    const t = readEvals(
      metricsFrame([1], [[1], [2]], { evals: [{ testAccuracy: 0.5, trainAccuracy: 0.6 }, { trainAccuracy: 0.7 }] }),
    );
    expect(t.names).toEqual(['testAccuracy', 'trainAccuracy']);
    expect(t.rows[0]).toEqual([0.5, 0.6].map(Math.fround));
    expect(t.rows[1]?.[0]).toBeNaN();
  });
  it('is empty when m = 0', () => {
    expect(readEvals(metricsFrame([1], [[1]], { evals: [{}] }))).toEqual({ names: [], rows: [] });
    expect(readEvals(metricsFrame([1], [[1]]))).toEqual({ names: [], rows: [] });
  });
});

describe('variantLabels', () => {
  it('splits meta.variants, falls back to numbered runs, and is empty for one run', () => {
    expect(variantLabels(metricsFrame([1], [[1], [2]], { variants: ['SGD', 'Adam'] }), 2)).toEqual(['SGD', 'Adam']);
    expect(variantLabels(metricsFrame([1], [[1], [2]]), 2)).toEqual(['run 1', 'run 2']);
    expect(variantLabels(metricsFrame([1], [[1]]), 1)).toEqual([]);
  });
});

describe('readEvalLog', () => {
  it('reads the evaluation log of a whole-history frame, oldest first', () => {
    const frame = {
      channel: 'metrics' as const,
      generation: 1,
      step: 30,
      meta: { evalNames: 'testAccuracy,testLoss', full: true },
      fields: {
        evals: { dtype: 'f32' as const, dims: [2, 2], data: Float32Array.of(0.9, 0.3, 0.8, 0.4) },
        evalLogSteps: { dtype: 'f64' as const, dims: [2], data: Float64Array.of(10, 20) },
        evalLog: { dtype: 'f32' as const, dims: [2, 2, 2], data: Float32Array.of(0.5, 1, 0.4, 1.1, 0.7, 0.6, 0.6, 0.7) },
      },
    };
    const log = readEvalLog(frame);
    expect(log.map((e) => e.step)).toEqual([10, 20]);
    expect(log[1]!.table.names).toEqual(['testAccuracy', 'testLoss']);
    expect(log[1]!.table.rows[0]![0]).toBeCloseTo(0.7, 6);
    expect(log[0]!.table.rows[1]![1]).toBeCloseTo(1.1, 6);
    expect(readEvalLog({ ...frame, fields: { evals: frame.fields.evals } })).toEqual([]);
  });
});
