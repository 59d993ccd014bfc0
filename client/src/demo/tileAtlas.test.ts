import { describe, expect, it } from 'vitest';
import { scaleDomain } from './colorScale.ts';
import { atlasAt, tileAtlas } from './tileAtlas.ts';

describe('tileAtlas', () => {
  // Three 1×2 tiles, two to a row: row 0 holds tiles 0 and 1, row 1 tile 2 and an empty slot.
  const tiles = { k: 3, h: 1, w: 2, data: [0, 1, 0.5, NaN, 1, 0] };
  const a = tileAtlas(tiles, 2, scaleDomain(tiles.data, 'grey'));
  const px = (x: number, y: number) => Array.from(a.rgba.slice((y * a.width + x) * 4, (y * a.width + x) * 4 + 4));

  it('puts each tile in its slot, coloured on the shared scale', () => {
    expect([a.width, a.height]).toEqual([4, 2]);
    expect(px(0, 0)).toEqual([0, 0, 0, 255]);
    expect(px(1, 0)).toEqual([255, 255, 255, 255]);
    expect(px(2, 0)).toEqual([128, 128, 128, 255]);
    expect(px(0, 1)).toEqual([255, 255, 255, 255]);
    expect(px(1, 1)).toEqual([0, 0, 0, 255]);
    expect(atlasAt(tiles, 2, 2)).toEqual({ x: 0, y: 1 });
  });
  it('draws NaN mid grey and leaves the empty slot transparent', () => {
    expect(px(3, 0)).toEqual([128, 128, 128, 255]);
    expect(px(2, 1)[3]).toBe(0);
  });
});
