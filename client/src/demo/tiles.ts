/**
 * The tiles panel's shape and layout: a field [k, h, w] read as k images of h × w, laid out in a wrapping grid
 * of equal cells, each image pixel an integer number of CSS pixels so every tile stays crisp.
 */
import type { Field } from '@gradcast/shared';
import { balancedColumns, fitColumns } from './columns.ts';

export interface Tiles {
  k: number;
  h: number;
  w: number;
  /** Row-major [k, h, w]: tile t's pixel (i, j) is data[(t·h + i)·w + j]. */
  data: ArrayLike<number>;
}

/** A [k, h, w] field as tiles ([h, w] is one tile); null when the shape is neither or does not match the data. */
export function tilesOf(f: Field | undefined): Tiles | null {
  if (!f) return null;
  const dims = f.dims.length === 2 ? [1, ...f.dims] : f.dims;
  if (dims.length !== 3) return null;
  const [k, h, w] = dims as [number, number, number];
  if (k * h * w !== f.data.length) return null;
  return { k, h, w, data: f.data };
}

/** Largest tile side, in CSS px (a 3×3 kernel does not fill the page). */
export const MAX_TILE = 96;
/** Height the grid tries to stay under, in CSS px: smaller pixels before a gallery runs off the screen. */
export const MAX_HEIGHT = 600;
/** Height of the caption line under each tile, when there are captions (CSS px). */
export const CAPTION_H = 15;

export interface TileLayout {
  cols: number;
  rows: number;
  /** CSS px per image pixel (an integer). */
  pixel: number;
  /** A tile's drawn size, CSS px. */
  tileW: number;
  tileH: number;
  /** Space between cells, CSS px. */
  gap: number;
  /** Caption line height under each tile (0 without captions). */
  captionH: number;
  /** Whole grid, CSS px. */
  width: number;
  height: number;
}

function layoutAt(k: number, h: number, w: number, width: number, pixel: number, captionH: number): TileLayout {
  const tileW = w * pixel;
  const tileH = h * pixel;
  const gap = Math.max(tileW, tileH) < 20 ? 2 : 4;
  const cols = balancedColumns(k, fitColumns(width, tileW, gap));
  const rows = Math.ceil(k / cols);
  return {
    cols,
    rows,
    pixel,
    tileW,
    tileH,
    gap,
    captionH,
    width: cols * tileW + (cols - 1) * gap,
    height: rows * (tileH + captionH) + (rows - 1) * gap,
  };
}

/**
 * The largest integer pixel size, up to a MAX_TILE tile, whose grid fits `width` CSS px and stays under
 * MAX_HEIGHT; 1 px per pixel when even that is taller (the page then scrolls rather than lose pixels).
 */
export function tileLayout(k: number, h: number, w: number, width: number, captions = false): TileLayout {
  const captionH = captions ? CAPTION_H : 0;
  const side = Math.max(1, h, w);
  for (let p = Math.max(1, Math.floor(MAX_TILE / side)); p > 1; p--) {
    const l = layoutAt(k, h, w, width, p, captionH);
    if (l.height <= MAX_HEIGHT && l.width <= width) return l;
  }
  return layoutAt(k, h, w, width, 1, captionH);
}

/** Top-left corner of tile t's cell, CSS px from the grid's corner (its caption sits under the tile). */
export function tileAt(l: TileLayout, t: number): { x: number; y: number } {
  return { x: (t % l.cols) * (l.tileW + l.gap), y: Math.floor(t / l.cols) * (l.tileH + l.captionH + l.gap) };
}
