import type { MemberInfo } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { controllersText, optionsLine, settingsLine } from './viewerSummary.ts';

const m = (name: string, canControl: boolean, role: MemberInfo['role'] = 'viewer'): MemberInfo => ({ id: name, name, role, canControl });

describe('settingsLine', () => {
  it('states the lesson’s settings in its order, momentum only while it is used, speed 0 as max', () => {
    const controls = ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'];
    expect(settingsLine(controls, { lr: 0.1, batchSize: 100, optimizer: 'sgd', momentum: 0.9, speed: 0 })).toBe(
      'lr 0.1 · batch size 100 · optimizer sgd · speed max',
    );
    expect(settingsLine(controls, { lr: 0.03162278, batchSize: 100, optimizer: 'momentum', momentum: 0.9, speed: 20 })).toBe(
      'lr 0.03162 · batch size 100 · optimizer momentum · momentum 0.9 · speed 20',
    );
    expect(settingsLine(['batchNorm', 'nonsense'], { batchNorm: true })).toBe('batch norm on');
  });
});

describe('optionsLine', () => {
  it('names a demo’s first inputs, a drawing as drawn or none, and counts the rest', () => {
    const opts = [
      { name: 'stride', label: 'Stride', kind: 'integer', default: 1 },
      { name: 'drawn', label: 'Draw a digit', kind: 'drawing', default: '' },
      { name: 'a', label: 'A', kind: 'number', default: 0 },
    ] as never;
    expect(optionsLine(opts, { stride: 2, drawn: 'AAAA', a: 0.5 }, 2)).toBe('stride 2 · draw a digit: drawn · 1 more');
  });
});

describe('controllersText', () => {
  it('says who controls the run', () => {
    expect(controllersText([m('Ada', true, 'presenter')], true)).toBe('Ada controls the run');
    expect(controllersText([m('Ada', true, 'presenter'), m('Bo', true)], true)).toBe('Ada and Bo control the run');
    expect(controllersText([m('Ada', true), m('Bo', true), m('Cy', true), m('Di', true)], true)).toBe('Ada, Bo and 2 more control the run');
    expect(controllersText([], true)).toBe('Only the presenter can change the run');
    expect(controllersText([m('Ada', true)], false)).toBe('Unlocked: everyone can change the run');
  });
});
