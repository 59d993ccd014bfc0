import { decodeFrame, encodeFrame, type Frame, HISTORY_CAPACITY, StepSeries } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { type EvalEntry, metricsFrame } from '../probe/metrics.ts';
import { pathFrame } from '../probe/optimizerPath.ts';
import { EvalLog, RunHistory } from './history.ts';

/** A frame as the room receives it: encoded by the worker, decoded on the socket thread. */
const wire = (f: Frame): Frame => decodeFrame(encodeFrame(f));

/** A loss series of `runs` runs with a point at each step in [from, to). */
function losses(from: number, to: number, runs = 1): StepSeries {
  const s = new StepSeries(HISTORY_CAPACITY.loss, runs);
  for (let k = from; k < to; k++) s.push(k, ...Array.from({ length: runs }, (_, r) => 100 / (k + 1) + r));
  return s;
}

describe('RunHistory', () => {
  it('merges overlapping live windows by step into the whole curve, and gives it back whole', () => {
    const worker = losses(0, 300);
    const h = new RunHistory();
    // Windows of the last 40 points every 25 steps: they overlap, and together cover every step.
    for (let s = 25; s <= 300; s += 25) {
      const upTo = new StepSeries(HISTORY_CAPACITY.loss, 1);
      upTo.merge(worker.steps.slice(0, s), worker.values.slice(0, s));
      h.ingest(wire(metricsFrame(upTo, 1, s, { epoch: 0, full: false }, { count: 40, evals: [{ trainAccuracy: s / 300 }] })));
    }
    expect(h.loss!.steps).toEqual(worker.steps);
    const [metrics] = h.wholeFrames();
    expect(metrics!.meta).toMatchObject({ full: true, epoch: 0, evalNames: 'trainAccuracy' });
    expect([metrics!.generation, metrics!.step]).toEqual([1, 300]);
    // The layout of a whole-history frame the worker makes from the same series.
    const expected = metricsFrame(worker, 1, 300, { epoch: 0, full: true }, { evals: [{ trainAccuracy: 1 }], log: [] });
    expect(Object.keys(metrics!.fields).sort()).toEqual(Object.keys(expected.fields).sort());
    for (const [name, f] of Object.entries(expected.fields)) {
      expect(metrics!.fields[name]!.dims, name).toEqual(f.dims);
      expect(Array.from(metrics!.fields[name]!.data), name).toEqual(Array.from(wire(expected).fields[name]!.data));
    }
  });

  it('a whole-history frame replaces the curve and the evaluation log', () => {
    const h = new RunHistory();
    h.ingest(wire(metricsFrame(losses(0, 50), 1, 50, { full: false }, { evals: [{}] })));
    h.mergeEvaluations([{ step: 30, evals: [{ testAccuracy: 0.5 }] }]);
    expect(h.evals.length).toBe(1);
    // A revert to step 20 of a new generation: the worker's frame holds steps 0…19 and no evaluation.
    h.ingest(wire(metricsFrame(losses(0, 20), 2, 20, { full: true }, { evals: [{}], log: [] })));
    expect(h.loss!.steps).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(h.evals.length).toBe(0);
    // A rebuild keeping the history: the log comes back whole with the frame.
    const log: EvalEntry[] = [{ step: 10, evals: [{ testAccuracy: 0.4, testLoss: 1.2 }] }];
    h.ingest(wire(metricsFrame(losses(0, 20), 3, 20, { full: true }, { evals: [{ trainAccuracy: 0.3 }], log })));
    expect(h.evals.entries()).toEqual([{ step: 10, evals: [{ testAccuracy: expect.closeTo(0.4, 6), testLoss: expect.closeTo(1.2, 6), trainAccuracy: NaN }] }]);
    const [metrics] = h.wholeFrames();
    expect(metrics!.generation).toBe(3);
    expect(Array.from(metrics!.fields.evalLogSteps!.data)).toEqual([10]);
    expect(metrics!.meta.evalNames).toBe('testAccuracy,testLoss,trainAccuracy');
  });

  it('keeps a comparison’s rows, and the path of every run', () => {
    const h = new RunHistory();
    h.ingest(wire(metricsFrame(losses(0, 10, 3), 1, 10, { variants: 'a|b|c' }, { evals: [{}, {}, {}] })));
    expect(h.loss!.columns.map((c) => c[9])).toEqual([10, 11, 12]);
    const path = new StepSeries(HISTORY_CAPACITY.path, 6);
    for (let k = 0; k < 10; k++) path.push(k, k, -k, 2 * k, 10 + k, -10 - k, 3 * k);
    h.ingest(wire(pathFrame(path, 1, 10, ['w', 'b'], 4, false)));
    expect(h.path!.steps).toEqual([6, 7, 8, 9]);
    h.ingest(wire(pathFrame(path, 1, 10, ['w', 'b'], 10, true)));
    expect(h.path!.steps).toHaveLength(10);
    const [, whole] = h.wholeFrames();
    expect(whole!.meta).toMatchObject({ xLabel: 'w', yLabel: 'b', full: true });
    expect(whole!.fields.xy!.dims).toEqual([2, 10, 2]);
    expect(Array.from(whole!.fields.xy!.data.subarray(20, 22))).toEqual([10, -10]);
    expect(Array.from(whole!.fields.loss!.data.subarray(10, 12))).toEqual([0, 3]);
  });
});

describe('EvalLog', () => {
  it('keeps every run’s metrics by step, widening for a metric seen later, and skips what it holds', () => {
    const log = new EvalLog();
    log.merge([{ step: 10, evals: [{ trainAccuracy: 0.5 }, { trainAccuracy: 0.6 }] }]);
    log.merge([
      { step: 10, evals: [{ trainAccuracy: 0.9 }, { trainAccuracy: 0.9 }] },
      { step: 20, evals: [{ trainAccuracy: 0.7, testAccuracy: 0.65 }, { trainAccuracy: 0.8 }] },
    ]);
    expect(log.names).toEqual(['testAccuracy', 'trainAccuracy']);
    expect(log.entries()).toEqual([
      { step: 10, evals: [{ testAccuracy: NaN, trainAccuracy: 0.5 }, { testAccuracy: NaN, trainAccuracy: 0.6 }] },
      { step: 20, evals: [{ testAccuracy: 0.65, trainAccuracy: 0.7 }, { testAccuracy: NaN, trainAccuracy: 0.8 }] },
    ]);
    log.clear();
    expect(log.entries()).toEqual([]);
  });

  it('holds at most the shared capacity, thinned over the whole run (its first evaluations kept)', () => {
    const log = new EvalLog();
    const n = 3 * HISTORY_CAPACITY.evals;
    log.merge(Array.from({ length: n }, (_, i) => ({ step: 10 * (i + 1), evals: [{ testAccuracy: i / n }] })));
    expect(log.length).toBeLessThanOrEqual(HISTORY_CAPACITY.evals);
    expect(log.entries()[0]!.step).toBe(10);
    expect(log.lastStep).toBe(10 * n);
  });
});
