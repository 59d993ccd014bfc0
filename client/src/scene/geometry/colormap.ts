/**
 * Viridis (perceptually uniform, colour-blind safe) as a 256-entry lookup table of sRGB components in [0, 1].
 * The table is sampled once from d3-scale-chromatic so per-vertex colouring of a large grid does no string parsing.
 */
import { interpolateViridis } from 'd3-scale-chromatic';

const LUT_SIZE = 256;

export type Interpolator = (t: number) => string;

/** Parses the "#rrggbb" or "rgb(r, g, b)" strings d3 interpolators return into sRGB components in [0, 1]. */
export function parseColor(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  }
  const rgb = /^rgb\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/.exec(css);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  throw new RangeError(`not a colour: ${css}`);
}

/** Table of LUT_SIZE × 3 sRGB components sampled from `interpolate` at t = k / (LUT_SIZE − 1). */
export function colorTable(interpolate: Interpolator = interpolateViridis): Float32Array {
  const table = new Float32Array(LUT_SIZE * 3);
  for (let k = 0; k < LUT_SIZE; k++) table.set(parseColor(interpolate(k / (LUT_SIZE - 1))), k * 3);
  return table;
}

/** Writes the colour at level t ∈ [0, 1] (clamped) from `table` into out[at … at + 2]. */
export function writeColor(table: Float32Array, t: number, out: Float32Array, at: number): void {
  const k = Math.round((t < 0 ? 0 : t > 1 ? 1 : t) * (LUT_SIZE - 1)) * 3;
  out[at] = table[k] as number;
  out[at + 1] = table[k + 1] as number;
  out[at + 2] = table[k + 2] as number;
}
