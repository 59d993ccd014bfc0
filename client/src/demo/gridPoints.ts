/**
 * Points drawn over a grid panel's heatmap (DemoPanel "grid", its `points` and `extent`), as positions in the
 * grid's own pixels. The field is [n, 3] rows (x, y, value); the extent [xMin, xMax, yMin, yMax] gives the x of
 * the first and last columns' centres and the y of the bottom and top rows' centres (row 0 drawn at the top, at
 * yMax), so a point at a cell's (x, y) sits on that cell's centre and the rest are placed linearly between.
 * The grid is a table of `cell` px square cells `gap` px apart, with a gap around them (CSS border-spacing).
 */

export interface GridDot {
  /** The point's row in the field. */
  index: number;
  x: number;
  y: number;
  value: number;
  /** Centre in the grid's pixels, from its top-left corner. */
  px: number;
  py: number;
}

export interface GridDots {
  /** The grid's size in pixels (cells and gaps). */
  width: number;
  height: number;
  dots: GridDot[];
}

/** Size (px) of `n` cells of side `cell` with a `gap` between and around them. */
export const gridSpan = (n: number, cell: number, gap: number): number => n * cell + (n + 1) * gap;

/**
 * The points placed over a rows × cols grid, or null when they cannot be: no extent (or one of zero or non-finite
 * width or height, unless that axis has one cell), or a field that is not whole (x, y, value) rows. Points with a
 * non-finite coordinate or outside the grid (beyond the outer cells' edges) are left out.
 */
export function gridDots(
  points: ArrayLike<number>,
  extent: readonly number[] | undefined,
  rows: number,
  cols: number,
  cell: number,
  gap = 1,
): GridDots | null {
  if (!extent || extent.length !== 4 || !extent.every(Number.isFinite) || points.length % 3 !== 0) return null;
  const [x0, x1, y0, y1] = extent as [number, number, number, number];
  if ((cols > 1 && x1 === x0) || (rows > 1 && y1 === y0) || rows < 1 || cols < 1) return null;
  // Fractional column (0 … cols − 1) and row (0 at the top … rows − 1) of a data point.
  const colOf = (x: number): number => (cols > 1 ? ((x - x0) / (x1 - x0)) * (cols - 1) : 0);
  const rowOf = (y: number): number => (rows > 1 ? ((y1 - y) / (y1 - y0)) * (rows - 1) : 0);
  const centre = (k: number): number => gap + k * (cell + gap) + cell / 2;
  const dots: GridDot[] = [];
  for (let i = 0; i < points.length / 3; i++) {
    const [x, y, value] = [points[3 * i] as number, points[3 * i + 1] as number, points[3 * i + 2] as number];
    const c = colOf(x);
    const r = rowOf(y);
    if (!Number.isFinite(c) || !Number.isFinite(r) || c < -0.5 || c > cols - 0.5 || r < -0.5 || r > rows - 0.5) continue;
    dots.push({ index: i, x, y, value, px: centre(c), py: centre(r) });
  }
  return { width: gridSpan(cols, cell, gap), height: gridSpan(rows, cell, gap), dots };
}

/** The values of (x, y, value) rows: the third of each, for a colour scale shared with the cells. */
export function dotValues(points: ArrayLike<number>): number[] {
  return Array.from({ length: Math.floor(points.length / 3) }, (_, i) => points[3 * i + 2] as number);
}
