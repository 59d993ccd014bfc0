/**
 * Colours of class indices (regions, scatter): class c is Okabe–Ito colour c of the page's palette
 * (charts/palette.ts), repeating past eight classes; a value that is not a class (NaN, negative) is NAN_RGB.
 */
import { VARIANT_COLORS } from '../charts/palette.ts';
import { NAN_RGB } from './colorScale.ts';
import type { Rgb } from './heatColor.ts';

/** "#rrggbb" as sRGB bytes. */
export function hexRgb(hex: string): Rgb {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const CLASS_RGB: readonly Rgb[] = VARIANT_COLORS.map(hexRgb);

/** The class a stored value names: floats round to the nearest index (q8/f32 fields); −1 when it is none. */
export function classIndex(v: number): number {
  if (!Number.isFinite(v)) return -1;
  const c = Math.round(v);
  return c < 0 ? -1 : c;
}

export function classRgb(v: number): Rgb {
  const c = classIndex(v);
  return c < 0 ? NAN_RGB : (CLASS_RGB[c % CLASS_RGB.length] as Rgb);
}

export function classCss(v: number): string {
  const [r, g, b] = classRgb(v);
  return `rgb(${r} ${g} ${b})`;
}
