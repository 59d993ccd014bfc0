/** The rows of a row-major [n, width] array whose values are all finite (points, segments, markers). */
export function finiteRows(data: ArrayLike<number>, width: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k + width <= data.length; k += width) {
    const row = Array.from({ length: width }, (_, c) => data[k + c] as number);
    if (row.every(Number.isFinite)) out.push(row);
  }
  return out;
}
