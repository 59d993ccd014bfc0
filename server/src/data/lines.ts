/**
 * The course's straight-line regression sets (ch02, ch03): x = −3…3 step 0.1 (60 points, −3.0 … 2.9),
 * y = slope·x + intercept + noise·ε with ε ~ N(0, 1) from the seeded PRNG. x is computed as −3 + 0.1·i so
 * floating-point drift of a running sum cannot add or drop a point.
 */
import { createRng } from './prng.ts';

export interface LineSpec {
  slope: number;
  intercept: number;
  noise: number;
  seed: number;
}

export function lineData(spec: LineSpec): { x: Float32Array; y: Float32Array } {
  const rng = createRng(spec.seed);
  const x = Float32Array.from({ length: 60 }, (_, i) => -3 + 0.1 * i);
  const y = x.map((v) => spec.slope * v + spec.intercept + spec.noise * rng.normal());
  return { x, y };
}
