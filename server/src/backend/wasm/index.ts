/**
 * Kernel fill-ins that make the wasm backend train the course models correctly and fast
 * (shared/notes/tfjs-backends.md): one missing gradient kernel, one wrong one, and kernels that leave
 * XNNPACK. Call registerWasmKernels() after `await tf.setBackend('wasm'); await tf.ready();`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchMatMul } from './batchMatMul.ts';
import { conv2dBackpropFilter } from './conv2dBackpropFilter.ts';
import { conv2dBackpropInput } from './conv2dBackpropInput.ts';
import { fusedBatchNorm } from './fusedBatchNorm.ts';
import { fusedMatMul } from './fusedMatMul.ts';
import { identity } from './identity.ts';
import { maxPoolGrad } from './maxPoolGrad.ts';
import { maxPoolGradOps } from './maxPoolGradOps.ts';
import { FILL_IN, type FillInConfig, isFillIn, rememberNative } from './nativeKernel.ts';
import { oneHot } from './oneHot.ts';
import { OPTIMIZER_UPDATE, optimizerUpdate } from './optimizerUpdate.ts';
import { SOFTMAX_XENT, softmaxXent } from './softmaxXent.ts';
import { BCE, bceKernel, MSE, mseKernel } from './elementLoss.ts';
import { BATCH_NORM, BATCH_NORM_GRAD, batchNormBackward, batchNormForward } from './batchNorm.ts';
import { DENSE, DENSE_GRAD, denseBackward, denseForward } from './dense.ts';
import { DENSE_CHAIN, denseChainKernel } from './denseChainKernel.ts';
import { smallAdd, smallMultiply, smallRealDiv, smallSub } from './smallBinary.ts';
import { tanhKernel } from './tanh.ts';
import { meanLeading, sumLeading } from './sumLeading.ts';

export { oneHotFloat } from './oneHotFloat.ts';

export interface WasmKernelOptions {
  /** MaxPoolGrad as a single JS pass over the heap ('loop', default, faster) or native kernels ('ops'). */
  maxPoolGrad?: 'loop' | 'ops';
  /** Register only these kernel names (benchmarks, bisecting); default all of WASM_FILL_IN_KERNELS. */
  only?: readonly string[];
}

/** The fill-ins by kernel name, with what each fixes. */
function fillIns(options: WasmKernelOptions): Array<readonly [string, tf.KernelFunc, string]> {
  const pool = options.maxPoolGrad === 'ops' ? maxPoolGradOps : maxPoolGrad;
  return [
    [tf.Conv2DBackpropFilter, conv2dBackpropFilter as tf.KernelFunc, 'missing on wasm'],
    [tf.Conv2DBackpropInput, conv2dBackpropInput as tf.KernelFunc, "wasm's is a scalar loop, ~9x slower"],
    [tf.MaxPoolGrad, pool as tf.KernelFunc, "wasm's drops windows whose values are all <= 0"],
    [tf.BatchMatMul, batchMatMul as tf.KernelFunc, "wasm's leaves XNNPACK when transposed or batched"],
    [tf._FusedMatMul, fusedMatMul as tf.KernelFunc, "wasm's leaves XNNPACK when transposed or batched"],
    [tf.OneHot, oneHot as tf.KernelFunc, "wasm's writes int32 bits whatever the dtype"],
    [tf.Sum, sumLeading as tf.KernelFunc, "wasm's transposes x first when the reduced axes lead (bias gradients)"],
    [tf.FusedBatchNorm, fusedBatchNorm as tf.KernelFunc, "wasm's divides and takes a square root per element, ~3x slower"],
    [tf.Mean, meanLeading as tf.KernelFunc, "wasm's transposes x first when the reduced axes lead (batch-norm statistics)"],
    [tf.Identity, identity as tf.KernelFunc, "wasm's copies; the tape clones every tensor it saves for backward"],
    [tf.Add, smallAdd as tf.KernelFunc, "wasm's costs more in call overhead than arithmetic on small tensors"],
    [tf.Sub, smallSub as tf.KernelFunc, "wasm's costs more in call overhead than arithmetic on small tensors"],
    [tf.Multiply, smallMultiply as tf.KernelFunc, "wasm's costs more in call overhead than arithmetic on small tensors"],
    [tf.RealDiv, smallRealDiv as tf.KernelFunc, "wasm's costs more in call overhead than arithmetic on small tensors"],
    [tf.Tanh, tanhKernel as tf.KernelFunc, "wasm's is a scalar libm loop, ~3x slower than tanh.ts's float64 pass"],
    [DENSE, denseForward as unknown as tf.KernelFunc, 'new: a dense layer (product, bias, ReLU) in one kernel call'],
    [DENSE_GRAD, denseBackward as unknown as tf.KernelFunc, "new: a dense layer's backward pass in one kernel call"],
    [DENSE_CHAIN, denseChainKernel as unknown as tf.KernelFunc, "new: a dense network's training pass (forward, loss, backward) in one kernel call"],
    [BATCH_NORM, batchNormForward as unknown as tf.KernelFunc, 'new: training-mode batch norm (and its running statistics) in one kernel call'],
    [BATCH_NORM_GRAD, batchNormBackward as unknown as tf.KernelFunc, "new: batch norm's backward pass in one kernel call"],
    [MSE, mseKernel as unknown as tf.KernelFunc, 'new: mean squared error and its gradient in one kernel'],
    [BCE, bceKernel as unknown as tf.KernelFunc, 'new: binary cross-entropy and its gradients in one kernel'],
    [SOFTMAX_XENT, softmaxXent as unknown as tf.KernelFunc, 'new: softmax cross-entropy, its gradient and the hit count in one kernel'],
    [OPTIMIZER_UPDATE, optimizerUpdate as unknown as tf.KernelFunc, 'new: one kernel per parameter and step for the hand-written optimizers'],
  ];
}

