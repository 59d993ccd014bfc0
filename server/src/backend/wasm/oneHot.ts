/**
 * OneHot for wasm that honours a non-int32 dtype. wasm's kernel always writes int32 values, whatever dtype
 * its output was allocated with, so tf.oneHot(i, k, 1, 0, 'float32') yields the bit pattern of int 1 read as
 * a float (1.4e-45) (shared/notes/tfjs-backends.md §1). For other dtypes we make the int32 0/1 encoding,
 * Cast it, and map 0/1 to off/on (on·m + off·(1−m) = off + (on−off)·m).
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Info, type KernelArgs, type WasmBackend, withScratch } from './scratch.ts';

export function oneHot(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const attrs = (args.attrs ?? {}) as unknown as tf.OneHotAttrs;
  return withScratch(backend, (s) => {
    if (attrs.dtype === 'int32') return s.native(tf.OneHot, args.inputs, args.attrs);
    const bits = s.native(tf.OneHot, args.inputs, { ...attrs, onValue: 1, offValue: 0, dtype: 'int32' });
    const mask = s.run('Cast', { x: bits }, { dtype: attrs.dtype });
    const { onValue: on, offValue: off } = attrs;
    if (on === 1 && off === 0) return mask;
    if (attrs.dtype !== 'float32') throw new Error(`OneHot on wasm: on/off values other than 1/0 need int32 or float32`);
    const scalar = (v: number) => s.hold(backend.makeOutput([], 'float32', undefined, new Float32Array([v])));
    const scaled = s.run('Multiply', { a: mask, b: scalar(on - off) });
    return off === 0 ? scaled : s.run('Add', { a: scaled, b: scalar(off) });
  });
}
