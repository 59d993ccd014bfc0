/**
 * What the surface views (LossSurface, ContourMap) draw, from either source: an exact `surface` frame with the
 * runs' optimizer paths (a two-parameter lesson), or a `landscape` slice with its own projected path (a larger
 * network). One place decides, so the 3-D view and the contour map always show the same grid, heights and path.
 *
 * Each piece is its own function so a view can derive them apart: the grid and height scale change only with
 * their frame (a new mesh is costly), the paths 30 times a second on a surface lesson.
 */
import type { Frame } from '@gradcast/shared';
import type { Landscape } from '../net/landscape.ts';
import { SINGLE_PATH_COLOR } from '../charts/palette.ts';
import { makeHeightScale, type HeightScale } from './geometry/heightScale.ts';
import type { RunPath } from './geometry/pathLine.ts';
import { readPlaneGrid } from '../net/planeGrid.ts';
import type { SurfaceGrid } from './geometry/surfaceGrid.ts';

/** The grid: the landscape slice when there is one (it is a grid already), else the surface frame's. */
export function sceneGrid(surface: Frame | undefined, landscape: Landscape | null | undefined): SurfaceGrid | null {
  return landscape ?? (surface ? readPlaneGrid(surface) : null);
}

/**
 * Heights of the grid. A landscape's scale also spans its path's true losses (points off the plane can lie below
 * or above the whole slice, and must not be clamped onto it), and may be logarithmic (the viewer's option).
 */
export function sceneScale(grid: SurfaceGrid | null, landscape: Landscape | null | undefined, logHeight: boolean): HeightScale | null {
  if (!grid) return null;
  return landscape ? makeHeightScale(grid.z, { log: logHeight, also: landscape.path.loss }) : makeHeightScale(grid.z);
}

/** A landscape's projected path as a run the views draw: at its true loss, with the velocity at its newest point. */
export function landscapeRun(l: Landscape, color: string = SINGLE_PATH_COLOR): RunPath {
  return { x: l.path.x, y: l.path.y, loss: l.path.loss, color, label: l.run ?? '', atTrueLoss: true, velocity: l.velocity };
}

/** The paths drawn: the landscape's own, or the runs' paths over the exact surface. */
export function scenePaths(landscape: Landscape | null | undefined, paths: RunPath[]): RunPath[] {
  return landscape ? [landscapeRun(landscape)] : paths;
}
