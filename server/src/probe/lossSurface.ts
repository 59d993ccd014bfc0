/**
 * The exact loss surface of a two-parameter model over a regular grid, as a `surface` frame.
 * Grid point (i, j) sits at x = xMin + i·(xMax − xMin)/(n − 1), y = yMin + j·(yMax − yMin)/(n − 1)
 * (linspace, both ends included, like the course's 30×30 grid). z is row-major [ny, nx]: z[j·nx + i].
 */
import { field, type Frame } from '@gradcast/shared';
import type { ExactSurface } from '../train/lessonModel.ts';

export function linspace(lo: number, hi: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
  return out;
}

export function evaluateGrid(surface: ExactSurface): Float32Array {
  const n = surface.resolution;
  const gx = linspace(surface.xRange[0], surface.xRange[1], n);
  const gy = linspace(surface.yRange[0], surface.yRange[1], n);
  const xs = new Float32Array(n * n);
  const ys = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      xs[j * n + i] = gx[i] as number;
      ys[j * n + i] = gy[j] as number;
    }
  }
  return surface.evaluate(xs, ys);
}

export function lossSurfaceFrame(surface: ExactSurface, generation: number, step: number): Frame {
  const n = surface.resolution;
  return {
    channel: 'surface',
    generation,
    step,
    meta: {
      kind: 'exact',
      xLabel: surface.xLabel,
      yLabel: surface.yLabel,
      xMin: surface.xRange[0],
      xMax: surface.xRange[1],
      yMin: surface.yRange[0],
      yMax: surface.yRange[1],
    },
    fields: { z: field('q16', evaluateGrid(surface), [n, n]) },
  };
}
