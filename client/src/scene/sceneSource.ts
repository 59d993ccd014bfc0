/**
 * What the surface views (LossSurface, ContourMap) draw, from either source: an exact `surface` frame with the
 * runs' optimizer paths (a two-parameter lesson), or a `landscape` slice with its own projected path and a
 * comparison's other runs' points on the same plane (a larger network). One place decides, so the 3-D view and the
 * contour map always show the same grid, heights and paths. Each run keeps the colour the charts give it
 * (charts/palette.ts: the run's index among the comparison's runs).
 *
 * Each piece is its own function so a view can derive them apart: the grid and height scale change only with
 * their frame (a new mesh is costly), the paths 30 times a second on a surface lesson.
 */
import type { Frame } from '@gradcast/shared';
import type { Landscape } from '../net/landscape.ts';
import { runColor, SINGLE_PATH_COLOR } from '../charts/palette.ts';
import { makeHeightScale, type HeightScale } from './geometry/heightScale.ts';
import type { RunPath } from './geometry/pathLine.ts';
import { readPlaneGrid } from '../net/planeGrid.ts';
import type { SurfaceGrid } from './geometry/surfaceGrid.ts';

/** The grid: the landscape slice when there is one (it is a grid already), else the surface frame's. */
export function sceneGrid(surface: Frame | undefined, landscape: Landscape | null | undefined): SurfaceGrid | null {
  return landscape ?? (surface ? readPlaneGrid(surface) : null);
}

/** Every true loss a landscape draws: its path's and the other runs' points'. */
function pathLosses(l: Landscape): Float32Array {
  if (!l.others.length) return l.path.loss;
  const all = new Float32Array(l.path.loss.length + l.others.reduce((n, o) => n + o.loss.length, 0));
  let at = 0;
  for (const losses of [l.path.loss, ...l.others.map((o) => o.loss)]) {
    all.set(losses, at);
    at += losses.length;
  }
  return all;
}

/**
 * Heights of the grid. A landscape's scale also spans its paths' true losses (points off the plane can lie below
 * or above the whole slice, and must not be clamped onto it), and may be logarithmic (the viewer's option).
 */
export function sceneScale(grid: SurfaceGrid | null, landscape: Landscape | null | undefined, logHeight: boolean): HeightScale | null {
  if (!grid) return null;
  return landscape ? makeHeightScale(grid.z, { log: logHeight, also: pathLosses(landscape) }) : makeHeightScale(grid.z);
}

/** The colour of a landscape's run `index` (null: its own run, unnamed), as the charts draw that run. */
export function landscapeRunColor(l: Pick<Landscape, 'runs' | 'runIndex'>, index: number | null = l.runIndex): string {
  return runColor(index ?? 0, l.runs.length, SINGLE_PATH_COLOR);
}

/** A landscape's projected path as a run the views draw: at its true loss, with the velocity at its newest point. */
export function landscapeRun(l: Landscape, color: string = landscapeRunColor(l)): RunPath {
  return {
    x: l.path.x,
    y: l.path.y,
    loss: l.path.loss,
    color,
    label: l.run ?? '',
    ...(l.runIndex !== null ? { run: l.runIndex } : {}),
    atTrueLoss: true,
    velocity: l.velocity,
  };
}

/** The other runs' points on the plane, each run in its colour, at their true losses. */
export function otherRuns(l: Landscape): RunPath[] {
  return l.others.map((o) => ({ x: o.x, y: o.y, loss: o.loss, color: landscapeRunColor(l, o.index), label: o.run, run: o.index, atTrueLoss: true }));
}

/**
 * The paths drawn: a landscape's other runs, then its own path last (drawn on top), or the runs' paths over the
 * exact surface.
 */
export function scenePaths(landscape: Landscape | null | undefined, paths: RunPath[]): RunPath[] {
  return landscape ? [...otherRuns(landscape), landscapeRun(landscape)] : paths;
}

/**
 * The paths this viewer shows: those of the runs not hidden in a legend (`hidden(index, label)`, the charts'
 * curveView), each run named by its `run` index or, without one, its place in the list (a surface lesson's runs).
 * A single run is always shown (it has no legend to bring it back).
 */
export function shownPaths(paths: RunPath[], hidden: (index: number, label: string) => boolean): RunPath[] {
  if (paths.length < 2 && paths.every((p) => p.run === undefined)) return paths;
  const kept = paths.filter((p, k) => !hidden(p.run ?? k, p.label || `run ${(p.run ?? k) + 1}`));
  return kept.length === paths.length ? paths : kept;
}
