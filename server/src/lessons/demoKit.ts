/**
 * Small helpers shared by the demo lessons (ch01-01 … ch09-03): turning tensors and plain rows into the typed
 * `Field`s a `panels` frame carries, reading them back (tests), and writing numbers into text panels.
 * Every field is float32: the arrays are tiny, and one dtype keeps the client's reading simple.
 */
import { field, type Field } from '@gradcast/shared';
import type { Tensor } from '@tensorflow/tfjs-core';

/**
 * A tensor's values as a field, copied out of the backend (the demo's scope disposes the tensor afterwards).
 * `dims` defaults to the tensor's shape; a scalar becomes [1, 1] so a grid panel can draw it.
 */
export function tensorField(t: Tensor, dims?: number[]): Field {
  const data = Float32Array.from(t.dataSync() as ArrayLike<number>);
  return field('f32', data, dims ?? (t.rank === 0 ? [1, 1] : [...t.shape]));
}

/** Row-major rows (all the same length) as a [rows, cols] field, for grid and table panels. */
export function rowsField(rows: readonly (readonly number[])[]): Field {
  const cols = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== cols)) throw new RangeError('rowsField: rows of different lengths');
  return field('f32', Float32Array.from(rows.flat()), [rows.length, cols]);
}

/** A 1-D list of values as a [n] field (series x and y). */
export function valuesField(values: ArrayLike<number>): Field {
  return field('f32', Float32Array.from(values), [values.length]);
}

/** A [rows, cols] field back as rows of numbers (a 1-D field is one row); for tests and text panels. */
export function fieldRows(f: Field): number[][] {
  const dims = f.dims.length ? f.dims : [f.data.length];
  const rows = dims.length === 1 ? 1 : (dims[0] as number);
  const cols = dims.length === 1 ? (dims[0] as number) : dims.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: rows }, (_, r) => Array.from(f.data.slice(r * cols, (r + 1) * cols) as ArrayLike<number>));
}

// The views' number format, shared with probe/views (plane titles).
export { fmt, fmtList } from '../probe/views/format.ts';

/** Evenly spaced values from a to b inclusive (numpy/torch linspace), as float64 numbers. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/**
 * The output cell (i, j) of window position `asked` over an out × out output (row-major), wrapping past the last
 * cell so ▶ keeps cycling; `at` is the position after wrapping.
 */
function windowCell(asked: number, out: number): { at: number; i: number; j: number } {
  const at = out > 0 ? asked % (out * out) : 0;
  return { at, i: Math.floor(at / Math.max(1, out)), j: at % Math.max(1, out) };
}

/**
 * A sliding k × k window at position `asked` (windowCell) over a side × side input, at `stride`, for an out × out
 * output (out > 0): the input cells it covers as flat indices, row by row (`cells`), the 0/1 masks of those
 * cells and of its output cell (a grid panel's outline, `y2`), and the "wraps" note when `asked` went past the
 * last cell.
 */
export function windowMasks(asked: number, out: number, side: number, k: number, stride: number) {
  const { at, i, j } = windowCell(asked, out);
  const cells: number[] = [];
  const input = new Float32Array(side * side);
  for (let r = i * stride; r < i * stride + k; r++) {
    for (let c = j * stride; c < j * stride + k; c++) {
      cells.push(r * side + c);
      input[r * side + c] = 1;
    }
  }
  const output = new Float32Array(out * out);
  output[at] = 1;
  const wraps = asked > at ? ` (window position ${asked} wraps to cell ${at} of ${out * out})` : '';
  return { at, i, j, cells, input, output, wraps };
}
