/**
 * A lesson's shown controls in the order the controls column draws them, with the cells of a matrix of controls
 * (LessonOption.matrix, shared/src/lessons.ts) gathered into one entry where its first cell would be: a kernel's
 * nine weights become one 3×3 block of number boxes instead of nine sliders. A control whose `matrix` is unusable
 * (not a number or integer control, a shape that is not whole and positive, an index outside it or one an earlier
 * cell took, a shape unlike its matrix's first cell) is drawn on its own, as without `matrix`.
 */
import type { LessonOption } from '@gradcast/shared';
import { optionNumberSpec } from './optionSpec.ts';
import { sliderScale } from './sliderScale.ts';

export interface ControlMatrix {
  kind: 'matrix';
  name: string;
  rows: number;
  cols: number;
  /** Row-major, rows·cols long; undefined where no shown control fills the cell. */
  cells: Array<LessonOption | undefined>;
}

export type ControlEntry = { kind: 'control'; control: LessonOption } | ControlMatrix;

const whole = (n: unknown, min: number): n is number => Number.isInteger(n) && (n as number) >= min;

/** The shown controls as the column draws them: single controls, and matrices in their first cell's place. */
export function controlEntries(controls: readonly LessonOption[]): ControlEntry[] {
  const entries: ControlEntry[] = [];
  const byName = new Map<string, ControlMatrix>();
  for (const c of controls) {
    const m = c.matrix;
    const usable =
      m !== undefined &&
      (c.kind === 'number' || c.kind === 'integer') &&
      typeof m.name === 'string' &&
      whole(m.rows, 1) &&
      whole(m.cols, 1) &&
      whole(m.index, 0) &&
      m.index < m.rows * m.cols;
    if (!usable) {
      entries.push({ kind: 'control', control: c });
      continue;
    }
    let matrix = byName.get(m.name);
    if (!matrix) {
      matrix = { kind: 'matrix', name: m.name, rows: m.rows, cols: m.cols, cells: new Array<LessonOption | undefined>(m.rows * m.cols).fill(undefined) };
      byName.set(m.name, matrix);
      entries.push(matrix);
    }
    if (matrix.rows !== m.rows || matrix.cols !== m.cols || matrix.cells[m.index]) {
      entries.push({ kind: 'control', control: c });
      continue;
    }
    matrix.cells[m.index] = c;
  }
  return entries;
}

/** A cell's accessible name: the matrix's name and its place, counted from 1 as people say it ("row 1, column 3"). */
export const cellLabel = (matrix: string, index: number, cols: number): string =>
  `${matrix}: row ${Math.floor(index / cols) + 1}, column ${(index % cols) + 1}`;

/**
 * The value a cell sends for what was typed in it: snapped to the control's step and kept within its range, as
 * the slider's number box does (so every member's cell reads what was sent); null for an empty or non-numeric
 * entry, which sends nothing.
 */
export function typedCellValue(typed: number, c: LessonOption): number | null {
  if (!Number.isFinite(typed)) return null;
  const scale = sliderScale(optionNumberSpec(c));
  return scale.toValue(scale.toPosition(typed));
}
