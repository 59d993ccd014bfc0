import { describe, expect, it } from 'vitest';
import { accuracyKind, accuracyStyle, alignSeries, holdToStep, isAccuracy, lossColumns, lossRange, positiveLosses, runReadout, smoothedRuns, stepRange } from './stepData.ts';

describe('lossColumns', () => {
  it('on a log axis keeps positive losses and gaps the rest, one column per run', () => {
    expect(lossColumns([1, 2, 3], [[1, 0, 0.5], [NaN, 2, -1]])).toEqual([
      [1, 2, 3],
      [1, null, 0.5],
      [null, 2, null],
    ]);
  });

  it('on a linear axis keeps zero and negative losses, gapping only the non-finite', () => {
    expect(lossColumns([1, 2, 3], [[1, 0, -108], [NaN, 2, Infinity]], false)).toEqual([
      [1, 2, 3],
      [1, 0, -108],
      [null, 2, null],
    ]);
  });
});

describe('lossRange', () => {
  it('spans the runs that have not diverged, so a run gone to −5e30 does not flatten the others', () => {
    const diverged = [1, -3e20, -5.287e30, NaN];
    expect(lossRange([[0.5, 0.2], diverged, [-108, 40]], false)).toEqual([-108, 40]);
    // On a log axis only positive values count.
    expect(lossRange([[0.5, 0.2], diverged, [-108, 40]], true)).toEqual([0.2, 40]);
  });

  it('falls back to every run when all have diverged, and is null without values', () => {
    expect(lossRange([[2, 1e30, NaN]], false)).toEqual([2, 1e30]);
    expect(lossRange([[]], false)).toBeNull();
    expect(lossRange([[NaN]], true)).toBeNull();
  });
});

describe('positiveLosses', () => {
  it('is false as soon as one finite loss is ≤ 0 (a log axis would drop it); non-finite values do not count', () => {
    expect(positiveLosses([[1, 0.5], [NaN, Infinity, 2]])).toBe(true);
    expect(positiveLosses([[1, 0.5], [3, -108]])).toBe(false);
    expect(positiveLosses([[0]])).toBe(false);
    expect(positiveLosses([])).toBe(true);
  });
});

describe('alignSeries', () => {
  it('puts series with their own steps on the union of steps', () => {
    const a = alignSeries(
      [
        { steps: [10, 30], values: [0.5, 0.9] },
        { steps: [10, 20, 30], values: [0.1, 0.2, NaN] },
      ],
      100,
    );
    expect(a).toEqual([
      [10, 20, 30],
      [50, null, 90],
      [10, 20, null],
    ]);
  });
  it('is empty for no series', () => {
    expect(alignSeries([])).toEqual([[]]);
  });
});

describe('runReadout', () => {
  it('reads the newest value', () => {
    expect(runReadout([3, 2, 1])).toEqual({ value: 1, diverged: false });
    expect(runReadout([])).toEqual({ value: null, diverged: false });
  });
  it('flags a run whose newest loss is NaN after finite ones', () => {
    expect(runReadout([3, 2, NaN, NaN])).toEqual({ value: 2, diverged: true });
  });
});

describe('accuracy names', () => {
  it('recognises accuracies and names their kind', () => {
    expect(['testAccuracy', 'trainAccuracy', 'testLoss', 'accuracy'].filter(isAccuracy)).toEqual([
      'testAccuracy',
      'trainAccuracy',
      'accuracy',
    ]);
    expect(accuracyKind('testAccuracy')).toBe('test');
    expect(accuracyKind('ValAccuracy')).toBe('val');
    expect(accuracyKind('accuracy')).toBe('accuracy');
  });
  it('draws test thick with dots, train thin and faded, others dashed', () => {
    expect(accuracyStyle('testAccuracy')).toEqual({ width: 2.5, alpha: 1, dash: [], points: true });
    expect(accuracyStyle('trainAccuracy')).toMatchObject({ width: 1.25, dash: [], points: false });
    expect(accuracyStyle('trainAccuracy').alpha).toBeLessThan(1);
    expect(accuracyStyle('valAccuracy').dash.length).toBe(2);
  });
});

describe('holdToStep', () => {
  it('extends each series to the step with its newest value', () => {
    const s = [
      { name: 'a', steps: [10, 20], values: [0.5, 0.7] },
      { name: 'b', steps: [], values: [] },
      { name: 'c', steps: [30], values: [0.9] },
    ];
    expect(holdToStep(s, 30)).toEqual([
      { name: 'a', steps: [10, 20, 30], values: [0.5, 0.7, 0.7] },
      { name: 'b', steps: [], values: [] },
      { name: 'c', steps: [30], values: [0.9] },
    ]);
  });
});

describe('smoothedRuns', () => {
  it('keeps the shown runs only, raw, and their EMA when smoothing', () => {
    const runs = [[1, 3], [10, 30], [100, 300]];
    const { raw, smooth } = smoothedRuns(runs, [0, 2], 0.5);
    expect(raw).toEqual([[1, 3], [100, 300]]);
    // Debiased EMA at w = 0.5: [1, (0.25 + 1.5) / 0.75]
    expect(smooth[0]?.[0]).toBeCloseTo(1, 12);
    expect(smooth[0]?.[1]).toBeCloseTo(1.75 / 0.75, 12);
    expect(smooth[1]?.[1]).toBeCloseTo(175 / 0.75, 12);
  });

  it('gives per-epoch means instead when told where the epochs ended', () => {
    const { smooth } = smoothedRuns([[4, 2, 1, 1]], [0], 0.6, { steps: [0, 1, 2, 3], ends: [2] });
    expect(smooth).toEqual([[NaN, 3, NaN, 1]]);
  });

  it('draws no smoothed lines at weight 0, and nothing for a hidden or missing run', () => {
    expect(smoothedRuns([[1, 2]], [0], 0)).toEqual({ raw: [[1, 2]], smooth: [] });
    expect(smoothedRuns([[1, 2]], [], 0.6)).toEqual({ raw: [], smooth: [] });
    expect(smoothedRuns([[1, 2]], [3], 0.6)).toEqual({ raw: [], smooth: [] });
  });
});

describe('stepRange', () => {
  it("spans the loss history's steps, not the evaluations' (the first evaluation comes an epoch in)", () => {
    // ch05-02: loss from step 0, the first train accuracy at step 25.
    expect(stepRange(0, 152, 25, 152)).toEqual([0, 152]);
  });

  it('widens to data outside the history, and copes with unknown ends', () => {
    expect(stepRange(10, 20, 5, 30)).toEqual([5, 30]);
    expect(stepRange(undefined, undefined, 3, 9)).toEqual([3, 9]);
    expect(stepRange(0, 40, null, null)).toEqual([0, 40]);
    expect(stepRange(undefined, undefined, NaN, NaN)).toEqual([0, 1]);
  });

  it('gives a lone step one step either side', () => {
    expect(stepRange(7, 7, 7, 7)).toEqual([6, 8]);
  });
});
