/**
 * Height of the rendered surface mesh at any (w, b): the same piecewise-linear interpolation the GPU draws.
 * surfaceMesh.ts splits cell (i, j) along its diagonal (i, j)–(i + 1, j + 1) into triangles (a, b, d) and
 * (a, d, c); here we interpolate within the triangle that holds the point. Between grid points this is not
 * the true loss (the mesh interpolates compressed heights), which is why the path follows it instead.
 */
import { normalise, type HeightScale } from './heightScale.ts';
import { HEIGHT, type SurfaceGrid } from './surfaceGrid.ts';

/** World height of the mesh above (w, b), clamped to the grid; NaN where a corner of the cell is not finite. */
export function meshHeight(grid: SurfaceGrid, scale: HeightScale, w: number, b: number): number {
  const { nx, ny, z } = grid;
  const gx = clamp(((w - grid.xMin) / (grid.xMax - grid.xMin)) * (nx - 1), 0, nx - 1);
  const gy = clamp(((b - grid.yMin) / (grid.yMax - grid.yMin)) * (ny - 1), 0, ny - 1);
  const i = Math.min(Math.floor(gx), nx - 2);
  const j = Math.min(Math.floor(gy), ny - 2);
  const fx = gx - i;
  const fy = gy - j;
  const h = (k: number): number => {
    const v = z[k] as number;
    return Number.isFinite(v) ? normalise(scale, v) * HEIGHT : NaN;
  };
  const a = j * nx + i;
  const ha = h(a);
  const hd = h(a + nx + 1);
  return fx >= fy ? ha + fx * (h(a + 1) - ha) + fy * (hd - h(a + 1)) : ha + fy * (h(a + nx) - ha) + fx * (hd - h(a + nx));
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
