/**
 * The `landscape` channel as the page reads it: a loss slice through the current weights θ of a network with more
 * than two parameters, over the plane θ + α·d₁ + β·d₂ (docs/protocol.md, shared/src/frames.ts).
 *
 * The slice's grid is a PlaneGrid (the exact surface's form, so the scene draws it with the same code); the
 * projected path arrives as interleaved [k, 4] rows (α, β, loss, distance) and is split into one typed array per
 * column once, here: the scene's path code reads x, y and loss arrays as they are. A comparison's other runs'
 * points on the same plane (`others`, [m, 5] rows led by the run's index into meta `runs`) are split the same way,
 * one path per run.
 */
import type { Frame } from '@gradcast/shared';
import { metaNumber, metaString, readPlaneGrid, type PlaneGrid } from './planeGrid.ts';

/** How the plane's directions were chosen (meta.kind). */
export type PlaneKind = 'random' | 'trajectory' | 'runs';
const KINDS: readonly PlaneKind[] = ['random', 'trajectory', 'runs'];

/**
 * A slice is refined coarse to fine, n = 9, 17, then 33 (each frame replacing the last); at this finest one it is
 * complete, and no refinement follows until θ moves.
 */
export const FINEST_RESOLUTION = 33;

/** The recent trajectory projected onto the plane, oldest first: point i is (x[i], y[i]) = (α_i, β_i). */
export interface PlanePath {
  /** α of each point, plane units. */
  x: Float32Array;
  /** β of each point, plane units. */
  y: Float32Array;
  /** The point's true loss, L(θ_i): not the plane's value at (α_i, β_i), since θ_i may lie off the plane. */
  loss: Float32Array;
  /**
   * The point's distance from the plane, in the plane's units (≥ 0). The newest point is the newest weight
   * snapshot: at (0, 0) and distance 0 right after a slice through it, moving away until the next slice.
   */
  distance: Float32Array;
}

/** Another run of a comparison, its recent points projected onto the same plane, oldest first. */
export interface OtherRunPath extends PlanePath {
  /** The run's index into `runs` (0-based: the order of the page's legends and colours). */
  index: number;
  /** Its label (from meta `runs`; "run N" when the frame does not name it). */
  run: string;
}

export interface Landscape extends PlaneGrid {
  generation: number;
  /** Optimizer step of the weights θ the plane goes through. */
  step: number;
  kind: PlaneKind;
  /** n: the grid is n × n (nx = ny = n). */
  resolution: number;
  /** Probe batch size: samples each grid point's loss is averaged over. */
  samples: number;
  /** Share of the trajectory's variance that α and β explain (trajectory planes), else null. */
  explained: [number, number] | null;
  /** The comparison run the slice belongs to (the run whose path is `path`), or null. */
  run: string | null;
  /** Every run's label, in run order (comparisons only; empty for a single run). */
  runs: string[];
  /** Index of `run` in `runs`, or null. */
  runIndex: number | null;
  /** True while the run runs (another slice follows); false on a paused run's slice. */
  live: boolean;
  path: PlanePath;
  /**
   * The other runs' points on this plane, one entry per run that has any, in run order: on a runs plane run b's
   * whole recent path, on the others only the points that lie near the plane.
   */
  others: OtherRunPath[];
  /** The optimizer's update direction at θ in (α, β) units (momentum, RMSprop, Adam), or null. */
  velocity: [number, number] | null;
}

/** An empty path (a frame without `path`): the slice is still worth drawing. */
const NO_PATH = (): PlanePath => ({ x: new Float32Array(0), y: new Float32Array(0), loss: new Float32Array(0), distance: new Float32Array(0) });

/** "0.71|0.18" → [0.71, 0.18]; null when absent or not two numbers. */
function readExplained(meta: Frame['meta']): [number, number] | null {
  const v = meta['explained'];
  if (typeof v !== 'string') return null;
  const parts = v.split('|').map(Number);
  return parts.length === 2 && parts.every(Number.isFinite) ? (parts as [number, number]) : null;
}

