import { describe, expect, it } from 'vitest';
import { contourLevels, contourLines, contourSegments } from './contours.ts';
import { makeHeightScale, normalise } from './heightScale.ts';
import { HEIGHT, WORLD_HALF, type SurfaceGrid } from './surfaceGrid.ts';
import { readPlaneGrid } from '../../net/planeGrid.ts';
import { sampleGrid, surfaceFrame } from './testGrids.ts';

const RANGE: [number, number, number, number] = [-15, 15, -15, 15];
const gridOf = (f: (w: number, b: number) => number, n = 31): SurfaceGrid =>
  readPlaneGrid(surfaceFrame(sampleGrid(f, n, n, RANGE), n, n, RANGE))!;

describe('contourLines', () => {
  it('traces a plane exactly: the level-c line of L = w is w = c across the whole b range', () => {
    const g = gridOf((w) => w + 20); // 5 … 35, all positive
    const [lvl] = contourLines(g, [22.5]);
    expect(lvl?.level).toBe(22.5);
    expect(lvl?.lines.length).toBe(1);
    const line = lvl!.lines[0]!;
    const ws = line.filter((_, k) => k % 2 === 0);
    const bs = line.filter((_, k) => k % 2 === 1);
    for (const w of ws) expect(w).toBeCloseTo(2.5, 2); // q16 quantisation: 30/65534 per unit
    // the padding run is cut away: the line ends on the grid's edges b = ±15, not beyond
    expect(Math.min(...bs)).toBeCloseTo(-15, 6);
    expect(Math.max(...bs)).toBeCloseTo(15, 6);
  });

  it('traces a bowl: every point of the level-L ring satisfies w² + b² ≈ L', () => {
    const g = gridOf((w, b) => w * w + b * b);
    const [lvl] = contourLines(g, [100]);
    expect(lvl!.lines.length).toBeGreaterThan(0);
    for (const line of lvl!.lines) {
      for (let k = 0; k < line.length; k += 2) {
        const r2 = (line[k] as number) ** 2 + (line[k + 1] as number) ** 2;
        // linear interpolation between grid points 1 apart overestimates r² by at most ≈ 0.25 + quantisation
        expect(Math.abs(r2 - 100)).toBeLessThan(0.6);
      }
    }
  });

  it('ends lines where the loss stops being finite', () => {
    const g = gridOf((w, b) => (w > 5 ? NaN : w * w + b * b));
    for (const line of contourLines(g, [50])[0]!.lines) {
      for (let k = 0; k < line.length; k += 2) expect(line[k]).toBeLessThanOrEqual(5 + 1e-9);
    }
  });
});

describe('contourLevels and contourSegments', () => {
  it('spreads levels evenly in compressed height, strictly inside the range', () => {
    const scale = makeHeightScale([0.01, 1000]);
    const levels = contourLevels(scale, 9);
    expect(levels.length).toBe(9);
    const t = levels.map((v) => normalise(scale, v));
    t.forEach((v, k) => expect(v).toBeCloseTo((k + 1) / 10, 9));
  });

  it('lifts each segment to its level height, inside the world square', () => {
    const g = gridOf((w, b) => w * w + b * b);
    const scale = makeHeightScale(g.z);
    const levels = contourLines(g, [10, 200]);
    const seg = contourSegments(g, scale, levels, 0);
    const count = levels.reduce((n, l) => n + l.lines.reduce((m, line) => m + line.length / 2 - 1, 0), 0);
    expect(seg.length).toBe(count * 6);
    const heights = new Set<number>();
    for (let k = 0; k < seg.length; k += 3) {
      expect(Math.abs(seg[k] as number)).toBeLessThanOrEqual(WORLD_HALF + 1e-6);
      expect(Math.abs(seg[k + 1] as number)).toBeLessThanOrEqual(WORLD_HALF + 1e-6);
      heights.add(Math.round((seg[k + 2] as number) * 1e6));
    }
    expect([...heights].sort((a, b) => a - b)).toEqual(
      [10, 200].map((v) => Math.round(normalise(scale, v) * HEIGHT * 1e6)),
    );
  });
});
