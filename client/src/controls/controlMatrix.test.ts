import type { LessonOption } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { cellLabel, controlEntries, typedCellValue, type ControlMatrix } from './controlMatrix.ts';

const num = (name: string, matrix?: LessonOption['matrix'], kind: LessonOption['kind'] = 'number'): LessonOption => ({
  name,
  label: name,
  kind,
  default: 0,
  ...(matrix ? { matrix } : {}),
});
const cell = (index: number, name = 'K', rows = 3, cols = 3) => ({ name, rows, cols, index });

describe('controlEntries', () => {
  it('gathers a 3×3 matrix’s cells, row-major, where its first cell stands', () => {
    const controls = [num('image'), ...Array.from({ length: 9 }, (_, i) => num(`k${i}`, cell(i))), num('stride')];
    const e = controlEntries(controls);
    expect(e.map((x) => (x.kind === 'matrix' ? `matrix ${x.name}` : x.control.name))).toEqual(['image', 'matrix K', 'stride']);
    const m = e[1] as ControlMatrix;
    expect([m.rows, m.cols]).toEqual([3, 3]);
    expect(m.cells.map((c) => c?.name)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8']);
  });

  it('places cells by index, whatever order they come in, and leaves missing cells empty', () => {
    const e = controlEntries([num('b', cell(3, 'M', 2, 2)), num('a', cell(0, 'M', 2, 2))]);
    expect(e).toHaveLength(1);
    expect((e[0] as ControlMatrix).cells.map((c) => c?.name)).toEqual(['a', undefined, undefined, 'b']);
  });

  it('keeps two matrices apart by name', () => {
    const e = controlEntries([num('a', cell(0, 'A', 1, 2)), num('b', cell(0, 'B', 1, 2)), num('c', cell(1, 'A', 1, 2))]);
    expect(e.map((x) => (x.kind === 'matrix' ? x.cells.map((c) => c?.name ?? '-').join('') : ''))).toEqual(['ac', 'b-']);
  });

  it('draws a control with an unusable matrix on its own', () => {
    const e = controlEntries([
      num('ok', cell(0, 'M', 2, 2)),
      num('dup', cell(0, 'M', 2, 2)), // index taken
      num('shape', cell(1, 'M', 3, 3)), // another shape under the same name
      num('out', cell(4, 'M', 2, 2)), // outside 2×2
      num('frac', { name: 'N', rows: 1.5, cols: 2, index: 0 }),
      num('bool', cell(0, 'B'), 'boolean'),
    ]);
    expect(e.map((x) => (x.kind === 'matrix' ? `matrix ${x.name}` : x.control.name))).toEqual(['matrix M', 'dup', 'shape', 'out', 'frac', 'bool']);
    expect(controlEntries([num('x')])).toEqual([{ kind: 'control', control: num('x') }]);
  });
});

describe('cellLabel', () => {
  it('counts rows and columns from 1, row-major', () => {
    expect(cellLabel('Kernel', 0, 3)).toBe('Kernel: row 1, column 1');
    expect(cellLabel('Kernel', 5, 3)).toBe('Kernel: row 2, column 3');
    expect(cellLabel('Kernel', 8, 3)).toBe('Kernel: row 3, column 3');
  });
});

describe('typedCellValue', () => {
  const k: LessonOption = { name: 'k0', label: 'k0', kind: 'number', default: 1, min: -10, max: 10, step: 0.5 };
  it('snaps to the step and keeps to the range, as the slider’s number box does', () => {
    expect(typedCellValue(2, k)).toBe(2);
    expect(typedCellValue(-1.6, k)).toBe(-1.5);
    expect(typedCellValue(3.3, k)).toBe(3.5);
    expect(typedCellValue(99, k)).toBe(10);
    expect(typedCellValue(-99, k)).toBe(-10);
  });
  it('sends nothing for an empty or non-numeric entry (valueAsNumber is NaN)', () => {
    expect(typedCellValue(NaN, k)).toBeNull();
    expect(typedCellValue(Infinity, k)).toBeNull();
  });
});
