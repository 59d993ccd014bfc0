/**
 * Rows picked by index out of a row-major set (features x [n·xDim], targets y [n·yDim] or one label per row), as
 * fresh arrays in the order of `indices`: the landscape's probe batch, taken from the set's own order whatever
 * order training reads it in.
 */
export interface RowSet<T extends Float32Array | Int32Array> {
  x: Float32Array;
  xDim: number;
  y: T;
  /** Values of y per row; 1 for labels. */
  yDim?: number;
}

export function gatherRows<T extends Float32Array | Int32Array>(set: RowSet<T>, indices: ArrayLike<number>): { x: Float32Array; y: T } {
  const { xDim } = set;
  const yDim = set.yDim ?? 1;
  const n = set.y.length / yDim;
  const x = new Float32Array(indices.length * xDim);
  const y = new (set.y.constructor as new (length: number) => T)(indices.length * yDim);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i] as number;
    if (!Number.isInteger(r) || r < 0 || r >= n) throw new RangeError(`gatherRows: row ${r} of ${n}`);
    x.set(set.x.subarray(r * xDim, (r + 1) * xDim), i * xDim);
    y.set(set.y.subarray(r * yDim, (r + 1) * yDim), i * yDim);
  }
  return { x, y };
}