export const WASM_FILL_IN_KERNELS: readonly string[] = fillIns({}).map(([name]) => name);

function wasmBackend(): object {
  const backend = tf.findBackend('wasm');
  if (backend == null) {
    throw new Error("registerWasmKernels: the wasm backend is not initialised (await tf.setBackend('wasm') and tf.ready() first)");
  }
  return backend;
}

/**
 * Registers the fill-ins for the wasm backend; returns the kernel names now served by them. Idempotent:
 * a kernel already served by this fill-in is left alone, and the native kernel it replaced stays reachable
 * (nativeKernel.ts) so composite kernels can call it and unregisterWasmKernels() can put it back.
 */
export function registerWasmKernels(options: WasmKernelOptions = {}): string[] {
  wasmBackend();
  const chosen = fillIns(options).filter(([name]) => options.only == null || options.only.includes(name));
  for (const [kernelName, kernelFunc] of chosen) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (isFillIn(current) && current.kernelFunc === kernelFunc) continue;
    const replaced = isFillIn(current) ? current[FILL_IN].replaced : current;
    rememberNative(kernelName, replaced);
    // Replacing in place only warns ("already registered"); unregistering first keeps the log clean.
    if (current != null) tf.unregisterKernel(kernelName, 'wasm');
    const config: FillInConfig = { kernelName, backendName: 'wasm', kernelFunc, [FILL_IN]: { replaced } };
    tf.registerKernel(config);
  }
  return chosen.map(([name]) => name);
}

/** Puts wasm's own kernels back (for benchmarks and tests); returns the names restored or removed. */
export function unregisterWasmKernels(): string[] {
  const backend = wasmBackend();
  const names: string[] = [];
  for (const kernelName of WASM_FILL_IN_KERNELS) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (!isFillIn(current)) continue;
    tf.unregisterKernel(kernelName, 'wasm');
    const native = current[FILL_IN].replaced;
    if (native != null) {
      tf.registerKernel(native);
      native.setupFunc?.(backend); // the engine only runs setupFunc at backend init (nativeKernel.ts)
    }
    names.push(kernelName);
  }
  return names;
}

/** Whether fill-ins (any variant) currently serve every kernel in WASM_FILL_IN_KERNELS. */
export function wasmKernelsRegistered(): boolean {
  return WASM_FILL_IN_KERNELS.every((name) => isFillIn(tf.getKernel(name, 'wasm')));
}
