/**
 * Colour scales of the tiles panel, as 256-level byte tables so 512 tiles are coloured once a second without
 * parsing a colour string per pixel.
 *  - diverging: ColorBrewer RdBu reversed (d3 interpolateRdBu(1 − t)): negative blue, 0 near-white, positive
 *    red, over the symmetric domain ±max|v|, so the colour of 0 is the same in every tile and every frame;
 *  - sequential: viridis over the data's [min, max];
 *  - grey: pixels in [0, 1] (clamped), 0 black and 1 white, as MNIST digits and the image panel are drawn.
 * A non-finite value is drawn NAN_RGB, a mid grey that none of the three scales uses for a number (grey's 0.5
 * is the same level, which a digit's few mid-grey pixels can live with).
 */
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { parseColor } from '../scene/geometry/colormap.ts';
import type { Rgb } from './heatColor.ts';

export type TileScale = 'diverging' | 'sequential' | 'grey';

/** What a value maps onto: [lo, hi] are the colour scale's ends, in the field's units. */
export interface ScaleDomain {
  scale: TileScale;
  lo: number;
  hi: number;
  /** How many values were not finite (the legend shows their colour only when there are some). */
  nonFinite: number;
}

export const NAN_RGB: Rgb = [128, 128, 128];
export const LEVELS = 256;

/**
 * The domain of `data` on `scale`. Without a stated scale, data with a negative value is diverging, otherwise
 * sequential (as the grid panel decides). An all-NaN or empty field gets [0, 1] (−1…1 when diverging).
 */
export function scaleDomain(data: ArrayLike<number>, scale?: TileScale): ScaleDomain {
  let lo = Infinity;
  let hi = -Infinity;
  let nonFinite = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const empty = lo === Infinity;
  const kind: TileScale = scale ?? (!empty && lo < 0 ? 'diverging' : 'sequential');
  if (kind === 'grey') return { scale: kind, lo: 0, hi: 1, nonFinite };
  if (kind === 'diverging') {
    const m = empty ? 1 : Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return { scale: kind, lo: -m, hi: m, nonFinite };
  }
  return empty ? { scale: kind, lo: 0, hi: 1, nonFinite } : { scale: kind, lo, hi, nonFinite };
}

const interpolators: Record<TileScale, (t: number) => string> = {
  diverging: (t) => interpolateRdBu(1 - t),
  sequential: interpolateViridis,
  grey: (t) => {
    const g = Math.round(t * 255);
    return `rgb(${g}, ${g}, ${g})`;
  },
};

const tables = new Map<TileScale, Uint8Array>();

/** LEVELS × 3 sRGB bytes of `scale`, level k at t = k / (LEVELS − 1); built once per scale. */
export function colorTable(scale: TileScale): Uint8Array {
  let table = tables.get(scale);
  if (!table) {
    table = new Uint8Array(LEVELS * 3);
    for (let k = 0; k < LEVELS; k++) {
      const rgb = parseColor(interpolators[scale](k / (LEVELS - 1)));
      for (let c = 0; c < 3; c++) table[k * 3 + c] = Math.round((rgb[c] as number) * 255);
    }
    tables.set(scale, table);
  }
  return table;
}

/** Level (0 … LEVELS − 1) of v in the domain, clamped; −1 for a non-finite value. A flat domain is mid-level. */
export function levelOf(v: number, d: ScaleDomain): number {
  if (!Number.isFinite(v)) return -1;
  const t = d.hi > d.lo ? (v - d.lo) / (d.hi - d.lo) : 0.5;
  return Math.round(Math.min(1, Math.max(0, t)) * (LEVELS - 1));
}

/** The colour of v, as the tiles draw it. */
export function scaleColor(v: number, d: ScaleDomain): Rgb {
  const k = levelOf(v, d);
  if (k < 0) return [...NAN_RGB];
  const t = colorTable(d.scale);
  return [t[k * 3] as number, t[k * 3 + 1] as number, t[k * 3 + 2] as number];
}

/** A CSS linear-gradient (left = lo, right = hi) of the scale, for the legend bar. */
export function legendGradient(scale: TileScale, stops = 9): string {
  const table = colorTable(scale);
  const parts: string[] = [];
  for (let s = 0; s < stops; s++) {
    const k = Math.round((s / (stops - 1)) * (LEVELS - 1)) * 3;
    parts.push(`rgb(${table[k]} ${table[k + 1]} ${table[k + 2]}) ${Math.round((s / (stops - 1)) * 100)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/**
 * The one value every finite entry of `data` holds, or null when they differ (or there is none). A layer whose
 * units are all dead (ReLU feature maps after a step that killed them: ch09-05 with Adam at lr 0.1) is all 0,
 * and a colour bar from 0 to 0 would say nothing.
 */
export function constantValue(data: ArrayLike<number>): number | null {
  let value: number | null = null;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) continue;
    if (value === null) value = v;
    else if (v !== value) return null;
  }
  return value;
}

/**
 * What a panel whose values are all `value` says instead of a colour bar: "all units inactive (0)" for zeros (the
 * ReLU of a dead layer), else "all values v".
 */
export function constantNote(value: number, format: (v: number) => string = String): string {
  return value === 0 ? 'all units inactive (0)' : `all values ${format(value)}`;
}
