import { describe, expect, it } from 'vitest';
import { makeHeightScale, normalise } from './heightScale.ts';
import { meshHeight } from './meshHeight.ts';
import { pathLine } from './pathLine.ts';
import { surfaceMesh } from './surfaceMesh.ts';
import { HEIGHT, WORLD_HALF } from './surfaceGrid.ts';
import { readPlaneGrid } from '../../net/planeGrid.ts';
import { courseLoss, sampleGrid, surfaceFrame } from './testGrids.ts';

// The ch02-03 grid: w, b ∈ [−15, 15] in steps of 1 (31 × 31), exact MSE of ŷ = w·x + b on y = x − 1.
const RANGE: [number, number, number, number] = [-15, 15, -15, 15];
const grid = readPlaneGrid(surfaceFrame(sampleGrid(courseLoss, 31, 31, RANGE), 31, 31, RANGE))!;
const scale = makeHeightScale(grid.z);
// The course's first three gradient-descent iterates (lr 0.1) and their losses.
const COURSE_W = [-15, -5.48467, -1.66531];
const COURSE_B = [-10, -8.36, -6.95285];
const COURSE_LOSS = [835.03, 175.62, 55.17];

describe('meshHeight', () => {
  it('equals the vertex heights at grid points and the mesh triangles in between', () => {
    const mesh = surfaceMesh(grid, scale);
    const v = (i: number, j: number): number => mesh.positions[(j * 31 + i) * 3 + 2] as number;
    expect(meshHeight(grid, scale, -15, -10)).toBeCloseTo(v(0, 5), 6);
    expect(meshHeight(grid, scale, 15, 15)).toBeCloseTo(v(30, 30), 6);
    // centre of cell (3, 4): on the diagonal a–d, the mean of its two ends
    expect(meshHeight(grid, scale, -11.5, -10.5)).toBeCloseTo((v(3, 4) + v(4, 5)) / 2, 6);
    // a point of triangle (a, b, d): fx = 0.75, fy = 0.25
    const [a, b, d] = [v(3, 4), v(4, 4), v(4, 5)];
    expect(meshHeight(grid, scale, -11.25, -10.75)).toBeCloseTo(a + 0.75 * (b - a) + 0.25 * (d - b), 6);
  });
});

describe('pathLine', () => {
  it('matches the course loss at the start point (oracle: 835.03 at w = −15, b = −10)', () => {
    expect(courseLoss(-15, -10)).toBeCloseTo(835.03, 1);
  });

  it('puts an iterate on a grid vertex at the vertex height plus the lift', () => {
    const mesh = surfaceMesh(grid, scale);
    const path = pathLine(grid, scale, [-15], [-10], [courseLoss(-15, -10)], { lift: 0.015 });
    const vertex = 5 * 31 + 0; // b = −10 is row 5, w = −15 is column 0
    expect(path.iterates[0]).toBeCloseTo(mesh.positions[vertex * 3] as number, 6);
    expect(path.iterates[1]).toBeCloseTo(mesh.positions[vertex * 3 + 1] as number, 6);
    // q16 quantises the grid's loss to ≈ 1/65534 of its range; heights agree to that
    expect(path.iterates[2]).toBeCloseTo((mesh.positions[vertex * 3 + 2] as number) + 0.015, 3);
  });

  it('follows the course trajectory; the current point is the newest iterate', () => {
    const p = pathLine(grid, scale, COURSE_W, COURSE_B, COURSE_LOSS);
    expect(p.iterates.length).toBe(9);
    expect(p.current).toEqual([...p.iterates.slice(6, 9)]);
    expect(p.current![0]).toBeCloseTo(-1.66531 / 15, 6);
    // each step lowers the loss, so each iterate sits lower
    expect(p.iterates[2]!).toBeGreaterThan(p.iterates[5]!);
    expect(p.iterates[5]!).toBeGreaterThan(p.iterates[8]!);
    expect(p.currentOutside).toBe(false);
  });

  it('drapes long steps over the mesh and never dips below it', () => {
    const lift = 0.01;
    const p = pathLine(grid, scale, COURSE_W, COURSE_B, COURSE_LOSS, { lift, spacing: 0.5 });
    // steps of ≈ 9.5 and ≈ 3.8 cells in w: 19 + 8 half-cell pieces, so 3 iterates + 18 + 7 draped points or so
    expect(p.positions.length / 3).toBeGreaterThanOrEqual(28);
    // polyline starts and ends at the iterates
    expect([...p.positions.slice(0, 3)]).toEqual([...p.iterates.slice(0, 3)]);
    expect([...p.positions.slice(-3)]).toEqual([...p.iterates.slice(-3)]);
    for (let k = 0; k < p.positions.length; k += 3) {
      const w = (p.positions[k] as number) * 15;
      const b = (p.positions[k + 1] as number) * 15;
      expect(p.positions[k + 2]!).toBeGreaterThanOrEqual(meshHeight(grid, scale, w, b) + lift - 1e-5);
    }
  });

  it('keeps an iterate at its own loss when that is above the mesh', () => {
    const p = pathLine(grid, scale, [0.5], [0.5], [500], { lift: 0 });
    expect(p.iterates[2]).toBeCloseTo(normalise(scale, 500) * HEIGHT, 6);
  });

  it('clamps iterates that left the grid and flags a diverged current point', () => {
    const p = pathLine(grid, scale, [0, 40, NaN], [0, -1e6, NaN], [1, 3000, NaN]);
    expect(p.iterates[3]).toBe(WORLD_HALF);
    expect(p.iterates[4]).toBe(-WORLD_HALF);
    expect(p.positions.every(Number.isFinite)).toBe(true);
    expect(p.currentOutside).toBe(true);
    expect(pathLine(grid, scale, [], [], []).current).toBeNull();
  });

  it('within wider bounds, draws points beyond the grid where they are, at their own loss, with chords off the mesh', () => {
    // w = 45 is one grid width beyond w = 15 (world x 3); its loss 0.01 is far below the mesh's edge there.
    const bounds = { xMin: -15, xMax: 60, yMin: -15, yMax: 15 };
    const p = pathLine(grid, scale, [0, 45], [0, 0], [1, 0.01], { bounds, lift: 0 });
    expect(p.iterates[3]).toBeCloseTo(3, 6);
    expect(p.iterates[5]).toBeCloseTo(normalise(scale, 0.01) * HEIGHT, 6);
    expect(p.iterates[5]!).toBeLessThan(meshHeight(grid, scale, 15, 0));
    // Past w = 15 the line is the straight chord to the outside iterate: its heights fall linearly.
    const beyond: number[][] = [];
    for (let k = 0; k < p.positions.length; k += 3) {
      if ((p.positions[k] as number) > 1 + 1e-6) beyond.push([p.positions[k] as number, p.positions[k + 2] as number]);
    }
    expect(beyond.length).toBeGreaterThan(2);
    const [x0, z0] = [p.iterates[0] as number, p.iterates[2] as number];
    const [x1, z1] = [p.iterates[3] as number, p.iterates[5] as number];
    for (const [x, z] of beyond) expect(z).toBeCloseTo(z0 + ((x! - x0) / (x1 - x0)) * (z1 - z0), 5);
    // Within the grid's range (the default), the same point is pinned to the grid's edge; past the bounds, to theirs.
    expect(pathLine(grid, scale, [0, 45], [0, 0], [1, 0.01]).iterates[3]).toBe(WORLD_HALF);
    expect(pathLine(grid, scale, [0, 1e30], [0, 0], [1, 0.01], { bounds }).iterates[3]).toBeCloseTo(4, 6);
  });

  it('uses the shortest of x, y and loss when their lengths disagree', () => {
    expect(pathLine(grid, scale, [0, 1, 2], [0, 1, 2], [1, 2]).iterates.length).toBe(6);
    expect(pathLine(grid, scale, [0, 1], [0, 1, 2], [1, 2, 3]).iterates.length).toBe(6);
  });
});

