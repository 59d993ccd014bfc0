import { describe, expect, it } from 'vitest';
import { runKey, shownRuns } from './runVisibility.ts';

describe('run visibility', () => {
  it('names a run by place and label: a relabelled run is shown again, equal labels stay apart', () => {
    const hidden = new Set([runKey(0, 'lr = 0.1')]);
    expect(shownRuns(['lr = 0.1', 'lr = 0.01'], hidden)).toEqual([1]);
    expect(shownRuns(['lr = 0.3', 'lr = 0.01'], hidden)).toEqual([0, 1]);
    expect(shownRuns(['lr = 0.1', 'lr = 0.1'], hidden)).toEqual([1]);
  });

  it('shows every run when none is hidden', () => {
    expect(shownRuns(['a', 'b', 'c'], new Set())).toEqual([0, 1, 2]);
    expect(runKey(2, 'He + ReLU')).toBe('2|He + ReLU');
  });
});
