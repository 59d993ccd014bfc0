/**
 * One plain-SGD update of one parameter as a single kernel, for the hand-written optimizers
 * (train/optimizers.ts): w' = w − lr·(g + λ·w), the same float32 roundings as the op chain it replaces,
 * tf.sub(w, tf.mul(tf.add(g, tf.mul(w, λ)), lr)) (λ = 0: tf.sub(w, tf.mul(g, lr))), with lr and λ rounded
 * to float32 as the ops' scalar tensors are. Each float64 ∘ of two float32 values rounded once to float32
 * is the correctly rounded float32 result, so the values are bit-identical. Saves per parameter and step
 * two to four kernel calls and the scalar tensors they upload (tiny lessons: a kernel call is most of the
 * cost of an op).
 *
 * Inputs w, g: float32, same shape. Attrs: lr, lambda (numbers). Output: w' (w's shape). Not differentiable
 * (the optimizer runs outside any gradient tape).
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export const SGD_UPDATE = 'GradcastSgdUpdate';

export interface SgdUpdateAttrs {
  lr: number;
  lambda: number;
}

export function sgdUpdate(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { w, g } = args.inputs as { w: Info; g: Info };
  const { lr, lambda } = args.attrs as unknown as SgdUpdateAttrs;
  if (w.dtype !== 'float32' || g.dtype !== 'float32' || w.shape.join() !== g.shape.join()) {
    throw new Error(`${SGD_UPDATE}: needs float32 w and g of one shape, got ${w.dtype}[${w.shape}] and ${g.dtype}[${g.shape}]`);
  }
  const out = backend.makeOutput(w.shape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const wv = backend.typedArrayFromHeap(w) as Float32Array;
  const gv = backend.typedArrayFromHeap(g) as Float32Array;
  const ov = backend.typedArrayFromHeap(out) as Float32Array;
  sgdValues(wv, gv, ov, lr, lambda);
  return out;
}

/** ov = wv − lr·(gv + λ·wv) in float32 steps (see the file comment). */
export function sgdValues(wv: Float32Array, gv: Float32Array, ov: Float32Array, lr: number, lambda: number): void {
  const lr32 = Math.fround(lr);
  const l32 = Math.fround(lambda);
  const n = wv.length;
  if (lambda === 0) {
    for (let i = 0; i < n; i++) ov[i] = (wv[i] as number) - Math.fround((gv[i] as number) * lr32);
  } else {
    for (let i = 0; i < n; i++) {
      const w = wv[i] as number;
      const g = Math.fround((gv[i] as number) + Math.fround(w * l32));
      ov[i] = w - Math.fround(g * lr32);
    }
  }
}

