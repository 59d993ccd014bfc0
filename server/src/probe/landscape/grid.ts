/**
 * The coarse-to-fine grids of a slice: levels of n×n points over (α, β) ∈ [−r, r]², each finer grid containing the
 * coarser one's points (9×9, then 17×17, then 33×33: every 4th, then every 2nd point of the 33×33 grid), so a finer
 * level computes only its new points. Points are indices into the finest grid, row-major: k = j·N + i for α_i, β_j
 * (probe/lossSurface.ts's layout: z[j·nx + i]).
 */

export const DEFAULT_LEVELS: readonly number[] = [9, 17, 33];

/** The n values of one axis over [−range, range], both ends included (linspace); the middle one is exactly 0. */
export function axisValues(n: number, range: number): Float64Array {
  const out = new Float64Array(n);
  const mid = (n - 1) / 2;
  for (let i = 0; i < n; i++) out[i] = n === 1 ? 0 : (range * (i - mid)) / mid;
  return out;
}

export interface GridLevel {
  /** Points per axis. */
  n: number;
  /** Spacing of this level's points in finest-grid steps. */
  stride: number;
  /** Finest-grid indices first computed at this level (row-major), coarser levels' points excluded. */
  points: Int32Array;
}

/** The levels in order, checking that each nests in the next (odd sizes, (N − 1) a multiple of (n − 1)). */
export function gridLevels(levels: readonly number[] = DEFAULT_LEVELS): GridLevel[] {
  const N = levels.at(-1);
  if (N === undefined) throw new RangeError('gridLevels: no levels');
  const seen = new Uint8Array(N * N);
  return levels.map((n, l) => {
    if (!Number.isInteger(n) || n < 1 || n % 2 === 0 || (N - 1) % Math.max(n - 1, 1) !== 0 || (l > 0 && n <= (levels[l - 1] as number))) {
      throw new RangeError(`gridLevels: ${levels.join(', ')} do not nest (odd sizes, increasing, (N − 1) a multiple of (n − 1))`);
    }
    const stride = n === 1 ? 0 : (N - 1) / (n - 1);
    const mid = (N - 1) / 2;
    const points: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = (n === 1 ? mid : j * stride) * N + (n === 1 ? mid : i * stride);
        if (!seen[k]) points.push(k);
        seen[k] = 1;
      }
    }
    return { n, stride, points: Int32Array.from(points) };
  });
}

/** A level's n×n values (row-major) read out of the finest grid's values. */
export function levelValues(fine: Float32Array, N: number, level: GridLevel): Float32Array {
  const { n, stride } = level;
  const mid = (N - 1) / 2;
  const out = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) out[j * n + i] = fine[(n === 1 ? mid : j * stride) * N + (n === 1 ? mid : i * stride)] as number;
  }
  return out;
}
