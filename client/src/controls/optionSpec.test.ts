import { describe, expect, it } from 'vitest';
import type { LessonOption } from '@gradcast/shared';
import { optionNumberSpec, isShown } from './optionSpec.ts';
import { sliderScale } from './sliderScale.ts';

describe('optionNumberSpec', () => {
  it('keeps a stated range and integer steps', () => {
    const s = optionNumberSpec({ name: 'stride', label: 'Stride', kind: 'integer', min: 1, max: 4, step: 1, default: 1 });
    expect(s).toEqual({ label: 'Stride', help: '', min: 1, max: 4, step: 1, log: false });
    expect(sliderScale(s).toValue(2.4)).toBe(2);
  });
  it('gives integers whole steps even without one', () => {
    expect(optionNumberSpec({ name: 'k', label: 'k', kind: 'integer', min: 0, max: 3, default: 0 }).step).toBe(1);
  });
  it('makes up a range around the default when none is given', () => {
    const s = optionNumberSpec({ name: 't', label: 'Temperature', kind: 'number', default: 2, help: 'softmax T' });
    expect([s.min, s.max, s.step, s.help]).toEqual([0, 20, 0.2, 'softmax T']);
  });
});

describe('isShown (LessonOption.shownWhen)', () => {
  const cell: LessonOption = { name: 'k0', label: 'k0', kind: 'number', default: 1, shownWhen: { control: 'kernel', equals: ['custom 3×3'] } };
  it('shows a control without shownWhen always, and one with it only while the named control has one of its values', () => {
    expect(isShown({ name: 'x', label: 'x', kind: 'number', default: 0 }, {})).toBe(true);
    expect(isShown(cell, { kernel: 'custom 3×3' })).toBe(true);
    expect(isShown(cell, { kernel: 'Sobel-x' })).toBe(false);
    expect(isShown(cell, {})).toBe(false);
  });
});
