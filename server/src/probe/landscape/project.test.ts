import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { combine } from './combine.ts';
import { type Plane, projectOntoPlane, projectPath } from './project.ts';

const rng = createRng(21);
const draw = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal());
/** Two parameters of 300 and 7 values; directions neither orthogonal nor of unit length. */
const plane: Plane = { centre: [draw(300), draw(7)], d1: [draw(300), draw(7)], d2: [draw(300), draw(7)] };
const at = (alpha: number, beta: number): Float32Array[] =>
  plane.centre.map((c, p) => combine(new Float32Array(c.length), c, plane.d1[p]!, plane.d2[p]!, alpha, beta));

describe('projectOntoPlane', () => {
  it('gives a point on the plane its own (α, β) and distance 0', () => {
    // Coordinates and values exactly representable in float32: the point is exactly on the plane.
    const exact: Plane = { centre: [Float32Array.of(1, 2, 3)], d1: [Float32Array.of(1, 0, 1)], d2: [Float32Array.of(0, 2, 1)] };
    const point = [Float32Array.of(1 + 0.5, 2 - 0.5, 3 + 0.5 - 0.25)];
    expect(projectOntoPlane(point, exact)).toEqual({ alpha: 0.5, beta: -0.25, distance: 0 });
    // A random plane: up to the float32 rounding of the point.
    const p = projectOntoPlane(at(0.37, -1.2), plane);
    expect(p.alpha).toBeCloseTo(0.37, 5);
    expect(p.beta).toBeCloseTo(-1.2, 5);
    expect(p.distance).toBeLessThan(1e-5);
  });

  it('measures the distance of a point off the plane along a normal', () => {
    // A normal: d₂ made orthogonal to d₁ and a random vector made orthogonal to both (Gram–Schmidt over all values).
    const flat = (ps: Float32Array[]): number[] => ps.flatMap((x) => Array.from(x));
    const [u1, u2, w] = [flat(plane.d1 as Float32Array[]), flat(plane.d2 as Float32Array[]), flat([draw(300), draw(7)])];
    const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
    const minus = (a: number[], b: number[]): number[] => a.map((x, i) => x - (dot(a, b) / dot(b, b)) * b[i]!);
    const e2 = minus(u2, u1);
    const normal = minus(minus(w, u1), e2);
    const scale = 2.5 / Math.sqrt(dot(normal, normal));
    const onPlane = at(-0.8, 0.3);
    const point = [0, 1].map((p) => Float32Array.from(onPlane[p]!, (v, i) => v + scale * normal[p === 0 ? i : 300 + i]!));
    const got = projectOntoPlane(point, plane);
    expect(got.alpha).toBeCloseTo(-0.8, 4);
    expect(got.beta).toBeCloseTo(0.3, 4);
    expect(got.distance).toBeCloseTo(2.5, 4);
  });

  it('projects a path point by point and refuses parallel directions', () => {
    const path = projectPath([at(0, 0), at(1, 1)], plane);
    expect(path.map((p) => [Number(p.alpha.toFixed(4)), Number(p.beta.toFixed(4))])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(() => projectOntoPlane(at(0, 0), { ...plane, d2: plane.d1 })).toThrow(/parallel/);
  });
});
