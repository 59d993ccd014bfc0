/**
 * Iso-loss lines of the surface grid, by d3-contour's marching squares.
 *
 * d3-contour places the value of grid point (i, j) at contour coordinate (i + 0.5, j + 0.5) and pads the grid
 * with −∞, so every ring closes along the padding at coordinate 0 or nx (0 or ny). Those padding runs are
 * not iso-lines; we cut them out, which leaves open polylines that end on the grid's edge.
 * Non-finite losses act as −∞ (below every level), so a line also ends where the loss stops being finite.
 */
import { contours } from 'd3-contour';
import { heightOf, lossOfHeight, normalise, type HeightScale } from './heightScale.ts';
import { columnValue, HEIGHT, rowValue, worldX, worldY, type SurfaceGrid } from './surfaceGrid.ts';

export interface ContourLevel {
  /** Loss value of the line. */
  level: number;
  /** Polylines in parameter space, each a flat [w0, b0, w1, b1, …] list of at least two points. */
  lines: number[][];
}

/**
 * `count` loss levels evenly spaced on the compressed scale strictly between the surface's minimum and
 * maximum, so on the log-like surface the lines are evenly spaced in height.
 */
export function contourLevels(scale: HeightScale, count: number): number[] {
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) levels.push(lossOfHeight(scale, scale.lo + ((scale.hi - scale.lo) * k) / (count + 1)));
  // Keep levels inside the range after the round trip through the height mapping and back.
  return levels.filter((v) => heightOf(scale, v) > scale.lo && heightOf(scale, v) < scale.hi);
}

/** Iso-lines of `grid` at each of `levels`, in (w, b) coordinates. */
export function contourLines(grid: SurfaceGrid, levels: readonly number[]): ContourLevel[] {
  const { nx, ny } = grid;
  const values = Array.from(grid.z, (v) => (Number.isFinite(v) ? v : NaN));
  const generator = contours().size([nx, ny]).thresholds(levels as number[]);
  const onPadding = (p: number[]): boolean => {
    const [x, y] = p as [number, number];
    return x <= 0 || x >= nx || y <= 0 || y >= ny;
  };
  return generator(values).map((multi) => {
    const lines: number[][] = [];
    for (const polygon of multi.coordinates) {
      for (const ring of polygon) {
        let line: number[] = [];
        const flush = (): void => {
          if (line.length >= 4) lines.push(line);
          line = [];
        };
        for (const p of ring) {
          if (onPadding(p)) {
            flush();
            continue;
          }
          line.push(columnValue(grid, (p[0] as number) - 0.5), rowValue(grid, (p[1] as number) - 0.5));
        }
        flush();
      }
    }
    return { level: multi.value, lines };
  });
}

/**
 * Line-segment buffer for THREE.LineSegments: each polyline edge as two xyz points, at the height of its
 * level plus `lift` (world units) so the lines are not buried in the surface triangles.
 */
export function contourSegments(
  grid: SurfaceGrid,
  scale: HeightScale,
  levels: readonly ContourLevel[],
  lift = 0.004,
): Float32Array {
  let count = 0;
  for (const { lines } of levels) for (const line of lines) count += line.length / 2 - 1;
  const out = new Float32Array(count * 6);
  let at = 0;
  for (const { level, lines } of levels) {
    const h = normalise(scale, level) * HEIGHT + lift;
    for (const line of lines) {
      for (let k = 0; k + 3 < line.length; k += 2) {
        out[at++] = worldX(grid, line[k] as number);
        out[at++] = worldY(grid, line[k + 1] as number);
        out[at++] = h;
        out[at++] = worldX(grid, line[k + 2] as number);
        out[at++] = worldY(grid, line[k + 3] as number);
        out[at++] = h;
      }
    }
  }
  return out;
}
