/**
 * Add, Sub, Multiply and RealDiv for wasm on small float32 tensors, as one JS loop over the heap. wasm's own
 * binary kernels spend their time around the arithmetic, not in it: each call copies both shapes into fresh
 * Uint8Arrays and through Emscripten's ccall onto the wasm stack (~a third of a ch02-03 step's kernel time
 * for 60-element operands). Above SMALL elements, or for broadcasting other than "same shape" / "one side has
 * one element", or another dtype, wasm's kernel (SIMD) runs.
 *
 * Results are bit-identical to wasm's: a float32 +, −, × or ÷ computed in float64 and rounded once to
 * float32 (Math.fround) is the correctly rounded float32 result, which is what wasm's f32 ops return.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nativeKernel } from './nativeKernel.ts';
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

/**
 * Largest output (elements) computed in JS. Measured per op (engine included, same process, machine loaded):
 * 60 elements 2.6–2.8 µs JS vs 4.1–4.4 µs wasm; 256: 6.5 vs 11; 512: 8.7 vs 7.9; 2048: 7.0 vs 4.3.
 */
export const SMALL = 256;

type Op = 'Add' | 'Sub' | 'Multiply' | 'RealDiv';

function binary(name: Op, args: KernelArgs): Info | Info[] {
  const backend = args.backend as WasmBackend;
  const { a, b } = args.inputs as { a: Info; b: Info };
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return nativeKernel(name, backend)(args);
  const na = tf.util.sizeFromShape(a.shape);
  const nb = tf.util.sizeFromShape(b.shape);
  const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const n = tf.util.sizeFromShape(outShape);
  // Element i of the output reads a[i] (or a[0] when a has one element), likewise b.
  if (n > SMALL || n === 0 || (na !== n && na !== 1) || (nb !== n && nb !== 1)) return nativeKernel(name, backend)(args);
  const out = backend.makeOutput(outShape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const av = backend.typedArrayFromHeap(a) as Float32Array;
  const bv = backend.typedArrayFromHeap(b) as Float32Array;
  const ov = backend.typedArrayFromHeap(out) as Float32Array;
  // Float32Array stores round once: ov[i] = x ∘ y is fround(x ∘ y) for float32 x, y.
  if (na === n && nb === n) {
    if (name === 'Add') for (let i = 0; i < n; i++) ov[i] = (av[i] as number) + (bv[i] as number);
    else if (name === 'Sub') for (let i = 0; i < n; i++) ov[i] = (av[i] as number) - (bv[i] as number);
    else if (name === 'Multiply') for (let i = 0; i < n; i++) ov[i] = (av[i] as number) * (bv[i] as number);
    else for (let i = 0; i < n; i++) ov[i] = (av[i] as number) / (bv[i] as number);
  } else if (nb === 1) {
    const y = bv[0] as number;
    if (name === 'Add') for (let i = 0; i < n; i++) ov[i] = (av[i % na] as number) + y;
    else if (name === 'Sub') for (let i = 0; i < n; i++) ov[i] = (av[i % na] as number) - y;
    else if (name === 'Multiply') for (let i = 0; i < n; i++) ov[i] = (av[i % na] as number) * y;
    else for (let i = 0; i < n; i++) ov[i] = (av[i % na] as number) / y;
  } else {
    const x = av[0] as number;
    if (name === 'Add') for (let i = 0; i < n; i++) ov[i] = x + (bv[i] as number);
    else if (name === 'Sub') for (let i = 0; i < n; i++) ov[i] = x - (bv[i] as number);
    else if (name === 'Multiply') for (let i = 0; i < n; i++) ov[i] = x * (bv[i] as number);
    else for (let i = 0; i < n; i++) ov[i] = x / (bv[i] as number);
  }
  return out;
}

export const smallAdd = (args: KernelArgs): Info | Info[] => binary('Add', args);
export const smallSub = (args: KernelArgs): Info | Info[] => binary('Sub', args);
export const smallMultiply = (args: KernelArgs): Info | Info[] => binary('Multiply', args);
export const smallRealDiv = (args: KernelArgs): Info | Info[] => binary('RealDiv', args);
