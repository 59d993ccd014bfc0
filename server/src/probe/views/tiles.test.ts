import { describe, expect, it } from 'vitest';
import { convKernelTiles, denseColumnTiles, indexCaptions, tilesView } from './tiles.ts';

describe('denseColumnTiles', () => {
  // W [4, 3] with W[i, j] = 10·i + j: tile j pixel (r, c) must be W[2r + c, j] = 10·(2r + c) + j.
  const W = Float32Array.from({ length: 12 }, (_, k) => 10 * Math.floor(k / 3) + (k % 3));

  it('lays column j out as a 2×2 image, input pixel by input pixel', () => {
    expect(Array.from(denseColumnTiles(W, 4, 3, 2, 2))).toEqual([0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32]);
  });

  it('takes only the first `count` columns, and refuses shapes that do not fit', () => {
    expect(Array.from(denseColumnTiles(W, 4, 3, 2, 2, 1))).toEqual([0, 10, 20, 30]);
    expect(() => denseColumnTiles(W, 4, 3, 1, 3)).toThrow(RangeError);
    expect(() => denseColumnTiles(W, 3, 3, 1, 3)).toThrow(RangeError);
  });
});

describe('convKernelTiles', () => {
  // W [kh 2, kw 2, in 2, out 3] with W[r, c, i, o] = 1000r + 100c + 10i + o (row-major, out fastest).
  const W = new Float32Array(24);
  for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) for (let i = 0; i < 2; i++) for (let o = 0; o < 3; o++) W[((r * 2 + c) * 2 + i) * 3 + o] = 1000 * r + 100 * c + 10 * i + o;

  it('input channel 1 of every output channel: tile o = W[:, :, 1, o]', () => {
    expect(Array.from(convKernelTiles(W, 2, 2, 2, 3, 1))).toEqual([10, 110, 1010, 1110, 11, 111, 1011, 1111, 12, 112, 1012, 1112]);
  });

  it('all kernels, output by output then input: tile o·in + i = W[:, :, i, o]', () => {
    const t = convKernelTiles(W, 2, 2, 2, 3);
    expect(t.length).toBe(24);
    // tile 3 = out 1, in 1; tile 4 = out 2, in 0
    expect(Array.from(t.subarray(12, 16))).toEqual([11, 111, 1011, 1111]);
    expect(Array.from(t.subarray(16, 20))).toEqual([2, 102, 1002, 1102]);
    expect(() => convKernelTiles(W, 2, 2, 2, 3, 2)).toThrow(RangeError);
  });
});

describe('tilesView', () => {
  it('stores the tiles 8-bit quantised, with shape [k, h, w] and the panel naming its field', () => {
    const v = tilesView('t', 'title', new Float32Array(8), 2, 2, 2, { scale: 'grey', captions: indexCaptions(2), group: 'g' });
    expect(v.fields.t).toMatchObject({ dtype: 'q8', dims: [2, 2, 2] });
    expect(v.layout).toEqual([{ kind: 'tiles', title: 'title', field: 't', scale: 'grey', captions: ['0', '1'], group: 'g' }]);
    expect(() => tilesView('t', 'title', new Float32Array(7), 2, 2, 2)).toThrow(RangeError);
  });
});
