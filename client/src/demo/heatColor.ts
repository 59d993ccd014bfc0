/**
 * Cell colours of a heatmap grid, and a readable text colour on each.
 *  - diverging (around 0): blue for negative, orange for positive, both fading to a dark neutral at 0, so
 *    zeros recede on the dark page and the sign reads at a glance. Blue/orange stays distinct for the common
 *    colour-vision deficiencies. The range is symmetric: ±max|v|.
 *  - sequential: viridis over [min, max].
 * Without a stated scale, a grid with negative values is diverging, otherwise sequential.
 */
import { interpolateViridis } from 'd3-scale-chromatic';
import { parseColor } from '../scene/geometry/colormap.ts';

/** sRGB components in [0, 255]. */
export type Rgb = [number, number, number];

export type HeatScale = 'diverging' | 'sequential';

export interface HeatDomain {
  scale: HeatScale;
  lo: number;
  hi: number;
}

/** 0 on the diverging scale: a little lighter than the panels, so a zero cell still reads as a cell. */
export const NEUTRAL: Rgb = [38, 46, 61];
export const NEGATIVE: Rgb = [59, 139, 234];
export const POSITIVE: Rgb = [240, 138, 36];
const DARK_TEXT = '#0b0e13';
const LIGHT_TEXT = '#eef2f7';

export function heatDomain(data: ArrayLike<number>, scale?: HeatScale): HeatDomain {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return { scale: scale ?? 'sequential', lo: 0, hi: 1 };
  const kind = scale ?? (lo < 0 ? 'diverging' : 'sequential');
  if (kind === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return { scale: kind, lo: -m, hi: m };
  }
  return { scale: kind, lo, hi };
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/** Colour of value v in the domain; the neutral colour for a non-finite value. */
export function heatColor(v: number, d: HeatDomain): Rgb {
  if (!Number.isFinite(v)) return NEUTRAL;
  if (d.scale === 'diverging') {
    const t = Math.min(1, Math.abs(v) / d.hi);
    return mix(NEUTRAL, v < 0 ? NEGATIVE : POSITIVE, t);
  }
  const t = d.hi > d.lo ? (v - d.lo) / (d.hi - d.lo) : 0.5;
  const [r, g, b] = parseColor(interpolateViridis(Math.min(1, Math.max(0, t))));
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

/** Dark text on light cells, light text on dark ones (relative luminance, WCAG's formula). */
export function textOn([r, g, b]: Rgb): string {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // Above ≈ 0.18, black text has the better contrast ratio.
  return luminance > 0.18 ? DARK_TEXT : LIGHT_TEXT;
}

export function css([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}
