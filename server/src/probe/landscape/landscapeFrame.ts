/**
 * The `landscape` frame (shared/src/frames.ts) of a live landscape: the slice on screen, the run's evaluated
 * snapshots projected onto its plane at their true losses (with their distances from it), the other runs' points
 * (the runs plane's second run whole, else those near the plane), and the optimizer's velocity. Projections are
 * cached on the snapshots, one plane at a time.
 */
import { field, type Frame, type Meta } from '@gradcast/shared';
import type { LandscapeSettings } from './landscapeOptions.ts';
import type { ParamArrays } from './paramArrays.ts';
import type { GridPlane } from './planes.ts';
import { type PlanePoint, projectOntoPlane } from './project.ts';
import type { SliceLevel } from './slice.ts';
import type { Snapshot, Trajectory } from './trajectory.ts';

/** A plane made from the weights at one step, and what its slice has shown. */
export interface Made {
  id: number;
  grid: GridPlane;
  settings: LandscapeSettings;
  /** The runs whose weights the plane was made from, and those weights (the follow rule measures from them). */
  anchors: { run: number; values: ParamArrays }[];
  generation: number;
  step: number;
  madeAt: number;
  extent: number;
}

export interface LandscapeFrameInput {
  made: Made;
  /** The latest level of its slice. */
  level: SliceLevel;
  /** Each run's recent snapshots. */
  trajectories: readonly Trajectory[];
  /** Each run's legend label, and whether its optimizer keeps a velocity (momentum, RMSprop, Adam). */
  runs: readonly { label: string; hasVelocity: boolean }[];
  /** The probe batch's size. */
  samples: number;
  /** The run runs (another slice follows). */
  live: boolean;
  /** Other runs' points within this × the plane's extent are drawn (random and trajectory planes). */
  near: number;
}

export function landscapeFrame(input: LandscapeFrameInput): Frame {
  const { made, level, trajectories, runs } = input;
  const { grid, settings } = made;
  const [oa, ob] = grid.offset;
  const path = pathRows(trajectories[settings.run], made, () => true);
  const nearLimit = input.near * made.extent;
  const others = runs.flatMap((_, i) => {
    if (i === settings.run) return [];
    const onPlane = grid.kind === 'runs' && i === settings.runB;
    return pathRows(trajectories[i], made, (p) => onPlane || p.distance <= nearLimit).map((row) => [i, ...row]);
  });
  const meta: Meta = {
    kind: grid.kind,
    xLabel: 'α',
    yLabel: 'β',
    xMin: -level.range + oa,
    xMax: level.range + oa,
    yMin: -level.range + ob,
    yMax: level.range + ob,
    resolution: level.n,
    samples: input.samples,
  };
  if (grid.explained) meta.explained = grid.explained.map((e) => e.toFixed(3)).join('|');
  if (runs.length > 1) {
    meta.run = runs[settings.run]?.label ?? '';
    meta.runs = runs.map((r) => r.label).join('|');
  }
  if (input.live) meta.live = true;
  const fields: Frame['fields'] = {
    z: field('q16', level.values, [level.n, level.n]),
    path: field('f32', Float32Array.from(path.flat()), [path.length, 4]),
  };
  if (others.length) fields.others = field('f32', Float32Array.from(others.flat()), [others.length, 5]);
  const v = runs[settings.run]?.hasVelocity ? velocity(trajectories[settings.run], made) : null;
  if (v) fields.velocity = field('f32', Float32Array.from(v), [2]);
  const newest = trajectories[settings.run]?.newest?.step ?? made.step;
  return { channel: 'landscape', generation: made.generation, step: Math.max(made.step, newest), meta, fields };
}

/** A run's evaluated snapshots on the plane, oldest first: rows (α, β, loss, distance) that `keep` accepts. */
function pathRows(trajectory: Trajectory | undefined, made: Made, keep: (p: PlanePoint) => boolean): number[][] {
  const [oa, ob] = made.grid.offset;
  const rows: number[][] = [];
  for (const s of trajectory?.snapshots ?? []) {
    if (s.loss === null) continue;
    const p = projected(s, made);
    if (!p || !keep(p)) continue;
    rows.push([p.alpha + oa, p.beta + ob, s.loss, p.distance]);
  }
  return rows;
}

/**
 * The optimizer's velocity at θ in plane units: the mean update per step between the last two snapshots, projected
 * onto the plane's directions.
 */
function velocity(trajectory: Trajectory | undefined, made: Made): [number, number] | null {
  const snaps = trajectory?.snapshots ?? [];
  const [prev, last] = [snaps.at(-2), snaps.at(-1)];
  if (!prev || !last || last.step <= prev.step) return null;
  try {
    const p = projectOntoPlane(last.values, { ...made.grid.plane, centre: prev.values });
    const v: [number, number] = [p.alpha / (last.step - prev.step), p.beta / (last.step - prev.step)];
    return v.every(Number.isFinite) ? v : null;
  } catch {
    return null;
  }
}

/** The snapshot's point on the plane (cached per plane), or null when it has none (non-finite weights). */
export function projected(s: Snapshot, made: Made): PlanePoint | null {
  if (s.projected?.planeId !== made.id) {
    try {
      const point = projectOntoPlane(s.values, made.grid.plane);
      if (![point.alpha, point.beta, point.distance].every(Number.isFinite)) return null;
      s.projected = { planeId: made.id, point };
    } catch {
      return null;
    }
  }
  return s.projected.point;
}
