/**
 * The loss-surface grid as the scene reads it (net/planeGrid.ts: z [ny, nx] on linspace axes), and the one mapping
 * from parameter space (w, b, or a landscape's α, β) to world space. World space is z-up:
 * x ∈ [−1, 1] follows the first parameter (w), y ∈ [−1, 1] the second (b), z ∈ [0, HEIGHT] the loss.
 * Each parameter range is stretched to the same square so the bowl reads the same whatever the units.
 */
import type { PlaneGrid } from '../../net/planeGrid.ts';


/** Half the side of the square the grid fills in world units. */
export const WORLD_HALF = 1;
/** World height of the highest (normalised = 1) loss. */
export const HEIGHT = 0.75;

/** The grid the scene draws: a `surface` frame's or a `landscape` slice's (net/planeGrid.ts reads both). */
export type SurfaceGrid = PlaneGrid;

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