/** Splits the [k, 4] rows (α, β, loss, distance) into columns; null when the field is not [k, 4]. */
function readPath(frame: Frame): PlanePath | null {
  const f = frame.fields['path'];
  if (!f) return NO_PATH();
  if (f.dims.length !== 2 || f.dims[1] !== 4 || f.data.length !== (f.dims[0] as number) * 4) return null;
  const k = f.dims[0] as number;
  const path: PlanePath = { x: new Float32Array(k), y: new Float32Array(k), loss: new Float32Array(k), distance: new Float32Array(k) };
  const d = f.data;
  for (let i = 0; i < k; i++) {
    path.x[i] = d[4 * i] as number;
    path.y[i] = d[4 * i + 1] as number;
    path.loss[i] = d[4 * i + 2] as number;
    path.distance[i] = d[4 * i + 3] as number;
  }
  return path;
}

/** "a|b|c" → ['a', 'b', 'c']; empty when absent. */
function readRuns(meta: Frame['meta']): string[] {
  const v = meta['runs'];
  return typeof v === 'string' && v !== '' ? v.split('|') : [];
}

/**
 * Groups the [m, 5] rows (run, α, β, loss, distance) by run, in run order, each run's points in their order
 * (oldest first). A field that is not [m, 5] rows, or names a run that is not a whole number ≥ 0, is ignored.
 */
function readOthers(frame: Frame, runs: readonly string[]): OtherRunPath[] {
  const f = frame.fields['others'];
  if (!f || f.dims.length !== 2 || f.dims[1] !== 5 || f.data.length !== (f.dims[0] as number) * 5) return [];
  const d = f.data;
  const m = f.dims[0] as number;
  const counts = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const run = d[5 * i] as number;
    if (!Number.isInteger(run) || run < 0) return [];
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  const byRun = new Map<number, OtherRunPath>();
  for (const [index, k] of [...counts].sort((a, b) => a[0] - b[0])) {
    const run = runs[index] ?? `run ${index + 1}`;
    byRun.set(index, { index, run, x: new Float32Array(k), y: new Float32Array(k), loss: new Float32Array(k), distance: new Float32Array(k) });
  }
  const filled = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const index = d[5 * i] as number;
    const p = byRun.get(index) as OtherRunPath;
    const j = filled.get(index) ?? 0;
    filled.set(index, j + 1);
    p.x[j] = d[5 * i + 1] as number;
    p.y[j] = d[5 * i + 2] as number;
    p.loss[j] = d[5 * i + 3] as number;
    p.distance[j] = d[5 * i + 4] as number;
  }
  return [...byRun.values()];
}

/** The optimizer's velocity at θ, when the frame has a finite one. */
function readVelocity(frame: Frame): [number, number] | null {
  const v = frame.fields['velocity']?.data;
  if (!v || v.length !== 2) return null;
  const pair: [number, number] = [v[0] as number, v[1] as number];
  return pair.every(Number.isFinite) ? pair : null;
}

/**
 * Reads a landscape frame; null when its grid is unusable, not square, or its path is not [k, 4] rows, so a
 * malformed frame is dropped rather than drawn wrong (a malformed `others` only loses the other runs' points).
 */
export function readLandscape(frame: Frame): Landscape | null {
  if (frame.channel !== 'landscape') return null;
  const grid = readPlaneGrid(frame);
  const path = readPath(frame);
  if (!grid || !path || grid.nx !== grid.ny) return null;
  const kind = frame.meta['kind'];
  const label = frame.meta['run'];
  const run = typeof label === 'string' && label !== '' ? label : null;
  const runs = readRuns(frame.meta);
  const runIndex = run === null ? -1 : runs.indexOf(run);
  return {
    ...grid,
    xLabel: metaString(frame.meta, 'xLabel', 'α'),
    yLabel: metaString(frame.meta, 'yLabel', 'β'),
    generation: frame.generation,
    step: frame.step,
    kind: KINDS.includes(kind as PlaneKind) ? (kind as PlaneKind) : 'random',
    resolution: grid.nx,
    samples: metaNumber(frame.meta, 'samples', 0),
    explained: readExplained(frame.meta),
    run,
    runs,
    runIndex: runIndex >= 0 ? runIndex : null,
    live: frame.meta['live'] === true,
    path,
    others: readOthers(frame, runs),
    velocity: readVelocity(frame),
  };
}
