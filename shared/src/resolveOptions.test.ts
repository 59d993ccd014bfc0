import { describe, expect, it } from 'vitest';
import type { OptionValues } from './lessonOption.ts';
import { bool, choice, drawing, int, layers, num } from './optionSpecs.ts';
import { resolveOptions } from './resolveOptions.ts';

const specs = [
  num('noise', { label: 'noise', default: 0.1, min: 0, max: 3, step: 0.05 }),
  int('hidden', { label: 'hidden units', default: 2, min: 1, max: 8, step: 1 }),
  bool('shuffle', { label: 'shuffle', default: true }),
  choice('loss', ['bce', 'mse'], { label: 'loss', default: 'bce' }),
  drawing('drawn', { label: 'draw', default: '', width: 2, height: 2 }),
  layers('net', { label: 'layers', default: '2-4-3', layers: { input: 2, output: 3, minHidden: 1, maxHidden: 2, minUnits: 1, maxUnits: 8 } }),
];

describe('resolveOptions', () => {
  it('fills every missing option with its default', () => {
    expect(resolveOptions(specs, {})).toEqual({ noise: 0.1, hidden: 2, shuffle: true, loss: 'bce', drawn: '', net: '2-4-3' });
  });

  it('keeps valid values as they are', () => {
    const values = { noise: 2.5, hidden: 7, shuffle: false, loss: 'mse', drawn: 'AAAAAA==', net: '2-8-1-3' };
    expect(resolveOptions(specs, { ...values })).toEqual(values);
  });

  it('brings numbers within [min, max], rounds integers, and reads non-finite or mistyped values as the default', () => {
    expect(resolveOptions(specs, { noise: 9, hidden: 300 })).toMatchObject({ noise: 3, hidden: 8 });
    expect(resolveOptions(specs, { noise: -1, hidden: 0 })).toMatchObject({ noise: 0, hidden: 1 });
    expect(resolveOptions(specs, { hidden: 3.6 })).toMatchObject({ hidden: 4 });
    expect(resolveOptions(specs, { noise: Number.NaN, hidden: '5' } as unknown as OptionValues)).toMatchObject({ noise: 0.1, hidden: 2 });
    expect(resolveOptions(specs, { shuffle: 1, loss: 'huber' } as unknown as OptionValues)).toMatchObject({ shuffle: true, loss: 'bce' });
  });

  it('keeps a drawing only of the spec’s size, and a layer list only within its limits, in its one spelling', () => {
    expect(resolveOptions(specs, { drawn: 'AAA=' })).toMatchObject({ drawn: '' }); // 2 bytes, not 4
    expect(resolveOptions(specs, { drawn: 'not base64!' })).toMatchObject({ drawn: '' });
    expect(resolveOptions(specs, { net: '2-9-3' })).toMatchObject({ net: '2-4-3' }); // 9 units > 8
    expect(resolveOptions(specs, { net: 42 })).toMatchObject({ net: '2-4-3' });
  });

  it('works in place on the object it is given (hot options change in it later) and leaves other names alone', () => {
    const live: OptionValues = { hidden: 99, lrSchedule: 'constant' };
    const resolved = resolveOptions(specs, live);
    expect(resolved).toBe(live);
    expect(live).toMatchObject({ hidden: 8, noise: 0.1, lrSchedule: 'constant' });
  });
});
