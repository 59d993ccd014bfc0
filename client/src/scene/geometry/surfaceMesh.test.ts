import { describe, expect, it } from 'vitest';
import { colorTable, parseColor } from './colormap.ts';
import { interpolateViridis } from 'd3-scale-chromatic';
import { makeHeightScale } from './heightScale.ts';
import { surfaceMesh } from './surfaceMesh.ts';
import { HEIGHT, type SurfaceGrid } from './surfaceGrid.ts';

const grid = (z: number[], nx: number, ny: number): SurfaceGrid => ({
  nx,
  ny,
  z: Float32Array.from(z),
  xMin: -15,
  xMax: 15,
  yMin: -15,
  yMax: 15,
  xLabel: 'w',
  yLabel: 'b',
});

describe('surfaceMesh', () => {
  it('has one vertex per grid point and two triangles per cell', () => {
    const g = grid([0, 1, 10, 100, 1000, 5], 3, 2);
    const m = surfaceMesh(g, makeHeightScale(g.z));
    expect(m.positions.length).toBe(3 * 2 * 3);
    expect(m.colors.length).toBe(3 * 2 * 3);
    expect(m.indices.length).toBe(2 * 1 * 2 * 3);
    expect(Math.max(...m.indices)).toBe(5);
  });

  it('puts grid point (i, j) at vertex j·nx + i with log-compressed height', () => {
    const g = grid([0, 1, 10, 100, 1000, 5], 3, 2);
    const m = surfaceMesh(g, makeHeightScale(g.z));
    // vertex 0 = (w = −15, b = −15), minimum loss → height 0
    expect([...m.positions.slice(0, 3)]).toEqual([-1, -1, 0]);
    // vertex 4 = (i = 1, j = 1) = (w = 0, b = 15), maximum loss → top
    expect(m.positions[12]).toBeCloseTo(0, 6);
    expect(m.positions[13]).toBeCloseTo(1, 6);
    expect(m.positions[14]).toBeCloseTo(HEIGHT, 6);
    // vertex 2: loss 10 sits at log(11)/log(1001) of the height, not at 10/1000
    expect(m.positions[8]).toBeCloseTo((Math.log(11) / Math.log(1001)) * HEIGHT, 5);
  });

  it('colours the minimum and maximum with the ends of viridis', () => {
    const g = grid([0, 1000, 3, 4], 2, 2);
    const m = surfaceMesh(g, makeHeightScale(g.z), colorTable());
    const [r0, g0, b0] = parseColor(interpolateViridis(0));
    const [r1, g1, b1] = parseColor(interpolateViridis(1));
    expect(m.colors[0]).toBeCloseTo(r0, 6);
    expect(m.colors[1]).toBeCloseTo(g0, 6);
    expect(m.colors[2]).toBeCloseTo(b0, 6);
    expect(m.colors[3]).toBeCloseTo(r1, 6);
    expect(m.colors[4]).toBeCloseTo(g1, 6);
    expect(m.colors[5]).toBeCloseTo(b1, 6);
  });

  it('leaves out cells that touch a non-finite loss', () => {
    // 3×3 grid, centre NaN: all four cells touch it
    const g = grid([1, 2, 3, 4, NaN, 6, 7, 8, 9], 3, 3);
    expect(surfaceMesh(g, makeHeightScale(g.z)).indices.length).toBe(0);
    // NaN in a corner: three of four cells survive
    const h = grid([NaN, 2, 3, 4, 5, 6, 7, 8, 9], 3, 3);
    const m = surfaceMesh(h, makeHeightScale(h.z));
    expect(m.indices.length).toBe(3 * 6);
    expect([...m.indices]).not.toContain(0);
    expect(m.positions.every(Number.isFinite)).toBe(true);
  });
});
