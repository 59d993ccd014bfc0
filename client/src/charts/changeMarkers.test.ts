import type { Annotation } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import type { Lineage } from '../net/lineage.ts';
import { changeMarkers, keptThrough, onHistory } from './changeMarkers.ts';

const change = (generation: number, step: number, changes: Annotation['changes'] = { lr: [0.1, 0.03] }, name = 'Ada'): Annotation => ({
  generation,
  step,
  kind: 'hp',
  changes,
  by: { name, role: 'presenter' },
  at: 0,
});
const lineage = (base: number, starts: Record<number, number> = {}): Lineage => ({ base, starts });
const steps = (log: Annotation[], l: Lineage, g: number): number[] => changeMarkers(log, l, g).map((m) => m.step);

describe('which changes the current history shows', () => {
  it('all of the generation joined with, those of older generations included (the server cut its log)', () => {
    expect(steps([change(1, 5), change(3, 30), change(3, 60)], lineage(3), 3)).toEqual([5, 30, 60]);
  });

  it('a revert to the checkpoint at step s drops the changes after s', () => {
    const log = [change(1, 10), change(1, 40), change(1, 41), change(1, 90)];
    expect(steps(log, lineage(1, { 2: 40 }), 2)).toEqual([10, 40]);
  });

  it('a rebuild (batch norm on) keeps every earlier change, and its own at the step it happened', () => {
    const log = [change(1, 10), change(2, 50, { batchNorm: [false, true] })];
    expect(changeMarkers(log, lineage(1, { 2: 50 }), 2).map((m) => m.label)).toEqual(['lr 0.1→0.03', 'batch norm on']);
  });

  it('a generation starting at step 0 (reset, restarting option) drops them all, through later generations too', () => {
    const log = [change(1, 0), change(1, 10), change(2, 3), change(3, 7)];
    expect(steps(log, lineage(1, { 2: 0 }), 2)).toEqual([3]);
    expect(steps(log, lineage(1, { 2: 0, 3: 20 }), 3)).toEqual([3, 7]);
  });

  it('a change passes only through generations whose start is known, and never into the past', () => {
    expect(steps([change(1, 10)], lineage(1, { 3: 50 }), 3)).toEqual([]);
    expect(steps([change(4, 10)], lineage(1), 3)).toEqual([]);
  });

  it('keptThrough and onHistory: the smallest start on the way limits an old change', () => {
    const kept = keptThrough(lineage(1, { 2: 80, 3: 30 }), 3);
    expect([...kept.entries()].sort()).toEqual([
      [1, 30],
      [2, 30],
      [3, Infinity],
    ]);
    expect(onHistory({ generation: 1, step: 30 }, kept, 1)).toBe(true);
    expect(onHistory({ generation: 2, step: 31 }, kept, 1)).toBe(false);
  });
});

describe('changeMarkers', () => {
  it('one marker per step, sorted, with every change and who made it in the title', () => {
    const log = [change(1, 50, { momentum: [0, 0.9] }, 'Ben'), change(1, 20), change(1, 50, { optimizer: ['sgd', 'adam'] }), change(1, 60, { speed: [5, 0] })];
    expect(changeMarkers(log, lineage(1), 1)).toEqual([
      { step: 20, label: 'lr 0.1→0.03', title: 'step 20: lr 0.1→0.03 (Ada)' },
      { step: 50, label: 'momentum 0→0.9, optimizer adam', title: 'step 50: momentum 0→0.9 (Ben); optimizer adam (Ada)' },
    ]);
  });
});
