/**
 * The parameter box a surface view shows: the surface's grid, grown to keep the optimizer's path in view. The
 * exact surface is computed once per generation over a fixed window (ch05-02's w ∈ [−15, 15]), but a run can leave
 * it: on separable data cross-entropy drives w without bound (ch05-02 reaches w ≈ 60 after 40,000 steps). Rather
 * than pin such a path to the window's edge, the view's box widens on that side and the path is drawn where it
 * is, beyond the mesh, at its own loss.
 *
 * The box grows in steps of a quarter of the grid's span (plus a margin), so it does not change with every frame
 * while the path creeps on, and it never shrinks while the grid stays the same (a path that came back keeps the
 * view it had), so the view holds still. It grows by at most MAX_GROW spans on a side: a diverging run heads for
 * 1e30, and the mesh must not shrink to a dot to follow it (points past the box are pinned to its edge).
 */

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Share of the grid's span the box grows by at a time. */
export const GROW_STEP = 0.25;
/** Room left between the outermost path point and the box's edge, as a share of the grid's span. */
export const GROW_MARGIN = 0.05;
/** Most the box grows on one side, in spans of the grid (so the mesh keeps at least 1/7 of the view's width). */
export const MAX_GROW = 3;

/** The finite extent of the points of `paths`; null when there is none. */
export function pathsExtent(paths: readonly { x: ArrayLike<number>; y: ArrayLike<number> }[]): Box | null {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const p of paths) {
    const n = Math.min(p.x.length, p.y.length);
    for (let i = 0; i < n; i++) {
      const x = p.x[i] as number;
      const y = p.y[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  return xMin <= xMax ? { xMin, xMax, yMin, yMax } : null;
}

/** One side's bound: the grid's, moved out in whole steps until it holds `need` (with the margin). */
function grow(edge: number, need: number, span: number, dir: -1 | 1): number {
  const over = (need - edge) * dir + GROW_MARGIN * span;
  if (need * dir <= edge * dir) return edge;
  return edge + dir * Math.min(MAX_GROW, Math.ceil(over / (GROW_STEP * span)) * GROW_STEP) * span;
}

/**
 * The box to show: `grid` grown (in GROW_STEP steps) to hold `paths`, and never smaller than `previous` when that
 * was made for the same grid (it holds the grid).
 */
export function viewBox(grid: Box, paths: readonly { x: ArrayLike<number>; y: ArrayLike<number> }[], previous: Box | null = null): Box {
  const spanX = grid.xMax - grid.xMin;
  const spanY = grid.yMax - grid.yMin;
  const e = pathsExtent(paths);
  const box: Box = e
    ? {
        xMin: grow(grid.xMin, e.xMin, spanX, -1),
        xMax: grow(grid.xMax, e.xMax, spanX, 1),
        yMin: grow(grid.yMin, e.yMin, spanY, -1),
        yMax: grow(grid.yMax, e.yMax, spanY, 1),
      }
    : { ...grid };
  if (previous && contains(previous, grid)) {
    box.xMin = Math.min(box.xMin, previous.xMin);
    box.xMax = Math.max(box.xMax, previous.xMax);
    box.yMin = Math.min(box.yMin, previous.yMin);
    box.yMax = Math.max(box.yMax, previous.yMax);
  }
  return box;
}

/** Whether `outer` holds `inner`. */
export function contains(outer: Box, inner: Box): boolean {
  return outer.xMin <= inner.xMin && outer.xMax >= inner.xMax && outer.yMin <= inner.yMin && outer.yMax >= inner.yMax;
}

/** Whether two boxes are the same. */
export function sameBox(a: Box | null, b: Box | null): boolean {
  return !!a && !!b && a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax;
}

/**
 * The box a view shows, kept from frame to frame (the 3-D surface and the contour map each hold one): an exact
 * surface's grid grown to hold its paths, the same object while it still holds them, so the view holds still; a
 * landscape's slice as the server chose it (its paths are pinned to it instead). `grown`: beyond the grid.
 */
export class KeptBox {
  private last: Box | null = null;

  next(grid: Box, paths: readonly { x: ArrayLike<number>; y: ArrayLike<number> }[], landscape: boolean): { box: Box; grown: boolean } {
    const next = viewBox(grid, landscape ? [] : paths, landscape ? null : this.last);
    if (!sameBox(next, this.last)) this.last = next;
    const box = this.last as Box;
    return { box, grown: !contains(grid, box) };
  }
}
