import type { LessonOption } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { changeText, changesText, markerTitle } from './markerLabel.ts';

const controls: LessonOption[] = [
  { name: 'lrSchedule', label: 'lr decay', kind: 'enum', default: 'constant', options: ['constant', 'exponential'], hot: true },
  { name: 'stopAfterEpochs', label: 'Pause after epoch', kind: 'integer', default: 0, hot: true },
];

describe('changeText', () => {
  it('numbers show old→new, switches on/off, choices the new value', () => {
    expect(changeText('lr', [0.1, 0.03])).toBe('lr 0.1→0.03');
    expect(changeText('momentum', [0, 0.9])).toBe('momentum 0→0.9');
    expect(changeText('batchNorm', [false, true])).toBe('batch norm on');
    expect(changeText('batchNorm', [true, false])).toBe('batch norm off');
    expect(changeText('optimizer', ['sgd', 'adam'])).toBe('optimizer adam');
    expect(changeText('weightDecay', [0, 0.0001])).toBe('weight decay 0→0.0001');
  });

  it('rounds numbers to four significant digits, as the controls show them', () => {
    expect(changeText('lr', [0.1, 0.031622776])).toBe('lr 0.1→0.03162');
  });

  it('names lesson options by their control label, lower-cased; unknown names as they are', () => {
    expect(changeText('lrSchedule', ['constant', 'exponential'], controls)).toBe('lr decay exponential');
    expect(changeText('stopAfterEpochs', [0, 3], controls)).toBe('pause after epoch 0→3');
    expect(changeText('mystery', [1, 2])).toBe('mystery 1→2');
  });
});

it('changesText joins the changes made at once', () => {
  expect(changesText({ lr: [0.1, 0.03], momentum: [0, 0.9] })).toBe('lr 0.1→0.03, momentum 0→0.9');
});

it('markerTitle says the step, each change and who made it, naming each member once per run of changes', () => {
  expect(markerTitle(120, [{ text: 'lr 0.1→0.03', by: 'Ada' }, { text: 'batch norm on', by: 'Ben' }])).toBe(
    'step 120: lr 0.1→0.03 (Ada); batch norm on (Ben)',
  );
  expect(markerTitle(42, [{ text: 'lr 0.05→0.2', by: 'Ada' }, { text: 'lr decay exponential', by: 'Ada' }])).toBe(
    'step 42: lr 0.05→0.2, lr decay exponential (Ada)',
  );
});

it('changeText names a drawing instead of writing its bytes out, wherever a change is shown', () => {
  const controls = [{ name: 'drawn', label: 'Draw a digit', kind: 'drawing', default: '' }] as never;
  expect(changeText('drawn', ['', 'AP+A+w=='], controls)).toBe('draw a digit drawing');
  expect(changeText('drawn', ['AP+A+w==', ''], controls)).toBe('draw a digit empty');
});
