/**
 * wasm's own kernels for the names we replace, kept so a fill-in can still reach the native (C++/XNNPACK)
 * implementation, and so the fill-ins can be removed again (benchmarks compare both).
 *
 * The trap (measured, see shared/notes/tfjs-backends.md §2): a native wasm kernel binds its C function into
 * a module variable in setupFunc, and the engine runs setupFunc only for kernels that are registered when the
 * backend initialises. A kernelFunc called from a wrapper after its config was unregistered, or for a backend
 * instance created later, throws "wasmX is not a function" (or calls into the wrong heap). So before the
 * first call on each backend instance we run the saved setupFunc ourselves; it only re-binds a cwrap.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Marks a KernelConfig registered by us; holds the config it replaced (undefined: none existed). */
export const FILL_IN = Symbol.for('gradcast.wasm.fillIn');

export interface FillInConfig extends tf.KernelConfig {
  [FILL_IN]: { replaced: tf.KernelConfig | undefined };
}

export function isFillIn(config: tf.KernelConfig | undefined): config is FillInConfig {
  return config != null && FILL_IN in config;
}

const natives = new Map<string, tf.KernelConfig | undefined>();
const setUp = new WeakMap<object, Set<string>>();

/**
 * The native config currently behind `name`: the one a fill-in replaced, else whatever is registered
 * (when no fill-in is). Looks through the registry rather than only our own map so that a second copy of
 * this module (tests, hot reload) still finds the native kernel and never wraps a fill-in in itself.
 */
export function nativeConfig(name: string): tf.KernelConfig | undefined {
  const current = tf.getKernel(name, 'wasm');
  if (isFillIn(current)) return current[FILL_IN].replaced;
  if (current != null) return current;
  return natives.get(name);
}

/** Remembers the native config (called before a fill-in replaces it). */
export function rememberNative(name: string, config: tf.KernelConfig | undefined): void {
  if (config != null && !isFillIn(config)) natives.set(name, config);
}

/** The native kernelFunc for `name`, with its setupFunc run once for this backend instance. */
export function nativeKernel(name: string, backend: object): tf.KernelFunc {
  const config = nativeConfig(name);
  if (config == null) throw new Error(`wasm fill-ins: no native wasm kernel '${name}'`);
  let names = setUp.get(backend);
  if (names == null) {
    names = new Set();
    setUp.set(backend, names);
  }
  if (!names.has(name)) {
    config.setupFunc?.(backend);
    names.add(name);
  }
  return config.kernelFunc;
}
