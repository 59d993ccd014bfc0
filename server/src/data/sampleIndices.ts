/**
 * A seeded sample of `count` distinct row indices out of `n` (all of them when count ≥ n), in ascending order: the
 * landscape's probe batch (train/landscapeSource.ts) is the same rows in every process and for every viewer, and
 * ascending rows read the set front to back.
 */
import { createRng } from './prng.ts';

export function sampleIndices(n: number, count: number, seed: number): Int32Array {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`sampleIndices: need integers n, count ≥ 0, got ${n}, ${count}`);
  }
  const k = Math.min(n, count);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (k === n) return all;
  // Partial Fisher–Yates: the first k slots end up a uniform sample without replacement.
  const rng = createRng(seed);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}
