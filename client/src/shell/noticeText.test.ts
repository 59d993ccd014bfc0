import type { MemberInfo } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { changeNotice, madeBy, rightsNotice } from './noticeText.ts';

const you = (canControl: boolean, role: MemberInfo['role'] = 'viewer'): MemberInfo => ({ id: 'x', name: 'Bo', role, canControl });

describe('changeNotice', () => {
  it('names who changed what', () => {
    expect(changeNotice({ by: { name: 'Asha', role: 'viewer' }, changes: { lr: [2, 0.355] } })).toBe('Asha: lr 2→0.355');
    expect(changeNotice({ by: { name: 'Ada', role: 'presenter' }, changes: { batchNorm: [false, true], optimizer: ['sgd', 'adam'] } })).toBe(
      'Ada: batch norm on, optimizer adam',
    );
    expect(changeNotice({ by: { name: 'Ada', role: 'presenter' }, changes: {} })).toBe('');
  });
  it('names a drawing instead of writing its pixels out, and uses option labels', () => {
    const controls = [{ name: 'drawn', label: 'Draw a digit', kind: 'drawing', default: '' }] as never;
    const text = changeNotice({ by: { name: 'Ada', role: 'presenter' }, changes: { drawn: ['', 'AAAAAAAAAAAAAAAAAAAAAAAA'] } }, controls);
    expect(text.startsWith('Ada: draw a digit ')).toBe(true);
    expect(text).not.toContain('AAAAAAAA');
  });
});

describe('madeBy', () => {
  it('is true for one’s own change only', () => {
    expect(madeBy({ by: { name: 'Bo', role: 'viewer' } }, you(true))).toBe(true);
    expect(madeBy({ by: { name: 'Bo', role: 'presenter' } }, you(true))).toBe(false);
    expect(madeBy({ by: { name: 'Bo', role: 'viewer' } }, null)).toBe(false);
  });
});

describe('rightsNotice', () => {
  it('tells a member when control comes or goes, not on the first snapshot or for presenters', () => {
    expect(rightsNotice(you(false), you(true), true)).toBe('The presenter gave you control of the run');
    expect(rightsNotice(you(false), you(true), false)).toBe('The presenter unlocked the room: you can change the run');
    expect(rightsNotice(you(true), you(false), true)).toBe('You no longer control the run: the presenter has it');
    expect(rightsNotice(null, you(true), true)).toBe('');
    expect(rightsNotice(you(true), you(true), true)).toBe('');
    expect(rightsNotice(you(false, 'presenter'), you(true, 'presenter'), true)).toBe('');
  });
});
