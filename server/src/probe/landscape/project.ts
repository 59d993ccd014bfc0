/**
 * A point of parameter space seen from a plane θc + α·d₁ + β·d₂: its coordinates (α, β), by least squares in the
 * plane's basis (d₁ and d₂ need not be orthogonal or of unit length: a runs plane's are not), and its distance
 * from the plane, ‖θ − θc − α·d₁ − β·d₂‖. The path drawn on a slice is its points' (α, β) at their true loss; the
 * distance says how far off the plane that point really is.
 */
import { type ParamArrays } from './paramArrays.ts';

/** A plane of parameter space: its centre θc and directions d₁, d₂, one array per parameter (params order). */
export interface Plane {
  centre: ParamArrays;
  d1: ParamArrays;
  d2: ParamArrays;
}

export interface PlanePoint {
  alpha: number;
  beta: number;
  /** Euclidean distance from the plane, in parameter units. */
  distance: number;
}

/**
 * The point's (α, β) and distance. Solves the 2×2 normal equations [d₁·d₁ d₁·d₂; d₁·d₂ d₂·d₂]·(α, β) = (d₁·v, d₂·v)
 * for v = θ − θc in float64, and measures the residual directly (not as ‖v‖² − …, which cancels for points on
 * the plane). Parallel directions (a singular system) throw.
 */
export function projectOntoPlane(point: ParamArrays, plane: Plane): PlanePoint {
  let [g11, g12, g22, b1, b2] = [0, 0, 0, 0, 0];
  forEachValue(point, plane, (v, x, y) => {
    g11 += x * x;
    g12 += x * y;
    g22 += y * y;
    b1 += x * v;
    b2 += y * v;
  });
  const det = g11 * g22 - g12 * g12;
  if (!(det > 1e-12 * g11 * g22)) throw new Error('projectOntoPlane: the plane\'s directions are parallel or zero');
  const alpha = (g22 * b1 - g12 * b2) / det;
  const beta = (g11 * b2 - g12 * b1) / det;
  let r2 = 0;
  forEachValue(point, plane, (v, x, y) => {
    r2 += (v - alpha * x - beta * y) ** 2;
  });
  return { alpha, beta, distance: Math.sqrt(r2) };
}

/** Every point of a path, projected. */
export function projectPath(points: readonly ParamArrays[], plane: Plane): PlanePoint[] {
  return points.map((p) => projectOntoPlane(p, plane));
}

/** Calls f(θ − θc, d₁, d₂) at every value of every parameter. */
function forEachValue(point: ParamArrays, plane: Plane, f: (v: number, x: number, y: number) => void): void {
  point.forEach((theta, p) => {
    const [c, d1, d2] = [plane.centre[p], plane.d1[p], plane.d2[p]] as [Float32Array, Float32Array, Float32Array];
    for (let i = 0; i < theta.length; i++) f((theta[i] as number) - (c[i] as number), d1[i] as number, d2[i] as number);
  });
}
