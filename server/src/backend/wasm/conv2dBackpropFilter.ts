/**
 * Conv2DBackpropFilter for wasm (missing there in 4.22.0):
 *
 *   dW[i, j, ci, co] = Σ_{b, oy, ox} xpad[b, oy·sh + i, ox·sw + j, ci] · dy[b, oy, ox, co]
 *
 * Two formulations, both ending on XNNPACK (setFilterGradMethod; the conv of transposes by default):
 *
 * - im2col + one matMul (few filter taps·channels, e.g. a first conv layer on 1-channel images):
 *   cols[(i, j, ci), (b, oy, ox)] = xpad[b, oy·sh + i, ox·sw + j, ci] gathered in one JS pass, then
 *   dW [kh·kw·Ci, Co] = cols [kh·kw·Ci, P] · dy [P, Co] with P = B·oh·ow, which is [kh, kw, Ci, Co] as it
 *   lies. No faster in training than the conv of transposes, see setFilterGradMethod.
 *
 * - conv of transposes (many taps·channels): read x as a batch of Ci images with B channels,
 *   X' = x^T [Ci, H, W, B], and dy as a filter of size oh×ow with B input and Co output channels,
 *   F' = [oh, ow, B, Co]. Then dW is the convolution of X' with F' at stride 1 and dilation (sh, sw):
 *   out[ci, i, j, co] = Σ_{u, v, b} X'pad[ci, i + u·sh, j + v·sw, b] · F'[u, v, b, co], the batch axis
 *   becoming the summed channel axis; the result [Ci, kh, kw, Co] is transposed to [kh, kw, Ci, Co]. With
 *   Ci = 1 this is one image convolved with a huge oh×ow filter for only kh×kw output pixels (ch09-05
 *   conv1: ~3.4 ms for 20 MFLOP, most of it packing dy as the filter).
 */
import * as tf from '@tensorflow/tfjs-core';
import { noTranspose, xnnWeights } from './batchMatMul.ts';
import { backendNameOf, type Info, type KernelArgs, type Scratch, type WasmBackend, withScratch } from './scratch.ts';

export type FilterGradMethod = 'im2col' | 'transposes';

/**
 * The formulation used; 'transposes' unless a benchmark or test asks otherwise. im2col is kept, tested, for
 * the record: measured in training (ch09-05, ch09-06 steps, both methods alternated in one process, machine
 * loaded) conv1's filter gradient took 3.57 vs 3.51 ms and 3.27 vs 3.45 ms (im2col vs transposes), and on
 * single calls with a fresh dy each time (as in training) 0.93–1.09× for Ci = 1 (16×16 and 28×28, 3×3 to
 * 7×7, batch 100–500) and 1.2–2.3× slower for kh·kw·Ci ≥ 50 (ch09-05 conv2: 15.1 vs 6.6 ms). The product
 * itself is fast (0.9 ms for conv1), but XNNPACK packs its "weights" operand dy [P, Co] afresh for every new
 * tensor (~1 ms for 25 600 × 16) and the gather writes kh·kw·Ci·P floats from JS (~1 ms): no gain left.
 * (With the same dy reused, i.e. packing cached, single-call benchmarks had shown 0.4–0.7×: a trap.)
 */
let filterGradMethod: FilterGradMethod = 'transposes';
export function setFilterGradMethod(m: FilterGradMethod): void {
  filterGradMethod = m;
}

export function conv2dBackpropFilter(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const attrs = (args.attrs ?? {}) as unknown as tf.Conv2DBackpropFilterAttrs;
  if (tf.backend_util.convertConv2DDataFormat(attrs.dataFormat) !== 'channelsLast') {
    throw new Error("wasm Conv2DBackpropFilter fill-in supports dataFormat 'NHWC' only");
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  // The gather reads and writes the wasm heap directly; on cpu (cpu.ts reuses this kernel) the conv of
  // transposes runs on cpu's own kernels.
  const im2col = filterGradMethod === 'im2col' && backendNameOf(backend) === 'wasm' && x.dtype === 'float32' && dy.dtype === 'float32';
  return withScratch(backend, (s) => (im2col ? viaIm2col(s, x, dy, info) : viaTransposes(s, x, dy, info)));
}

function viaIm2col(s: Scratch, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const P = info.batchSize * info.outHeight * info.outWidth;
  const cols = s.hold(s.backend.makeOutput([1, kh * kw * ci, P], 'float32'));
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  gather(s.backend.typedArrayFromHeap(x) as Float32Array, s.backend.typedArrayFromHeap(cols) as Float32Array, info);
  const weights = xnnWeights(s, s.reshape(dy, [1, P, co]));
  const product = s.native('BatchMatMul', { a: cols, b: weights }, noTranspose); // [1, kh·kw·Ci, Co]
  return s.reshape(product, [kh, kw, ci, co]);
}

/**
 * cols[(i, j, c), (b, oy, ox)] = x[b, oy·sh + i − top, ox·sw + j − left, c], 0 outside x. Each row is
 * written in order; for one (i, j, c, b, oy) the valid ox form one run [oxa, oxb) read at stride sw·Ci.
 */
function gather(xv: Float32Array, cv: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C } = info;
  const { outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const rowStride = W * C;
  const step = sw * C;
  let o = 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      // Output columns whose input column ox·sw + j − left lies in [0, W).
      const oxa = Math.min(ow, Math.max(0, Math.ceil((left - j) / sw)));
      const oxb = Math.max(oxa, Math.min(ow, Math.ceil((W + left - j) / sw)));
      for (let c = 0; c < C; c++) {
        for (let b = 0; b < B; b++) {
          for (let oy = 0; oy < oh; oy++) {
            const r = oy * sh + i - top;
            if (r < 0 || r >= H) {
              cv.fill(0, o, o + ow);
              o += ow;
              continue;
            }
            let ox = 0;
            for (; ox < oxa; ox++) cv[o++] = 0;
            let k = (b * H + r) * rowStride + (oxa * sw + j - left) * C + c;
            for (; ox < oxb; ox++, k += step) cv[o++] = xv[k] as number;
            for (; ox < ow; ox++) cv[o++] = 0;
          }
        }
      }
    }
  }
}

function viaTransposes(s: Scratch, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { outHeight: oh, outWidth: ow, inHeight: H, inWidth: W, inChannels: ci, outChannels: co } = info;
  const { top, left } = info.padInfo;
  const xT = s.transpose(x, [3, 1, 2, 0]); // [Ci, H, W, B]
  const dyT = s.transpose(dy, [1, 2, 0, 3]); // [oh, ow, B, Co]: the filter
  // Pad bottom/right so the dilated filter slides exactly kh×kw times; when the input has rows no window
  // reaches (stride remainder), the convolution yields extra positions and we crop them below.
  const bottom = kh + (oh - 1) * sh - H - top;
  const right = kw + (ow - 1) * sw - W - left;
  const conv = s.run(
    'Conv2D',
    { x: xT, filter: dyT },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [top, Math.max(0, bottom)],
        [left, Math.max(0, right)],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations: [sh, sw],
    },
  ); // [Ci, ≥kh, ≥kw, Co]
  const cropped = s.slice(conv, [0, 0, 0, 0], [ci, kh, kw, co]);
  return s.transpose(cropped, [1, 2, 0, 3]); // [kh, kw, Ci, Co]
}