describe('pathLine on a run that oscillates out of the grid', () => {
  // b flips between far above and far below the grid at every step: each segment crosses the whole surface.
  const n = 400;
  const ws = Array.from({ length: n }, () => 2);
  const bs = Array.from({ length: n }, (_, k) => (k % 2 ? -1 : 1) * 1e6 * 1.07 ** k);
  const loss = Array.from({ length: n }, () => 1e9);

  it('caps the draped points, keeping every iterate', () => {
    const p = pathLine(grid, scale, ws, bs, loss, { maxPoints: 3000 });
    expect(p.iterates.length).toBe(n * 3);
    expect(p.positions.length / 3).toBeLessThanOrEqual(3000 + 2 * n);
    // uncapped it would be ≈ 60 half-cell pieces per crossing
    expect(pathLine(grid, scale, ws, bs, loss, { maxPoints: Infinity }).positions.length / 3).toBeGreaterThan(20_000);
    expect(p.currentOutside).toBe(true);
  });
});

describe('pathLine at true loss (a landscape’s projected path)', () => {
  // A bowl slice over α, β ∈ [−1, 1]; the path's points lie off the plane, so their losses are not the slice's.
  const slice = readPlaneGrid(surfaceFrame(sampleGrid((a, b) => 1 + a * a + b * b, 9, 9, [-1, 1, -1, 1]), 9, 9, [-1, 1, -1, 1]))!;
  const s = makeHeightScale(slice.z, { also: [0.5, 4] });
  const xs = [-0.5, 0.5, 0];
  const ys = [0.5, 0, 0];
  // Above the surface (4 > 1.5), below it (0.5 < 1.25), and θ itself on it (1).
  const losses = [4, 0.5, 1];

  it('puts every point at the height of its own loss, above or below the mesh, with nothing draped between', () => {
    const p = pathLine(slice, s, xs, ys, losses, { atTrueLoss: true });
    for (let k = 0; k < 3; k++) expect(p.iterates[3 * k + 2]).toBeCloseTo(normalise(s, losses[k]!) * HEIGHT, 6); // f32 buffer
    expect(p.iterates[2]!).toBeGreaterThan(meshHeight(slice, s, -0.5, 0.5));
    expect(p.iterates[5]!).toBeLessThan(meshHeight(slice, s, 0.5, 0));
    // Straight chords: the line is the iterates themselves.
    expect([...p.positions]).toEqual([...p.iterates]);
    expect(p.current).toEqual([0, 0, p.iterates[8]]);
    expect(p.current![2]).toBeCloseTo(meshHeight(slice, s, 0, 0), 3); // the centre's loss is θ's (q16-rounded)
  });

  it('a draped path never dips below the mesh: the difference the option makes', () => {
    const draped = pathLine(slice, s, xs, ys, losses);
    expect(draped.iterates[5]!).toBeGreaterThanOrEqual(meshHeight(slice, s, 0.5, 0));
    expect(draped.positions.length).toBeGreaterThan(draped.iterates.length);
  });
});
