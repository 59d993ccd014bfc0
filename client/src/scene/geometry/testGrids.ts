/** Surface fixtures for the geometry tests (not shipped: only *.test.ts files import this). */
import { encodeFrame, decodeFrame, field, type Frame } from '@gradcast/shared';

/** Loss grid of f(w, b) on linspace(xMin, xMax, nx) × linspace(yMin, yMax, ny), [ny, nx] row-major. */
export function sampleGrid(
  f: (w: number, b: number) => number,
  nx: number,
  ny: number,
  [xMin, xMax, yMin, yMax]: [number, number, number, number],
): Float32Array {
  const z = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      z[j * nx + i] = f(xMin + (i * (xMax - xMin)) / (nx - 1), yMin + (j * (yMax - yMin)) / (ny - 1));
    }
  }
  return z;
}

/** A surface frame as the client receives it (through the codec, so `z` is q16-quantised). */
export function surfaceFrame(z: Float32Array, nx: number, ny: number, range: [number, number, number, number]): Frame {
  const [xMin, xMax, yMin, yMax] = range;
  return decodeFrame(
    encodeFrame({
      channel: 'surface',
      generation: 1,
      step: 0,
      meta: { xMin, xMax, yMin, yMax, xLabel: 'w', yLabel: 'b', kind: 'exact' },
      fields: { z: field('q16', z, [ny, nx]) },
    }),
  );
}

/** The course's ch02-03 data (noise-free): x = −3 … 2.9 step 0.1 (60 points), y = x − 1. */
export const COURSE_X = Array.from({ length: 60 }, (_, k) => -3 + k * 0.1);
/** Mean squared error of ŷ = w·x + b on the noise-free course data. */
export function courseLoss(w: number, b: number): number {
  let s = 0;
  for (const x of COURSE_X) s += (w * x + b - (x - 1)) ** 2;
  return s / COURSE_X.length;
}
