/**
 * Conv2DBackpropFilter for wasm (missing there in 4.22.0), as one forward convolution of transposes so it
 * runs on XNNPACK:
 *
 *   dW[i, j, ci, co] = Σ_{b, oy, ox} xpad[b, oy·sh + i, ox·sw + j, ci] · dy[b, oy, ox, co]
 *
 * Read x as a batch of Ci images with B channels, X' = x^T [Ci, H, W, B], and dy as a filter of size
 * oh×ow with B input and Co output channels, F' = [oh, ow, B, Co]. Then dW is the convolution of X' with F'
 * at stride 1 and dilation (sh, sw): out[ci, i, j, co] = Σ_{u, v, b} X'pad[ci, i + u·sh, j + v·sw, b] · F'[u, v, b, co],
 * the batch axis becoming the summed channel axis. The result [Ci, kh, kw, Co] is transposed to
 * [kh, kw, Ci, Co]. Fastest of the variants measured in shared/notes/tfjs-backends.md §2 (≈30–37 ms in a
 * 28×28 batch-100 CNN step; im2col + matMul was +270 ms, JS loops +430 ms).
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Info, type KernelArgs, type WasmBackend, withScratch } from './scratch.ts';

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
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { outHeight: oh, outWidth: ow, inHeight: H, inWidth: W, inChannels: ci, outChannels: co } = info;
  const { top, left } = info.padInfo;

  return withScratch(backend, (s) => {
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
  });
}
