/**
 * Sum and Mean for wasm when the reduced axes lead: x [R, C] (after merging the leading reduced axes into R
 * and the rest into C) → [C]. That is every bias gradient (dy [N, H, W, C] summed over N, H, W; dy [N, F]
 * over N) and every batch-norm statistic. wasm's kernels reduce innermost axes only, so they first
 * transpose x to [C, R]: 1.4–1.6 ms for [25600, 16] (a ch09-05 conv1 bias gradient), against ≈0.4 ms for
 * one pass here. Accumulates in float64 (cpu and wasm accumulate in float32), then rounds once.
 * Any other reduction (inner axes, non-float32) goes to wasm's own kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nativeKernel } from './nativeKernel.ts';
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export function sumLeading(args: KernelArgs): Info | Info[] {
  return reduceLeading(args, 'Sum');
}

export function meanLeading(args: KernelArgs): Info | Info[] {
  return reduceLeading(args, 'Mean');
}

function reduceLeading(args: KernelArgs, name: 'Sum' | 'Mean'): Info | Info[] {
  const backend = args.backend as WasmBackend;
  const { x } = args.inputs as { x: Info };
  const { axis, keepDims } = (args.attrs ?? {}) as unknown as tf.SumAttrs;
  const rank = x.shape.length;
  const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
  const k = axes.length;
  const leading = k > 0 && k < rank && axes.every((a, i) => a === i);
  const R = tf.util.sizeFromShape(x.shape.slice(0, k));
  const C = tf.util.sizeFromShape(x.shape.slice(k));
  if (x.dtype !== 'float32' || !leading || R === 0 || C === 0) return nativeKernel(name, backend)(args);

  const outShape = keepDims ? [...new Array<number>(k).fill(1), ...x.shape.slice(k)] : x.shape.slice(k);
  const out = backend.makeOutput(outShape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const v = backend.typedArrayFromHeap(x) as Float32Array;
  const o = backend.typedArrayFromHeap(out) as Float32Array;
  columnSums(v, R, C, o, name === 'Mean' ? 1 / R : 1);
  return out;
}

/**
 * o[c] = scale·Σ_r v[r·C + c], four columns per pass over the rows: each pass reads a cache line once for
 * C ≤ 16, and the four float64 accumulators stay in registers (a Float64Array accumulator per column,
 * read and written per element, measured 3× slower).
 */
export function columnSums(v: Float32Array, R: number, C: number, o: Float32Array, scale = 1): void {
  const size = R * C;
  let c = 0;
  for (; c + 4 <= C; c += 4) {
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let i = c; i < size; i += C) {
      s0 += v[i] as number;
      s1 += v[i + 1] as number;
      s2 += v[i + 2] as number;
      s3 += v[i + 3] as number;
    }
    o[c] = s0 * scale;
    o[c + 1] = s1 * scale;
    o[c + 2] = s2 * scale;
    o[c + 3] = s3 * scale;
  }
  for (; c < C; c++) {
    let s = 0;
    for (let i = c; i < size; i += C) s += v[i] as number;
    o[c] = s * scale;
  }
}
