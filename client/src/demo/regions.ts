/**
 * The regions panel's image: a [ny, nx] field of class indices (row 0 at yMin, the bottom of the plot) as RGBA
 * rows for a canvas (row 0 at the top), so the rows are flipped. Each cell is its class colour, darkened by half
 * so the points drawn on top in the full class colour stand out from the region they sit in (a contrast ratio of
 * at least 1.9 for every class, where 0.72 of the colour left the dark blue and sky blue points at 1.5: ch08-02's
 * spiral points vanished into their own class's region), and, with a confidence field, washed
 * towards LIGHT as the confidence falls: a cell of confidence c is (1 − c)·WASH of the way to LIGHT, so
 * certain areas keep their colour and the band around a decision boundary turns pale.
 */
import { classIndex, classRgb } from './classColor.ts';
import { NAN_RGB } from './colorScale.ts';
import type { Rgb } from './heatColor.ts';

/** What low confidence fades towards: a light neutral, brighter than anything else in the plot. */
export const LIGHT: Rgb = [236, 239, 244];
/** How far a confidence of 0 fades a cell towards LIGHT. */
export const WASH = 0.85;
/** Share of the class colour kept in a fully confident cell (the rest is the page's dark panel colour). */
export const BASE = 0.5;
const PANEL: Rgb = [18, 23, 32];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/**
 * Colour of a cell of class `cls` with confidence `conf` in [0, 1] (clamped; undefined = certain). A cell
 * that names no class, or whose confidence is not finite, is NAN_RGB.
 */
export function regionColor(cls: number, conf?: number): Rgb {
  if (classIndex(cls) < 0 || (conf !== undefined && !Number.isFinite(conf))) return NAN_RGB;
  const base = mix(PANEL, classRgb(cls), BASE);
  if (conf === undefined) return base;
  return mix(base, LIGHT, (1 - Math.min(1, Math.max(0, conf))) * WASH);
}

/** RGBA bytes (nx × ny pixels, top row first) of classes [ny, nx] and the optional confidence [ny, nx]. */
export function regionRGBA(
  classes: ArrayLike<number>,
  conf: ArrayLike<number> | undefined,
  nx: number,
  ny: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(nx * ny * 4);
  for (let j = 0; j < ny; j++) {
    const top = ny - 1 - j;
    for (let i = 0; i < nx; i++) {
      const src = j * nx + i;
      const rgb = regionColor(classes[src] as number, conf ? (conf[src] as number) : undefined);
      const o = (top * nx + i) * 4;
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = 255;
    }
  }
  return out;
}

/** WCAG relative luminance of an sRGB colour (bytes), 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The classes a regions panel shows, for its legend: those of its points and its cells, smallest first (at most
 * `max`: a legend of more would not be read).
 */
export function classesShown(points: readonly number[][], cells: ArrayLike<number>, max = 10): number[] {
  const seen = new Set<number>();
  for (const row of points) {
    const c = classIndex(row[2] ?? NaN);
    if (c >= 0) seen.add(c);
  }
  for (let i = 0; i < cells.length && seen.size <= max; i++) {
    const c = classIndex(cells[i] as number);
    if (c >= 0) seen.add(c);
  }
  return [...seen].sort((a, b) => a - b).slice(0, max);
}
