/**
 * The first two principal directions of a training trajectory (Li et al. 2018, §7): the rows of M are the recent
 * weight snapshots relative to the plane's centre, δ_t = θ_t − θ [D] for t over a window of T steps, and the
 * directions are M's top right singular vectors, the plane through θ that the path stays closest to.
 *
 * D is the parameter count (100,000 and more) and T at most ~100, so the eigenproblem is solved on the T×T Gram
 * matrix G = M·Mᵀ (T(T+1)/2 dot products of length D, then symmetricEigen.ts) instead of the D×D covariance:
 * G·u = λ·u gives the direction v = Mᵀu/√λ, and λ is the squared distance from θ the direction explains.
 *
 * Not centred by default: the plane passes through θ itself, so the share of Σ‖δ_t‖² it captures is what matters.
 * With `center` the snapshots' mean is removed first, as sklearn's PCA (the paper's code) does.
 */
import { symmetricEigen } from './symmetricEigen.ts';

export interface TrajectoryPca {
  /** Unit vectors of parameter space [D]: the first and second principal directions. */
  components: [Float32Array, Float32Array];
  /**
   * Each direction's share of the trajectory's variance, λ_k/Σλ (0 for a direction the trajectory does not span:
   * its component is then all zeros).
   */
  explained: [number, number];
}

/** Σ a·b over a vector of parameter space, in float64, four sums at a time (the Gram matrix's inner loop). */
function dot(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length - (a.length % 4);
  for (let i = 0; i < n; i += 4) {
    s0 += (a[i] as number) * (b[i] as number);
    s1 += (a[i + 1] as number) * (b[i + 1] as number);
    s2 += (a[i + 2] as number) * (b[i + 2] as number);
    s3 += (a[i + 3] as number) * (b[i + 3] as number);
  }
  for (let i = n; i < a.length; i++) s0 += (a[i] as number) * (b[i] as number);
  return s0 + s1 + s2 + s3;
}

/** The Gram matrix of the rows, optionally of the rows less their mean (J·G·J with J = I − 11ᵀ/T). */
function gram(rows: readonly Float32Array[], center: boolean): Float64Array {
  const T = rows.length;
  const g = new Float64Array(T * T);
  for (let i = 0; i < T; i++) {
    for (let j = i; j < T; j++) g[i * T + j] = g[j * T + i] = dot(rows[i] as Float32Array, rows[j] as Float32Array);
  }
  if (!center) return g;
  const rowMean = Float64Array.from({ length: T }, (_, i) => g.subarray(i * T, (i + 1) * T).reduce((a, b) => a + b, 0) / T);
  const all = rowMean.reduce((a, b) => a + b, 0) / T;
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) g[i * T + j] = (g[i * T + j] as number) - (rowMean[i] as number) - (rowMean[j] as number) + all;
  return g;
}

export function trajectoryPca(deltas: readonly Float32Array[], opts: { center?: boolean } = {}): TrajectoryPca {
  const T = deltas.length;
  const D = deltas[0]?.length ?? 0;
  if (deltas.some((d) => d.length !== D)) throw new Error('trajectoryPca: snapshots of different lengths');
  const { values, vectors } = symmetricEigen(gram(deltas, opts.center ?? false), T);
  const total = values.reduce((s, l) => s + Math.max(l, 0), 0);
  const components: Float32Array[] = [];
  const explained: number[] = [];
  for (let k = 0; k < 2; k++) {
    const lambda = values[k] ?? 0;
    const u = vectors[k];
    const v = new Float64Array(D);
    // Below float64's reach of the largest, a direction is rounding noise: the trajectory does not span it.
    if (u && lambda > 1e-12 * (values[0] ?? 0) && lambda > 0) {
      // v = Σ_t u_t·δ_t (centring needs no correction: u ⊥ 1 for a centred Gram matrix's λ > 0).
      u.forEach((ut, t) => {
        const d = deltas[t] as Float32Array;
        for (let i = 0; i < D; i++) v[i] = (v[i] as number) + ut * (d[i] as number);
      });
      // Orient it so the window's first snapshot lies on its negative side: the path runs towards +α, +β.
      const sign = u[0]! > 0 ? -1 : 1;
      const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      for (let i = 0; i < D; i++) v[i] = (sign * (v[i] as number)) / norm;
      explained.push(total > 0 ? lambda / total : 0);
    } else explained.push(0);
    components.push(Float32Array.from(v));
  }
  return { components: components as [Float32Array, Float32Array], explained: explained as [number, number] };
}
