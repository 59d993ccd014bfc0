/**
 * Optimizer trajectory → line on the surface. A run's path (net/RunHistory.ts) holds its points' parameters `x`
 * and `y` (the surface's coordinates) and `loss`, one typed array each; point n − 1 is where the optimizer is now.
 *
 * Iterates sit at the height of their own loss (heightScale.ts), never below the mesh. Segments between
 * iterates are draped over the mesh (meshHeight.ts): a long gradient step is a jump, and a straight 3-D chord
 * between its ends would cut through the log-compressed bowl and vanish inside it. Points that left the
 * plotted grid (a large learning rate overshoots) are clamped to its edge and flagged, unless the view shows
 * more than the grid (`bounds`, viewBox.ts): then they are drawn where they are, beyond the mesh, at their own
 * loss, joined by straight chords where no mesh lies under them, and clamped to the edge of the bounds only.
 *
 * A landscape's path is drawn `atTrueLoss` instead: its points are weights projected onto a plane, most of them
 * off it, so each sits at the height of its own (true) loss, above or below the slice's mesh, and the segments
 * are straight chords between them (a drape would claim the path lies on the plane).
 *
 * The draped points of one path are capped (`maxPoints`): a run that oscillates out of the grid crosses the
 * whole surface at every step, and hundreds of such crossings at half-cell spacing make tens of thousands of
 * fat-line segments, seconds of software rendering per frame. Past the cap, the spacing widens evenly.
 */
import type { PathRun } from '../../net/RunHistory.ts';
import { normalise, type HeightScale } from './heightScale.ts';
import { meshHeight } from './meshHeight.ts';
import { HEIGHT, WORLD_HALF, worldX, worldY, type SurfaceGrid } from './surfaceGrid.ts';
import type { Box } from './viewBox.ts';

/** One run's optimizer path as the views draw it: points (x, y) and their losses, and the run's colour and name. */
export interface RunPath extends PathRun {
  /** CSS colour. */
  color: string;
  /** The variant's name; empty for a single run. */
  label: string;
  /**
   * The run's index among a comparison's runs (its legend entry, for hiding it: charts/runVisibility.ts); absent
   * where the path's place in its list is its index (a surface lesson's paths) or there is one run.
   */
  run?: number;
  /** Points at their own loss, off the mesh where they are (a landscape's projected path); default: draped. */
  atTrueLoss?: boolean;
  /** The optimizer's update direction at the newest point, in (x, y) units, drawn as an arrow there. */
  velocity?: readonly [number, number] | null;
}

export interface PathLineOptions {
  /** World units above the surface, so the line is not buried in it (default 0.015; 0 at true loss). */
  lift?: number;
  /** Largest distance between draped points, in grid cells (widened past `maxPoints`; default 0.5). */
  spacing?: number;
  /** Most draped points between iterates, over the whole path (default 6000). */
  maxPoints?: number;
  /** Each iterate at its own loss, straight chords between them, nothing draped (a landscape's path). */
  atTrueLoss?: boolean;
  /**
   * Where points are pinned to the edge: the grid's range (default), or the view's larger box (viewBox.ts). Points
   * between the two have world x, y beyond ±WORLD_HALF, and the view maps the grid's square into its box.
   */
  bounds?: Box;
}

export interface PathLine {
  /** xyz of the draped polyline through every iterate, for a line object (≥ n points). */
  positions: Float32Array;
  /** xyz of the n iterates themselves. */
  iterates: Float32Array;
  /** xyz of the newest iterate, or null for an empty path. */
  current: [number, number, number] | null;
  /** True when the newest iterate lies outside the plotted (w, b) range or its loss is not finite. */
  currentOutside: boolean;
}

