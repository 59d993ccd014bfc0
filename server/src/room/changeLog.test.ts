import type { Annotation, DemoControl } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { ChangeLog, trainingOptionChanges } from './changeLog.ts';

const at = (step: number, generation = 1): Annotation => ({
  step,
  generation,
  by: { name: 'Ada', role: 'presenter' },
  changes: { lr: [0.1, 0.03] },
  at: 0,
});

describe('ChangeLog', () => {
  it('keeps the newest entries up to its bound', () => {
    const log = new ChangeLog(3);
    for (const s of [1, 2, 3, 4, 5]) log.add(at(s));
    expect(log.entries.map((a) => a.step)).toEqual([3, 4, 5]);
  });

  it('a generation starting at step s keeps the changes up to s (revert, rebuild), and drops the later ones', () => {
    const log = new ChangeLog();
    for (const s of [0, 10, 40, 41, 90]) log.add(at(s));
    log.restartAt(40);
    expect(log.entries.map((a) => a.step)).toEqual([0, 10, 40]);
  });

  it('a generation starting at step 0 (reset, restarting option) empties it', () => {
    const log = new ChangeLog();
    for (const s of [0, 10]) log.add(at(s));
    log.restartAt(0);
    expect(log.entries).toEqual([]);
  });
});

describe('trainingOptionChanges', () => {
  const controls: DemoControl[] = [
    { name: 'lrSchedule', label: 'lr decay', kind: 'enum', default: 'constant', options: ['constant', 'exponential'], hot: true },
    { name: 'stopAfterEpochs', label: 'pause after epoch', kind: 'integer', default: 0, hot: true },
    { name: 'sample', label: 'test image', kind: 'integer', default: 0, hot: true },
    { name: 'drawn', label: 'draw a digit', kind: 'drawing', default: '', width: 2, height: 2, hot: true },
    { name: 'hidden', label: 'hidden units', kind: 'integer', default: 8 },
  ];

  it('keeps hot options that shape the training', () => {
    expect(trainingOptionChanges({ lrSchedule: ['constant', 'exponential'], stopAfterEpochs: [0, 3] }, controls)).toEqual({
      lrSchedule: ['constant', 'exponential'],
      stopAfterEpochs: [0, 3],
    });
  });

  it('leaves out what only a view shows', () => {
    expect(trainingOptionChanges({ sample: [0, 7], drawn: ['', 'AAAA'] }, controls)).toEqual({});
  });

  it('marks nothing when a change restarted the run (or names an unknown option)', () => {
    expect(trainingOptionChanges({ lrSchedule: ['constant', 'exponential'], hidden: [8, 16] }, controls)).toEqual({});
    expect(trainingOptionChanges({ bogus: [1, 2] }, controls)).toEqual({});
  });
});
