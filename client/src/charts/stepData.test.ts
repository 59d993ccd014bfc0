import { describe, expect, it } from 'vitest';
import { accuracyKind, accuracyStyle, alignSeries, holdToStep, isAccuracy, lossColumns, lossRange, positiveLosses, runReadout } from './stepData.ts';

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
