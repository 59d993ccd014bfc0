/**
 * FusedBatchNorm for wasm: out = (x − mean)·scale/√(variance + ε) + offset, the four parameters indexed
 * cyclically (element i uses p[i mod p.size], as cpu's kernel), folded per parameter index into one
 * multiply-add out = x·a + b (a = scale/√(variance + ε), b = offset − mean·a, in float64). wasm's own kernel
 * takes ≈1 ms on [25600, 16] (a division and a square root per element); this one pass ≈0.3 ms. The batch
 * norm of train/model.ts runs five of these per layer and step (its per-feature affine maps).
 * Parameters of different sizes (not met in the course) go to wasm's own kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nativeKernel } from './nativeKernel.ts';
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export function fusedBatchNorm(args: KernelArgs): Info | Info[] {
  const backend = args.backend as WasmBackend;
  const { x, mean, variance, offset, scale } = args.inputs as { x: Info; mean: Info; variance: Info; offset?: Info; scale?: Info };
  const { varianceEpsilon } = (args.attrs ?? {}) as unknown as tf.FusedBatchNormAttrs;
  const params = [mean, variance, offset, scale].filter((p): p is Info => p != null);
  const size = tf.util.sizeFromShape(x.shape);
  const L = tf.util.sizeFromShape(mean.shape);
  const uniform = params.every((p) => p.dtype === 'float32' && tf.util.sizeFromShape(p.shape) === L);
  if (x.dtype !== 'float32' || !uniform || L === 0 || size % L !== 0) return nativeKernel('FusedBatchNorm', backend)(args);

  const out = backend.makeOutput(x.shape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info | undefined): Float32Array | null => (t == null ? null : (backend.typedArrayFromHeap(t) as Float32Array));
  const [xv, ov] = [view(x) as Float32Array, view(out) as Float32Array];
  const [mv, vv, offv, sv] = [view(mean) as Float32Array, view(variance) as Float32Array, view(offset), view(scale)];
  const a = new Float64Array(L);
  const b = new Float64Array(L);
  for (let c = 0; c < L; c++) {
    a[c] = (sv == null ? 1 : (sv[c] as number)) / Math.sqrt((vv[c] as number) + varianceEpsilon);
    b[c] = (offv == null ? 0 : (offv[c] as number)) - (mv[c] as number) * (a[c] as number);
  }
  for (let i = 0; i < size; i += L) {
    for (let c = 0; c < L; c++) ov[i + c] = (xv[i + c] as number) * (a[c] as number) + (b[c] as number);
  }
  return out;
}
