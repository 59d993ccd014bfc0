/**
 * Eigenvalues and eigenvectors of a small symmetric matrix (a trajectory's Gram matrix, up to ~100×100) by cyclic
 * Jacobi rotations, in float64: each rotation zeroes one off-diagonal pair; sweeps repeat until the off-diagonal
 * mass is negligible. O(n³) per sweep and a handful of sweeps: a few milliseconds at n = 100.
 */

export interface Eigen {
  /** Descending. */
  values: Float64Array;
  /** vectors[k] is the unit eigenvector of values[k]. */
  vectors: Float64Array[];
}

/** `a` is n×n row-major and symmetric (only read). */
export function symmetricEigen(a: Float64Array, n: number, maxSweeps = 60): Eigen {
  if (a.length !== n * n) throw new Error(`symmetricEigen: ${a.length} values for ${n}×${n}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const scale = m.reduce((s, x) => s + x * x, 0);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (m[p * n + q] as number) ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q] as number;
        if (apq === 0) continue;
        const app = m[p * n + p] as number;
        const aqq = m[q * n + q] as number;
        // The rotation angle that zeroes a_pq (Numerical Recipes' stable form: t = tan θ, the smaller root).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          // Columns p and q, then rows p and q (m stays symmetric).
          const mkp = m[k * n + p] as number;
          const mkq = m[k * n + q] as number;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k] as number;
          const mqk = m[q * n + k] as number;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (m[j * n + j] as number) - (m[i * n + i] as number));
  return {
    values: Float64Array.from(order, (i) => m[i * n + i] as number),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i] as number)),
  };
}
