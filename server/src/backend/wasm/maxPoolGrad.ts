/**
 * MaxPoolGrad for wasm. wasm's own kernel starts its running max at the smallest positive float instead of
 * the lowest one, so a window whose values are all ≤ ~1e-38 (all-negative or all-zero) gets no gradient at
 * all (relative error 1.0 against cpu; up to 1.8e2 on a whole tanh CNN, shared/notes/tfjs-backends.md §1).
 *
 * One pass in JS over the wasm heap: for every output (b, oy, ox, c), the first maximum of its window in
 * row-major order (cpu's tie rule and its comparison: strictly greater, from −∞, padding skipped) receives
 * dy, accumulated where windows overlap. Measured about twice as fast as the argMax/oneHot kernel chain
 * (maxPoolGradOps.ts): 2.6 vs 4.5–6 ms on [100,16,16,16] 2×2/2, which pays one transpose, ArgMax, OneHot,
 * Cast, a broadcasting Multiply and the transpose back.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export function maxPoolGrad(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { dy, input: x } = args.inputs as { dy: Info; input: Info };
  const attrs = (args.attrs ?? {}) as unknown as tf.MaxPoolGradAttrs;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('MaxPoolGrad on wasm supports float32 only');
  const info = tf.backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C } = info;
  const { outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;

  const dx = backend.makeOutput(x.shape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const xv = backend.typedArrayFromHeap(x) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  const dxv = backend.typedArrayFromHeap(dx) as Float32Array;
  dxv.fill(0);
  const rowStride = W * C;
  if (kh === 2 && kw === 2 && top === 0 && left === 0 && (oh - 1) * sh + 2 <= H && (ow - 1) * sw + 2 <= W) {
    windows2x2(xv, dyv, dxv, B, H, W, C, oh, ow, sh, sw);
    return dx;
  }
  let o = 0; // flat index of (b, oy, ox, 0) in dy
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const r0 = oy * sh - top; // window rows [r0, r0 + kh) clipped to the input
      const ra = r0 < 0 ? 0 : r0;
      const rb = r0 + kh > H ? H : r0 + kh;
      for (let ox = 0; ox < ow; ox++, o += C) {
        const c0 = ox * sw - left;
        const ca = c0 < 0 ? 0 : c0;
        const cb = c0 + kw > W ? W : c0 + kw;
        const corner = (b * H + ra) * rowStride + ca * C;
        for (let ch = 0; ch < C; ch++) {
          let bestV = -Infinity;
          let bestK = -1;
          for (let r = ra, kr = corner + ch; r < rb; r++, kr += rowStride) {
            for (let c = ca, k = kr; c < cb; c++, k += C) {
              const v = xv[k] as number;
              if (v > bestV) {
                bestV = v;
                bestK = k;
              }
            }
          }
          if (bestK >= 0) dxv[bestK] = (dxv[bestK] as number) + (dyv[o + ch] as number);
        }
      }
    }
  }
  return dx;
}

/**
 * The course's pools (2×2, stride 2 or 1, no padding): every window lies inside x, so no clipping, and the
 * four candidates are compared unrolled in cpu's order (row-major, strictly greater, from −∞: a NaN never
 * wins, an all-NaN window passes no gradient). 0.5 vs 2.6 ms for the general loop on [100, 16, 16, 16] 2×2/2.
 */
function windows2x2(
  xv: Float32Array,
  dyv: Float32Array,
  dxv: Float32Array,
  B: number,
  H: number,
  W: number,
  C: number,
  oh: number,
  ow: number,
  sh: number,
  sw: number,
): void {
  const rowStride = W * C;
  let o = 0; // flat index of (b, oy, ox, 0) in dy
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < oh; oy++) {
      let corner = (b * H + oy * sh) * rowStride; // (b, oy·sh, ox·sw, 0) in x
      for (let ox = 0; ox < ow; ox++, corner += sw * C) {
        for (let ch = 0, k = corner; ch < C; ch++, k++, o++) {
          let bestV = -Infinity;
          let bestK = -1;
          let v = xv[k] as number;
          if (v > bestV) {
            bestV = v;
            bestK = k;
          }
          v = xv[k + C] as number;
          if (v > bestV) {
            bestV = v;
            bestK = k + C;
          }
          v = xv[k + rowStride] as number;
          if (v > bestV) {
            bestV = v;
            bestK = k + rowStride;
          }
          v = xv[k + rowStride + C] as number;
          if (v > bestV) bestK = k + rowStride + C;
          if (bestK >= 0) dxv[bestK] = (dxv[bestK] as number) + (dyv[o] as number);
        }
      }
    }
  }
}
