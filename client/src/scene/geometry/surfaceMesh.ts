/**
 * Surface grid → triangle mesh buffers: one vertex per grid point at (worldX(w), worldY(b), HEIGHT·t(z)),
 * coloured by the colormap at the same t (heightScale.ts), so height and colour say the same thing.
 */
import { colorTable, writeColor } from './colormap.ts';
import { normalise, type HeightScale } from './heightScale.ts';
import { columnValue, HEIGHT, rowValue, worldX, worldY, type SurfaceGrid } from './surfaceGrid.ts';

export interface SurfaceMesh {
  /** xyz per vertex, nx·ny·3; vertex k = j·nx + i is grid point (i, j). */
  positions: Float32Array;
  /** sRGB rgb in [0, 1] per vertex (convert to linear before handing to a renderer that expects linear). */
  colors: Float32Array;
  /** Two triangles per grid cell, counter-clockwise seen from +z; cells touching a non-finite loss are left out. */
  indices: Uint32Array;
}

const NAN_GREY = 0.5;

export function surfaceMesh(grid: SurfaceGrid, scale: HeightScale, table: Float32Array = colorTable()): SurfaceMesh {
  const { nx, ny, z } = grid;
  const positions = new Float32Array(nx * ny * 3);
  const colors = new Float32Array(nx * ny * 3);
  for (let j = 0; j < ny; j++) {
    const y = worldY(grid, rowValue(grid, j));
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const v = z[k] as number;
      const finite = Number.isFinite(v);
      const t = normalise(scale, v);
      positions[k * 3] = worldX(grid, columnValue(grid, i));
      positions[k * 3 + 1] = y;
      positions[k * 3 + 2] = finite ? t * HEIGHT : HEIGHT;
      if (finite) writeColor(table, t, colors, k * 3);
      else colors.fill(NAN_GREY, k * 3, k * 3 + 3);
    }
  }
  const tris: number[] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const b = a + 1;
      const c = a + nx;
      const d = c + 1;
      if (![a, b, c, d].every((k) => Number.isFinite(z[k] as number))) continue;
      tris.push(a, b, d, a, d, c);
    }
  }
  return { positions, colors, indices: Uint32Array.from(tris) };
}
