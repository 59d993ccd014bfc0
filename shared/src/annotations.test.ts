import { describe, expect, it } from 'vitest';
import { markedChanges } from './annotations.ts';
import type { LessonOption } from './lessons.ts';

describe('markedChanges (the server log and the client markers share it)', () => {
  const controls: LessonOption[] = [
    { name: 'lrSchedule', label: 'lr decay', kind: 'enum', default: 'constant', options: ['constant', 'exponential'], hot: true },
    { name: 'stopAfterEpochs', label: 'pause after epoch', kind: 'integer', default: 0, hot: true },
    { name: 'sample', label: 'test image', kind: 'integer', default: 0, hot: true, viewOnly: true },
    { name: 'drawn', label: 'draw a digit', kind: 'drawing', default: '', width: 2, height: 2, hot: true, viewOnly: true },
    { name: 'hidden', label: 'hidden units', kind: 'integer', default: 8 },
    // An option named like a hyperparameter (ch08-03): not hot, it restarts the run.
    { name: 'dropout', label: 'dropout p (second run)', kind: 'number', default: 0.5 },
  ];

  it('hyperparameters: all but pacing', () => {
    expect(markedChanges({ kind: 'hp', changes: { lr: [1, 2], speed: [5, 10] } }, controls)).toEqual({ lr: [1, 2] });
    expect(markedChanges({ kind: 'hp', changes: { dropout: [0, 0.3] } }, [])).toEqual({ dropout: [0, 0.3] });
  });

  it('options: the hot ones that shape the training, not what only a view shows', () => {
    expect(markedChanges({ kind: 'option', changes: { lrSchedule: ['constant', 'exponential'], stopAfterEpochs: [0, 3] } }, controls)).toEqual({
      lrSchedule: ['constant', 'exponential'],
      stopAfterEpochs: [0, 3],
    });
    expect(markedChanges({ kind: 'option', changes: { sample: [0, 7], drawn: ['', 'AAAA'] } }, controls)).toEqual({});
  });

  it('nothing for an option change that restarted the run, even one named like a hyperparameter, or an unknown one', () => {
    expect(markedChanges({ kind: 'option', changes: { lrSchedule: ['constant', 'exponential'], hidden: [8, 16] } }, controls)).toEqual({});
    expect(markedChanges({ kind: 'option', changes: { dropout: [0.5, 0.3] } }, controls)).toEqual({});
    expect(markedChanges({ kind: 'option', changes: { bogus: [1, 2] } }, controls)).toEqual({});
  });
});
