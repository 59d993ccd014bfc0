/**
 * The three planes of the live landscape, each a Plane (centre θc, directions d₁, d₂) with the grid around it:
 * - random: through θ, two filter-normalised random directions (directions.ts), α, β ∈ [−1, 1] as in Li et al.;
 * - trajectory: through θ, the first two principal components of the recent trajectory relative to θ (pca.ts),
 *   unit vectors, so α, β are distances in parameter space; the grid spans the path with a margin;
 * - runs: through a comparison's common start θ₀ and two runs' weights θa, θb: d₁ = θa − θ₀, d₂ = θb − θ₀, so the
 *   start is at (0, 0), run a at (1, 0) and run b at (0, 1), and the grid spans α, β ∈ [−0.5, 1.5].
 * A plane that the points do not define (a trajectory along one line, two runs at one place) is null: the caller
 * shows a random plane instead, and says so (the frame's kind).
 */
import { randomDirections, type DirectionParam } from './directions.ts';
import type { PlaneKind } from './landscapeOptions.ts';
import { dotParams, flattenParams, type ParamArrays, splitParams } from './paramArrays.ts';
import { trajectoryPca } from './pca.ts';
import type { Plane } from './project.ts';


export interface GridPlane {
  kind: PlaneKind;
  plane: Plane;
  /** The grid covers the plane's own coordinates (a, b) ∈ [−range, range]² around the centre. */
  range: number;
  /** Reported α = a + offset[0], β = b + offset[1] (the runs plane puts θ₀ at the origin). */
  offset: [number, number];
  /** Each direction's share of the trajectory's variance (trajectory planes). */
  explained?: [number, number];
}

/** Random planes: α, β ∈ [−1, 1] (a step of 1 moves every filter by its own norm). */
export const RANDOM_RANGE = 1;
/** A trajectory plane's grid reaches this many times the path's farthest point from θ. */
export const TRAJECTORY_MARGIN = 1.5;
/** Two runs whose displacements from the start have |cos| above this span no plane. */
const MAX_RUNS_COSINE = 0.999;

export function randomPlane(theta: ParamArrays, params: readonly DirectionParam[], seed: number): GridPlane {
  const [d1, d2] = randomDirections(theta, params, seed);
  return { kind: 'random', plane: { centre: theta, d1, d2 }, range: RANDOM_RANGE, offset: [0, 0] };
}

/**
 * The PCA plane of `path` (snapshots, oldest first) through θ, or null when the path relative to θ does not span
 * two directions.
 */
export function trajectoryPlane(theta: ParamArrays, path: readonly ParamArrays[]): GridPlane | null {
  const centre = flattenParams(theta);
  const deltas = path
    .map((p) => {
      const d = flattenParams(p);
      for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) - (centre[i] as number);
      return d;
    })
    .filter((d) => d.some((x) => x !== 0));
  if (deltas.length < 2) return null;
  const { components, explained } = trajectoryPca(deltas);
  if (!(explained[1] > 0)) return null;
  const sizes = theta.map((t) => t.length);
  const [d1, d2] = components.map((c) => splitParams(c, sizes)) as [Float32Array[], Float32Array[]];
  // The directions are orthonormal: a snapshot's coordinates are its dot products with them.
  let far = 0;
  for (const d of deltas) {
    const v = splitParams(d, sizes);
    far = Math.max(far, Math.abs(dotParams(v, d1)), Math.abs(dotParams(v, d2)));
  }
  if (!(far > 0)) return null;
  return { kind: 'trajectory', plane: { centre: theta, d1, d2 }, range: TRAJECTORY_MARGIN * far, offset: [0, 0], explained };
}

/** The plane through the common start and runs a and b, or null when they do not span one. */
export function runsPlane(start: ParamArrays, a: ParamArrays, b: ParamArrays): GridPlane | null {
  const d1 = a.map((x, p) => x.map((v, i) => v - ((start[p] as Float32Array)[i] as number)));
  const d2 = b.map((x, p) => x.map((v, i) => v - ((start[p] as Float32Array)[i] as number)));
  const [n1, n2] = [Math.sqrt(dotParams(d1, d1)), Math.sqrt(dotParams(d2, d2))];
  if (!(n1 > 0 && n2 > 0) || !Number.isFinite(n1 + n2)) return null;
  if (Math.abs(dotParams(d1, d2)) / (n1 * n2) > MAX_RUNS_COSINE) return null;
  const centre = start.map((s, p) => s.map((v, i) => v + 0.5 * ((d1[p] as Float32Array)[i] as number) + 0.5 * ((d2[p] as Float32Array)[i] as number)));
  return { kind: 'runs', plane: { centre, d1, d2 }, range: 1, offset: [0.5, 0.5] };
}

/** ‖d‖ of the plane's shorter direction times the range: how far the grid reaches in parameter space. */
export function planeExtent(p: GridPlane): number {
  return p.range * Math.sqrt(Math.min(dotParams(p.plane.d1, p.plane.d1), dotParams(p.plane.d2, p.plane.d2)));
}
