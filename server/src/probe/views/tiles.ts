/**
 * Weight matrices as `tiles` panels: k small images [k, h, w] drawn on one shared colour scale (the diverging
 * scale for weights, so the sign of each weight reads at a glance).
 *
 * Layouts are TF.js's (train/model.ts): a dense layer's W is [in, out] row-major, so unit j's incoming weights are
 * column j, strided by `out`; a conv kernel is [kh, kw, inCh, outCh].
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/**
 * The first `count` columns of a dense W [inDim, outDim] as tiles [count, h, w]: tile j pixel (r, c) is
 * W[r·w + c, j], the weight from input pixel (r, c) to unit j (its "template"). h·w must equal inDim.
 */
export function denseColumnTiles(W: ArrayLike<number>, inDim: number, outDim: number, h: number, w: number, count = outDim): Float32Array {
  if (h * w !== inDim) throw new RangeError(`denseColumnTiles: ${h}×${w} tiles cannot hold ${inDim} inputs`);
  if (W.length !== inDim * outDim) throw new RangeError(`denseColumnTiles: W has ${W.length} values, not ${inDim}×${outDim}`);
  if (count < 0 || count > outDim) throw new RangeError(`denseColumnTiles: ${count} of ${outDim} columns`);
  const out = new Float32Array(count * inDim);
  // Reads W row by row (sequentially) and scatters into the tiles: one pass over the used part of W.
  for (let i = 0; i < inDim; i++) {
    const row = i * outDim;
    for (let j = 0; j < count; j++) out[j * inDim + i] = W[row + j] as number;
  }
  return out;
}

/**
 * Conv kernels W [kh, kw, inCh, outCh] as tiles [kh, kw] each: of input channel `inChannel` only, one per output
 * channel ([outCh, kh, kw], tile o = W[:, :, inChannel, o]); or all of them ([outCh·inCh, kh, kw], tile o·inCh + i
 * = W[:, :, i, o], so the tiles run output by output like the course's out × in grid).
 */
export function convKernelTiles(W: ArrayLike<number>, kh: number, kw: number, inCh: number, outCh: number, inChannel?: number): Float32Array {
  if (W.length !== kh * kw * inCh * outCh) throw new RangeError(`convKernelTiles: W has ${W.length} values, not ${kh}×${kw}×${inCh}×${outCh}`);
  if (inChannel !== undefined && (inChannel < 0 || inChannel >= inCh)) throw new RangeError(`convKernelTiles: input channel ${inChannel} of ${inCh}`);
  const ins = inChannel === undefined ? inCh : 1;
  const out = new Float32Array(outCh * ins * kh * kw);
  for (let o = 0; o < outCh; o++) {
    for (let t = 0; t < ins; t++) {
      const i = inChannel ?? t;
      const base = (o * ins + t) * kh * kw;
      for (let p = 0; p < kh * kw; p++) out[base + p] = W[(p * inCh + i) * outCh + o] as number;
    }
  }
  return out;
}

export interface TilesOptions {
  scale?: 'diverging' | 'sequential' | 'grey';
  captions?: string[];
  group?: string;
}

/** A `tiles` panel over `data` [k, h, w], stored 8-bit quantised (q8: 254 levels, as many as a colour map shows). */
export function tilesView(name: string, title: string, data: Float32Array, k: number, h: number, w: number, opts: TilesOptions = {}): DemoView {
  if (data.length !== k * h * w) throw new RangeError(`tilesView ${name}: ${data.length} values for ${k} tiles of ${h}×${w}`);
  return {
    fields: { [name]: field('q8', data, [k, h, w]) },
    layout: [
      {
        kind: 'tiles',
        title,
        field: name,
        scale: opts.scale ?? 'diverging',
        ...(opts.captions ? { captions: opts.captions } : {}),
        ...(opts.group ? { group: opts.group } : {}),
      },
    ],
  };
}

/** "0", "1", … "n−1": captions naming tiles by index (digits, channels). */
export const indexCaptions = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));
