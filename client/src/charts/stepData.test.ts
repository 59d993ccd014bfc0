import { describe, expect, it } from 'vitest';
import { accuracyKind, accuracyStyle, alignSeries, holdToStep, isAccuracy, logColumns, runReadout } from './stepData.ts';

describe('logColumns', () => {
  it('keeps positive losses and gaps the rest, one column per run', () => {
    expect(logColumns([1, 2, 3], [[1, 0, 0.5], [NaN, 2, -1]])).toEqual([
      [1, 2, 3],
      [1, null, 0.5],
      [null, 2, null],
    ]);
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
