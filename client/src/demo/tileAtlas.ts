/**
 * All tiles of a frame coloured into one RGBA image at their own resolution (an atlas), `cols` tiles to a row:
 * one putImageData per frame, then each tile is scaled onto the page from its place here.
 */
import { colorTable, levelOf, NAN_RGB, type ScaleDomain } from './colorScale.ts';
import type { Tiles } from './tiles.ts';

export interface Atlas {
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** Atlas size in image pixels: cols·w × rows·h. */
  width: number;
  height: number;
}

/** Tile t's top-left pixel in the atlas. */
export function atlasAt(tiles: Tiles, cols: number, t: number): { x: number; y: number } {
  return { x: (t % cols) * tiles.w, y: Math.floor(t / cols) * tiles.h };
}

/** The atlas of `tiles` on domain `d`; slots past the last tile stay transparent. */
export function tileAtlas(tiles: Tiles, cols: number, d: ScaleDomain): Atlas {
  const { k, h, w, data } = tiles;
  const c = Math.max(1, cols);
  const width = c * w;
  const height = Math.ceil(k / c) * h;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const table = colorTable(d.scale);
  for (let t = 0; t < k; t++) {
    const { x, y } = atlasAt(tiles, c, t);
    for (let i = 0; i < h; i++) {
      let o = ((y + i) * width + x) * 4;
      let src = (t * h + i) * w;
      for (let j = 0; j < w; j++, o += 4, src++) {
        const level = levelOf(data[src] as number, d);
        if (level < 0) {
          rgba[o] = NAN_RGB[0];
          rgba[o + 1] = NAN_RGB[1];
          rgba[o + 2] = NAN_RGB[2];
        } else {
          rgba[o] = table[level * 3] as number;
          rgba[o + 1] = table[level * 3 + 1] as number;
          rgba[o + 2] = table[level * 3 + 2] as number;
        }
        rgba[o + 3] = 255;
      }
    }
  }
  return { rgba, width, height };
}
