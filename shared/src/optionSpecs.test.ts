import { describe, expect, expectTypeOf, it } from 'vitest';
import { bool, choice, drawing, int, layers, num, type OptionsOf } from './optionSpecs.ts';

const LIMITS = { input: 2, output: 3, minHidden: 1, maxHidden: 2, minUnits: 1, maxUnits: 8 };
const CELLS = [0, 1] as const;
const specs = [
  num('noise', { label: 'noise', default: 0.1, min: 0, max: 3, step: 0.05, help: 'σ of ε' }),
  int('hidden', { label: 'hidden units', default: 2, min: 1, max: 8, step: 1 }),
  bool('shuffle', { label: 'shuffle', default: true }),
  choice('loss', ['bce', 'mse'], { label: 'loss', default: 'bce', hot: true }),
  drawing('drawn', { label: 'draw', default: '', width: 2, height: 2 }),
  layers('net', { label: 'layers', default: '2-4-3', layers: LIMITS, options: ['2-4-3'] }),
  ...CELLS.map((i) => num(`k${i}`, { label: `cell ${i}`, default: i, min: -1, max: 1, step: 0.5 })),
];

describe('option spec builders', () => {
  it('build plain LessonOption objects: name, label and kind first, then the fields in the order given', () => {
    expect(specs[0]).toEqual({ name: 'noise', label: 'noise', kind: 'number', default: 0.1, min: 0, max: 3, step: 0.05, help: 'σ of ε' });
    expect(Object.keys(specs[0]!)).toEqual(['name', 'label', 'kind', 'default', 'min', 'max', 'step', 'help']);
    expect(specs[3]).toEqual({ name: 'loss', label: 'loss', kind: 'enum', options: ['bce', 'mse'], default: 'bce', hot: true });
    expect(specs[5]).toMatchObject({ kind: 'layers', layers: LIMITS, options: ['2-4-3'] });
    expect(specs.map((s) => s.name)).toEqual(['noise', 'hidden', 'shuffle', 'loss', 'drawn', 'net', 'k0', 'k1']);
  });

  it('a choice copies its values (the spec owns its list)', () => {
    const values = ['a', 'b'];
    const c = choice('x', values, { label: 'x', default: 'a' });
    values.push('c');
    expect(c.options).toEqual(['a', 'b']);
  });

  it('OptionsOf types every option by name: numbers, booleans, a choice’s values, strings', () => {
    type V = OptionsOf<typeof specs>;
    expectTypeOf<V['noise']>().toEqualTypeOf<number>();
    expectTypeOf<V['hidden']>().toEqualTypeOf<number>();
    expectTypeOf<V['shuffle']>().toEqualTypeOf<boolean>();
    expectTypeOf<V['loss']>().toEqualTypeOf<'bce' | 'mse'>();
    expectTypeOf<V['drawn']>().toEqualTypeOf<string>();
    expectTypeOf<V['net']>().toEqualTypeOf<string>();
    expectTypeOf<V['k0']>().toEqualTypeOf<number>();
    expectTypeOf<V>().not.toHaveProperty('other');
    // @ts-expect-error a choice's default is one of its values
    choice('x', ['a', 'b'], { label: 'x', default: 'c' });
  });
});
