/**
 * Speed-ups for the pure-JS cpu backend, which stays the reference for tests and the last fallback. Its
 * Conv2DBackpropFilter and Conv2DBackpropInput are scalar loops (a 16×16 CNN step took 11 s); the wasm
 * fill-ins' composites (one forward Conv2D of transposed operands, and the Conv2D form of the input
 * gradient) run on cpu's own kernels too, measured ~14× faster in shared/notes/tfjs-backends.md §3.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropFilter } from './wasm/conv2dBackpropFilter.ts';
import { conv2dBackpropInput } from './wasm/conv2dBackpropInput.ts';

const KERNELS: Array<[string, tf.KernelFunc]> = [
  [tf.Conv2DBackpropFilter, conv2dBackpropFilter as unknown as tf.KernelFunc],
  [tf.Conv2DBackpropInput, conv2dBackpropInput as unknown as tf.KernelFunc],
];

/** Replaces cpu's conv gradient kernels (idempotent); returns their names. Call after the cpu backend is ready. */
export function registerCpuKernels(): string[] {
  for (const [kernelName, kernelFunc] of KERNELS) {
    if (tf.getKernel(kernelName, 'cpu')) tf.unregisterKernel(kernelName, 'cpu');
    tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc });
  }
  return KERNELS.map(([name]) => name);
}
