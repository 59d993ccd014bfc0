/**
 * A loss grid over a plane, as a frame carries it: the exact `surface` of a two-parameter lesson (over w, b) and a
 * `landscape` slice of a larger network (over α, β) share this form, so one reader serves both and the scene draws
 * both with the same code.
 *
 * `z` has dims [ny, nx] (row-major, row j = y index) sampled on a linspace grid that includes both ends:
 * x_i = xMin + i·(xMax − xMin)/(nx − 1), y_j likewise; NaN where the loss is not finite (q16's non-finite level).
 */
import type { Frame } from '@gradcast/shared';

export interface PlaneGrid {
  nx: number;
  ny: number;
  /** Loss values, [ny, nx] row-major; NaN where the loss is not finite. */
  z: ArrayLike<number>;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  xLabel: string;
  yLabel: string;
}

/** A finite number of the frame's meta, or `fallback`. */
export function metaNumber(meta: Frame['meta'], key: string, fallback: number): number {
  const v = meta[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A string of the frame's meta, or `fallback`. */
export function metaString(meta: Frame['meta'], key: string, fallback: string): string {
  const v = meta[key];
  return typeof v === 'string' ? v : fallback;
}

/** Reads a frame's `z` grid; null when it has no usable 2-D `z` (fewer than 2×2 points or a range of zero width). */
export function readPlaneGrid(frame: Frame): PlaneGrid | null {
  const z = frame.fields['z'];
  if (!z || z.dims.length !== 2) return null;
  const [ny, nx] = z.dims as [number, number];
  if (nx < 2 || ny < 2 || z.data.length !== nx * ny) return null;
  const grid: PlaneGrid = {
    nx,
    ny,
    z: z.data,
    xMin: metaNumber(frame.meta, 'xMin', 0),
    xMax: metaNumber(frame.meta, 'xMax', nx - 1),
    yMin: metaNumber(frame.meta, 'yMin', 0),
    yMax: metaNumber(frame.meta, 'yMax', ny - 1),
    xLabel: metaString(frame.meta, 'xLabel', 'w'),
    yLabel: metaString(frame.meta, 'yLabel', 'b'),
  };
  if (!(grid.xMax > grid.xMin) || !(grid.yMax > grid.yMin)) return null;
  return grid;
}
