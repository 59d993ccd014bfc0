/**
 * The scatter panel's data: a [n, 2] field of points and an optional [n] field of class indices, as rows
 * (x, y, class) for drawDots, and the padded extent they span.
 */
import { extentOf, padded } from '../charts/ticks.ts';

/** Rows (x, y, class) of the finite points; class 0 without labels (or when labels is shorter than the points). */
export function scatterRows(points: ArrayLike<number>, labels?: ArrayLike<number>): number[][] {
  const rows: number[][] = [];
  const n = Math.floor(points.length / 2);
  const ok = labels !== undefined && labels.length >= n;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i] as number;
    const y = points[2 * i + 1] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    rows.push([x, y, ok ? (labels[i] as number) : 0]);
  }
  return rows;
}

/** x and y domains holding every row, padded by 5 % (±1 around a single value; [0, 1] with no rows). */
export function scatterDomain(rows: readonly number[][]): { x: [number, number]; y: [number, number] } {
  const x = extentOf(rows.map((r) => r[0] as number)) ?? [0, 1];
  const y = extentOf(rows.map((r) => r[1] as number)) ?? [0, 1];
  return { x: padded(x[0], x[1], 0.05), y: padded(y[0], y[1], 0.05) };
}
