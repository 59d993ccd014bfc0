import { ChangeLog, type Annotation } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { changeMarkers } from './changeMarkers.ts';

const change = (generation: number, step: number, changes: Annotation['changes'] = { lr: [0.1, 0.03] }, name = 'Ada'): Annotation => ({
  generation,
  step,
  kind: 'hp',
  changes,
  by: { name, role: 'presenter' },
  at: 0,
});
/** A change log as the session keeps it: entries added, and each new generation's start (run:status) cutting it. */
const logOf = (...events: (Annotation | { start: number })[]): ChangeLog => {
  const log = new ChangeLog();
  for (const e of events) {
    if ('start' in e) log.restartAt(e.start);
    else log.add(e);
  }
  return log;
};
const steps = (log: ChangeLog): number[] => changeMarkers(log.entries).map((m) => m.step);

describe('which changes the current history shows', () => {
  it('all of the generation joined with, those of older generations included (the server cut its log)', () => {
    expect(steps(logOf(change(1, 5), change(3, 30), change(3, 60)))).toEqual([5, 30, 60]);
  });

  it('a revert to the checkpoint at step s drops the changes after s', () => {
    expect(steps(logOf(change(1, 10), change(1, 40), change(1, 41), change(1, 90), { start: 40 }))).toEqual([10, 40]);
  });

  it('a rebuild (batch norm on) keeps every earlier change, and its own at the step it happened', () => {
    const log = logOf(change(1, 10), { start: 50 }, change(2, 50, { batchNorm: [false, true] }));
    expect(changeMarkers(log.entries).map((m) => m.label)).toEqual(['lr 0.1→0.03', 'batch norm on']);
  });

  it('a generation starting at step 0 (reset, restarting option) drops them all, through later generations too', () => {
    const log = logOf(change(1, 0), change(1, 10), { start: 0 }, change(2, 3));
    expect(steps(log)).toEqual([3]);
    log.restartAt(20);
    log.add(change(3, 7));
    expect(steps(log)).toEqual([3, 7]);
  });

  it('the smallest start on the way limits an old change', () => {
    const log = logOf(change(1, 30), change(1, 70), { start: 80 }, change(2, 31), { start: 30 });
    expect(steps(log)).toEqual([30]);
  });
});

describe('changeMarkers', () => {
  it('one marker per step, sorted, with every change and who made it in the title', () => {
    const log = [change(1, 50, { momentum: [0, 0.9] }, 'Ben'), change(1, 20), change(1, 50, { optimizer: ['sgd', 'adam'] }), change(1, 60, { speed: [5, 0] })];
    expect(changeMarkers(log)).toEqual([
      { step: 20, label: 'lr 0.1→0.03', title: 'step 20: lr 0.1→0.03 (Ada)' },
      { step: 50, label: 'momentum 0→0.9, optimizer adam', title: 'step 50: momentum 0→0.9 (Ben); optimizer adam (Ada)' },
    ]);
  });
});
