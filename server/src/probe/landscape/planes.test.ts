/**
 * The live landscape's planes (planes.ts): where each puts the points it is made from, and when a plane is not
 * defined (the caller then shows a random one).
 */
import { describe, expect, it } from 'vitest';
import { planeExtent, randomPlane, runsPlane, trajectoryPlane } from './planes.ts';
import { projectOntoPlane } from './project.ts';

const arrays = (...values: number[][]): Float32Array[] => values.map((v) => Float32Array.from(v));

describe('runsPlane', () => {
  const start = arrays([0, 0, 0], [1]);
  const a = arrays([2, 0, 0], [1]);
  const b = arrays([0, 1, 1], [2]);

  it('puts the start at (0, 0), run a at (1, 0) and run b at (0, 1), all on the plane', () => {
    const p = runsPlane(start, a, b)!;
    expect(p.kind).toBe('runs');
    for (const [point, want] of [
      [start, [0, 0]],
      [a, [1, 0]],
      [b, [0, 1]],
    ] as const) {
      const q = projectOntoPlane(point, p.plane);
      expect(q.alpha + p.offset[0]).toBeCloseTo(want[0], 6);
      expect(q.beta + p.offset[1]).toBeCloseTo(want[1], 6);
      expect(q.distance).toBeLessThan(1e-6);
    }
    // The grid spans [−0.5, 1.5]² in reported units.
    expect([-p.range + p.offset[0], p.range + p.offset[0]]).toEqual([-0.5, 1.5]);
  });

  it('is not defined for a run still at the start, or two runs along one line', () => {
    expect(runsPlane(start, start, b)).toBeNull();
    expect(runsPlane(start, a, arrays([4, 0, 0], [1]))).toBeNull();
  });
});

describe('trajectoryPlane', () => {
  const theta = arrays([0, 0, 0, 0]);

  it('spans a path along two directions, with a grid reaching past its farthest point', () => {
    const path = [arrays([-3, -1, 0, 0]), arrays([-2, -0.5, 0, 0]), arrays([-1, -0.6, 0, 0])];
    const p = trajectoryPlane(theta, path)!;
    expect(p.kind).toBe('trajectory');
    for (const point of path) expect(projectOntoPlane(point, p.plane).distance).toBeLessThan(1e-5);
    const reach = Math.max(...path.map((x) => Math.hypot(...x[0]!)));
    expect(p.range).toBeGreaterThanOrEqual(reach);
    expect(planeExtent(p)).toBeCloseTo(p.range, 5); // unit directions
    expect(p.explained![0] + p.explained![1]).toBeCloseTo(1, 6);
  });

  it('is not defined for a path along one line, or one that never left θ', () => {
    expect(trajectoryPlane(theta, [arrays([1, 0, 0, 0]), arrays([2, 0, 0, 0])])).toBeNull();
    expect(trajectoryPlane(theta, [theta, theta])).toBeNull();
  });
});

it('randomPlane goes through θ with the range of Li et al.', () => {
  const theta = arrays([1, 2, 3, 4], [0.5]);
  const p = randomPlane(theta, [{ shape: [2, 2], role: 'weight' }, { shape: [1], role: 'bias' }], 7);
  expect(p.plane.centre).toBe(theta);
  expect(p.range).toBe(1);
  expect(Array.from(p.plane.d1[1]!)).toEqual([0]); // biases stay at zero
});
