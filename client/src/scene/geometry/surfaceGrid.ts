/**
 * The loss-surface grid as the scene reads it, and the one mapping from parameter space (w, b) to world space.
 *
 * A `surface` frame holds `z` with dims [ny, nx] (row-major, row j = y index) sampled on a linspace grid that
 * includes both ends: x_i = xMin + i·(xMax − xMin)/(nx − 1), y_j likewise. World space is z-up:
 * x ∈ [−1, 1] follows the first parameter (w), y ∈ [−1, 1] the second (b), z ∈ [0, HEIGHT] the loss.
 * Each parameter range is stretched to the same square so the bowl reads the same whatever the units.
 */
import type { Frame } from '@gradcast/shared';

/** Half the side of the square the grid fills in world units. */
export const WORLD_HALF = 1;
/** World height of the highest (normalised = 1) loss. */
export const HEIGHT = 0.75;

export interface SurfaceGrid {
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

function num(meta: Frame['meta'], key: string, fallback: number): number {
  const v = meta[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Reads a surface frame; null when it has no usable 2-D `z` field (fewer than 2×2 points or ranges of zero width). */
export function readSurface(frame: Frame): SurfaceGrid | null {
  const z = frame.fields['z'];
  if (!z || z.dims.length !== 2) return null;
  const [ny, nx] = z.dims as [number, number];
  if (nx < 2 || ny < 2 || z.data.length !== nx * ny) return null;
  const grid: SurfaceGrid = {
    nx,
    ny,
    z: z.data,
    xMin: num(frame.meta, 'xMin', 0),
    xMax: num(frame.meta, 'xMax', nx - 1),
    yMin: num(frame.meta, 'yMin', 0),
    yMax: num(frame.meta, 'yMax', ny - 1),
    xLabel: typeof frame.meta['xLabel'] === 'string' ? frame.meta['xLabel'] : 'w',
    yLabel: typeof frame.meta['yLabel'] === 'string' ? frame.meta['yLabel'] : 'b',
  };
  if (!(grid.xMax > grid.xMin) || !(grid.yMax > grid.yMin)) return null;
  return grid;
}

/** World x of a first-parameter value (unclamped). */
export function worldX(grid: SurfaceGrid, w: number): number {
  return ((w - grid.xMin) / (grid.xMax - grid.xMin)) * 2 * WORLD_HALF - WORLD_HALF;
}
/** World y of a second-parameter value (unclamped). */
export function worldY(grid: SurfaceGrid, b: number): number {
  return ((b - grid.yMin) / (grid.yMax - grid.yMin)) * 2 * WORLD_HALF - WORLD_HALF;
}
/** First-parameter value at a fractional column index i ∈ [0, nx − 1]. */
export function columnValue(grid: SurfaceGrid, i: number): number {
  return grid.xMin + (i / (grid.nx - 1)) * (grid.xMax - grid.xMin);
}
/** Second-parameter value at a fractional row index j ∈ [0, ny − 1]. */
export function rowValue(grid: SurfaceGrid, j: number): number {
  return grid.yMin + (j / (grid.ny - 1)) * (grid.yMax - grid.yMin);
}