const clampWorld = (v: number): number => (v < -WORLD_HALF ? -WORLD_HALF : v > WORLD_HALF ? WORLD_HALF : v);
const clampTo = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export function pathLine(
  grid: SurfaceGrid,
  scale: HeightScale,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  loss: ArrayLike<number>,
  { atTrueLoss = false, lift = atTrueLoss ? 0 : 0.015, spacing = 0.5, maxPoints = 6000, bounds = grid }: PathLineOptions = {},
): PathLine {
  const n = Math.min(x.length, y.length, loss.length);
  const iterates = new Float32Array(n * 3);
  const draped: number[] = [];
  const cellW = (grid.xMax - grid.xMin) / (grid.nx - 1);
  const cellB = (grid.yMax - grid.yMin) / (grid.ny - 1);
  // Parameter-space points clamped into the bounds (a non-finite one to their far edge), for draping.
  const ws = new Float64Array(n);
  const bs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const rawW = x[k] as number;
    const rawB = y[k] as number;
    ws[k] = clampTo(Number.isFinite(rawW) ? rawW : bounds.xMax, bounds.xMin, bounds.xMax);
    bs[k] = clampTo(Number.isFinite(rawB) ? rawB : bounds.yMax, bounds.yMin, bounds.yMax);
  }
  const onGrid = (w: number, b: number): boolean => w >= grid.xMin && w <= grid.xMax && b >= grid.yMin && b <= grid.yMax;
  // Pieces per segment at the asked spacing; past the cap, every segment gets proportionally fewer.
  const pieces = new Float64Array(n);
  let total = 0;
  for (let k = 1; k < n; k++) {
    const dw = Math.abs((ws[k] as number) - (ws[k - 1] as number)) / cellW;
    const db = Math.abs((bs[k] as number) - (bs[k - 1] as number)) / cellB;
    pieces[k] = atTrueLoss ? 0 : Math.max(dw, db) / spacing;
    total += Math.ceil(pieces[k] as number);
  }
  const thin = Math.max(1, total / maxPoints);
  let prevW = NaN;
  let prevB = NaN;
  let prevZ = NaN;
  let outside = false;
  for (let k = 0; k < n; k++) {
    const rawW = x[k] as number;
    const rawB = y[k] as number;
    const l = loss[k] as number;
    const w = ws[k] as number;
    const b = bs[k] as number;
    outside = !(rawW >= grid.xMin && rawW <= grid.xMax && rawB >= grid.yMin && rawB <= grid.yMax) || !Number.isFinite(l);
    const own = normalise(scale, l) * HEIGHT;
    // No mesh under a point beyond the grid: it sits at its own loss.
    const onMesh = atTrueLoss || !onGrid(w, b) ? NaN : meshHeight(grid, scale, w, b);
    const z = (Number.isFinite(onMesh) ? Math.max(own, onMesh) : own) + lift;
    if (k > 0) {
      // Intermediate points of the segment from the previous iterate, on the mesh.
      const count = Math.ceil((pieces[k] as number) / thin);
      for (let s = 1; s < count; s++) {
        const t = s / count;
        const pw = prevW + (w - prevW) * t;
        const pb = prevB + (b - prevB) * t;
        if (!onGrid(pw, pb)) {
          // Beyond the mesh: the straight chord between the two iterates.
          draped.push(worldX(grid, pw), worldY(grid, pb), prevZ + (z - prevZ) * t);
          continue;
        }
        const h = meshHeight(grid, scale, pw, pb);
        draped.push(worldX(grid, pw), worldY(grid, pb), (Number.isFinite(h) ? h : HEIGHT) + lift);
      }
    }
    // Within the grid's square, or beyond it within the bounds (w and b are clamped to them already).
    const wx = bounds === grid ? clampWorld(worldX(grid, w)) : worldX(grid, w);
    const wy = bounds === grid ? clampWorld(worldY(grid, b)) : worldY(grid, b);
    iterates[k * 3] = wx;
    iterates[k * 3 + 1] = wy;
    iterates[k * 3 + 2] = z;
    draped.push(wx, wy, z);
    prevW = w;
    prevB = b;
    prevZ = z;
  }
  const current: PathLine['current'] =
    n > 0 ? [iterates[(n - 1) * 3] as number, iterates[(n - 1) * 3 + 1] as number, iterates[(n - 1) * 3 + 2] as number] : null;
  return { positions: Float32Array.from(draped), iterates, current, currentOutside: n > 0 && outside };
}
