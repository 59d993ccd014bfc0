/**
 * MaxPoolGrad for wasm built from native kernels only (the formulation in shared/notes/tfjs-backends.md §2);
 * the registered default is the single-pass loop in maxPoolGrad.ts, about twice as fast here. Kept as the
 * alternative: registerWasmKernels({ maxPoolGrad: 'ops' }).
 *
 * The gradient goes to the first maximum of each window in row-major order (cpu's tie rule, which wasm's
 * ArgMax also follows), accumulated when windows overlap:
 * - windows tiling the input (stride = window, no padding; the course's 2×2/2 pools): gather each window's
 *   taps onto the last axis with one reshape + transpose, ArgMax, OneHot (int32; wasm's OneHot ignores a
 *   float dtype) → Cast → × dy, and undo the transpose;
 * - any other window/stride/padding: stack the kh·kw strided slices of the −∞-padded input, ArgMax, and
 *   ScatterNd dy to the flat input index of each winner (ScatterNd sums duplicates, which is what
 *   overlapping windows need), then crop the padding. (The notes scatter back by zero-interleave + pad +
 *   AddN per tap; one ScatterNd does the same in one kernel.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Info, type KernelArgs, type Scratch, type WasmBackend, withScratch } from './scratch.ts';

export function maxPoolGradOps(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { dy, input } = args.inputs as { dy: Info; input: Info };
  const attrs = (args.attrs ?? {}) as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const tiles =
    info.strideHeight === info.filterHeight &&
    info.strideWidth === info.filterWidth &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    info.outHeight * info.filterHeight <= info.inHeight &&
    info.outWidth * info.filterWidth <= info.inWidth;
  return withScratch(backend, (s) => (tiles ? tiled(s, input, dy, info) : general(s, input, dy, info)));
}

/** Windows that tile the input: x viewed as [B·oh, kh, ow, kw, C], taps moved last. */
function tiled(s: Scratch, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C } = info;
  const { outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw } = info;
  const n = B * oh * ow * C;
  const used = s.slice(x, [0, 0, 0, 0], [B, oh * kh, ow * kw, C]); // rows/cols no window covers dropped
  const windows = s.reshape(s.transpose(s.reshape(used, [B * oh, kh, ow, kw, C]), [0, 2, 4, 1, 3]), [n, kh * kw]);
  const winner = s.run('ArgMax', { x: windows }, { axis: 1 }); // [n] int32, first max
  const onehot = s.run('OneHot', { indices: winner }, { depth: kh * kw, onValue: 1, offValue: 0, dtype: 'int32' });
  const mask = s.run('Cast', { x: onehot }, { dtype: 'float32' }); // [n, kh·kw]
  const grad = s.run('Multiply', { a: mask, b: s.reshape(dy, [n, 1]) });
  const back = s.transpose(s.reshape(grad, [B * oh, ow, C, kh, kw]), [0, 3, 1, 4, 2]); // [B·oh, kh, ow, kw, C]
  const dx = s.reshape(back, [B, oh * kh, ow * kw, C]);
  return s.pad(dx, [
    [0, 0],
    [0, H - oh * kh],
    [0, W - ow * kw],
    [0, 0],
  ]);
}

/** Any window, stride and padding. */
function general(s: Scratch, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C } = info;
  const { outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  // Pad with −∞ (never a winner) so every window lies inside; a window always holds ≥ 1 real value.
  const bottom = Math.max(0, (oh - 1) * sh + kh - H - top);
  const right = Math.max(0, (ow - 1) * sw + kw - W - left);
  const [Hp, Wp] = [H + top + bottom, W + left + right];
  const xp = s.pad(
    x,
    [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    -Infinity,
  );
  const taps: Info[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      taps.push(
        s.run(
          'StridedSlice',
          { x: xp },
          {
            begin: [0, i, j, 0],
            end: [B, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, C],
            strides: [1, sh, sw, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        ),
      ); // [B, oh, ow, C]: tap (i, j) of every window
    }
  }
  const n = B * oh * ow * C;
  const stacked = s.reshape(s.run('Pack', taps, { axis: 4 }), [n, kh * kw]);
  const winner = s.run('ArgMax', { x: stacked }, { axis: 1 }); // [n] int32, tap index i·kw + j

  // Flat index into the padded input of each window's winner, [n, 1]. The window of output (b, oy, ox, c)
  // starts at row oy·sh, column ox·sw of the padded input.
  const index = s.hold(s.backend.makeOutput([n, 1], 'int32'));
  const win = s.backend.typedArrayFromHeap(winner) as Int32Array; // views taken after the last allocation
  const out = s.backend.typedArrayFromHeap(index) as Int32Array;
  const tapOffset = new Int32Array(kh * kw);
  for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) tapOffset[i * kw + j] = (i * Wp + j) * C;
  let k = 0;
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const corner = ((b * Hp + oy * sh) * Wp + ox * sw) * C;
        for (let c = 0; c < C; c++, k++) out[k] = corner + c + (tapOffset[win[k] ?? 0] ?? 0);
      }
    }
  }
  const scattered = s.run('ScatterNd', { indices: index, updates: s.reshape(dy, [n]) }, { shape: [B * Hp * Wp * C] });
  return s.slice(s.reshape(scattered, [B, Hp, Wp, C]), [0, top, left, 0], [B, H, W, C]);
}
