/**
 * Filter-normalised random directions (Li et al., "Visualizing the Loss Landscape of Neural Nets", 2018, §4): a
 * direction d of N(0, 1) draws in which every filter is rescaled to the norm of the same filter of θ,
 * d_{i,j} ← d_{i,j}/‖d_{i,j}‖ · ‖θ_{i,j}‖, so a step of α = 1 moves each filter by its own size whatever the
 * layer's scale (ReLU nets are scale-invariant per filter, and raw random directions would mostly probe the layers
 * with small weights). Biases and batch-norm parameters are left at zero (the paper's "ignore biasbn").
 *
 * A filter is one output unit's incoming weights: for dense W [in, out] the column j, for conv W [k, k, in, out] the
 * kernel of output channel j, both W[..., j] along the last axis (train/evalOps.ts ParamRole).
 */
import { createRng, type Rng } from '../../data/prng.ts';
import type { ParamRole } from '../../train/evalOps.ts';
import type { LandscapeSource } from '../../train/landscapeSource.ts';
import { readParams } from './paramArrays.ts';
import type { Plane } from './project.ts';

export interface DirectionParam {
  shape: readonly number[];
  role: ParamRole;
}

/** Norms of the filters (last-axis slices) of a weight tensor of `filters` output units, in float64. */
export function filterNorms(w: Float32Array, filters: number): Float64Array {
  const sums = new Float64Array(filters);
  for (let i = 0; i < w.length; i++) sums[i % filters] = (sums[i % filters] as number) + (w[i] as number) ** 2;
  return sums.map(Math.sqrt);
}

/** One filter-normalised direction for the point `theta` (one array per parameter, params order). */
export function filterNormalizedDirection(theta: readonly Float32Array[], params: readonly DirectionParam[], rng: Rng): Float32Array[] {
  return params.map((p, k) => {
    const t = theta[k] as Float32Array;
    const d = new Float32Array(t.length);
    if (p.role !== 'weight') return d;
    for (let i = 0; i < d.length; i++) d[i] = rng.normal();
    const filters = p.shape.at(-1) ?? 1;
    const want = filterNorms(t, filters);
    const have = filterNorms(d, filters);
    // A filter of θ that is all zeros gets a zero filter (a norm of 0), as the paper's rescaling gives.
    const scale = want.map((w, j) => (have[j] ? w / (have[j] as number) : 0));
    for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) * (scale[i % filters] as number);
    return d;
  });
}

/** Two filter-normalised directions d₁, d₂ from one seeded stream: a "random" plane through θ. */
export function randomDirections(theta: readonly Float32Array[], params: readonly DirectionParam[], seed: number): [Float32Array[], Float32Array[]] {
  const rng = createRng(seed);
  return [filterNormalizedDirection(theta, params, rng), filterNormalizedDirection(theta, params, rng)];
}

/** The shapes and roles of a landscape source's parameters, as the directions need them. */
export function directionParams(source: LandscapeSource): DirectionParam[] {
  return source.params.map((p) => ({ shape: p.variable.shape, role: p.role }));
}

/** A random plane through the source's live weights as they are now (filter-normalised, seeded). */
export function livePlane(source: LandscapeSource, seed: number): Plane {
  const centre = readParams(source.params.map((p) => p.variable));
  const [d1, d2] = randomDirections(centre, directionParams(source), seed);
  return { centre, d1, d2 };
}
