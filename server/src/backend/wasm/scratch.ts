/**
 * Bookkeeping for composite wasm kernels. A fill-in kernel is written as a chain of other wasm kernels
 * called directly (no engine, no tape, no tensors): each intermediate is a bare TensorInfo that owns one
 * reference on a wasm heap buffer, and nothing frees it but us. Scratch records every intermediate so a
 * kernel can release them all at the end, keeping only the TensorInfo it returns to the engine.
 *
 * Reshape on wasm returns the same dataId with one more reference, so "free everything but the result"
 * stays correct when the result is a reshape of an intermediate: the shared buffer keeps one reference.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { nativeKernel } from './nativeKernel.ts';

export type WasmBackend = BackendWasm;
export type Info = tf.TensorInfo;
export type Inputs = tf.NamedTensorInfoMap | Info[];
/** What the engine passes to a kernelFunc. */
export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: object;
  attrs?: tf.NamedAttrMap;
}

/**
 * The registered name of a backend instance. The conv fill-ins are written against the kernel interface
 * only, so the same composites also serve the cpu backend (where the stock Conv2DBackpropFilter is a scalar
 * loop, ~14× slower than the composite); the wasm-only parts (native kernels) are never reached there.
 */
export function backendNameOf(backend: object): string {
  for (const name of ['wasm', 'cpu']) if (tf.findBackend(name) === backend) return name;
  throw new Error('fill-in kernels: unknown backend instance');
}

/** Runs the kernel registered for the backend under `name` (a fill-in if we replaced it). */
export function callKernel(backend: WasmBackend, name: string, inputs: Inputs, attrs: tf.NamedAttrMap = {}): Info {
  return single(name, callKernelAll(backend, name, inputs, attrs));
}

/** callKernel for a kernel with several outputs, in order. */
export function callKernelAll(backend: WasmBackend, name: string, inputs: Inputs, attrs: tf.NamedAttrMap = {}): Info[] {
  const backendName = backendNameOf(backend);
  const config = tf.getKernel(name, backendName);
  if (config == null) throw new Error(`fill-ins: kernel '${name}' is not registered for ${backendName}`);
  const out = config.kernelFunc({ inputs: inputs as tf.NamedTensorInfoMap, attrs, backend });
  return Array.isArray(out) ? out : [out];
}

function single(name: string, out: Info | Info[]): Info {
  if (Array.isArray(out)) {
    if (out.length !== 1 || out[0] == null) throw new Error(`wasm fill-ins: kernel '${name}' returned ${out.length} outputs`);
    return out[0];
  }
  return out;
}

export class Scratch {
  private readonly held: Info[] = [];

  constructor(readonly backend: WasmBackend) {}

  /** A registered wasm kernel (possibly one of ours); the output is freed by finish() unless returned. */
  run(name: string, inputs: Inputs, attrs: tf.NamedAttrMap = {}): Info {
    return this.hold(callKernel(this.backend, name, inputs, attrs));
  }

  /** run() for a kernel with several outputs: each is freed by finish() unless returned. */
  runAll(name: string, inputs: Inputs, attrs: tf.NamedAttrMap = {}): Info[] {
    return callKernelAll(this.backend, name, inputs, attrs).map((t) => this.hold(t));
  }

  /** wasm's own kernel as it was before we replaced it (see nativeKernel.ts). */
  native(name: string, inputs: Inputs, attrs: tf.NamedAttrMap = {}): Info {
    const kernelFunc = nativeKernel(name, this.backend);
    return this.hold(single(name, kernelFunc({ inputs: inputs as tf.NamedTensorInfoMap, attrs, backend: this.backend })));
  }

  reshape(x: Info, shape: number[]): Info {
    if (sameShape(x.shape, shape)) return x;
    return this.run('Reshape', { x }, { shape });
  }

  /** A transpose that only moves size-1 axes is a reshape (no copy). */
  transpose(x: Info, perm: number[]): Info {
    const outShape = perm.map((p) => x.shape[p] ?? 1);
    const moved = perm.filter((p) => (x.shape[p] ?? 1) !== 1);
    if (moved.every((p, i) => i === 0 || p > (moved[i - 1] ?? -1))) return this.reshape(x, outShape);
    return this.run('Transpose', { x }, { perm });
  }

  /** Plain slice; a no-op when it covers the whole tensor. */
  slice(x: Info, begin: number[], size: number[]): Info {
    if (begin.every((b) => b === 0) && sameShape(x.shape, size)) return x;
    return this.run('Slice', { x }, { begin, size });
  }

  /** Constant padding; a no-op when every pad is zero. */
  pad(x: Info, paddings: Array<[number, number]>, constantValue = 0): Info {
    if (paddings.every(([a, b]) => a === 0 && b === 0)) return x;
    return this.run('PadV2', { x }, { paddings, constantValue });
  }

  /** A TensorInfo made outside run() (e.g. backend.makeOutput) that finish() should also free. */
  hold(t: Info): Info {
    this.held.push(t);
    return t;
  }

  /** Frees every held intermediate except `result`, which becomes the caller's (the engine's). */
  finish(result: Info): Info {
    return this.finishAll([result])[0] as Info;
  }

  /** finish() for a kernel with several outputs: every one of `results` becomes the engine's. */
  finishAll(results: Info[]): Info[] {
    const keep = new Set(results);
    const kept = new Set<Info>();
    for (const t of this.held) {
      if (keep.has(t) && !kept.has(t)) {
        kept.add(t);
        continue;
      }
      this.backend.disposeData(t.dataId);
    }
    this.held.length = 0;
    // A result may be an input passed through untouched (a no-op reshape/transpose chain): the engine
    // expects a kernel output to carry its own reference, as wasm's Identity-by-reshape does.
    for (const r of results) if (!kept.has(r)) this.backend.incRef(r.dataId);
    return results;
  }

  /** Frees everything (error path). */
  dispose(): void {
    for (const t of this.held) this.backend.disposeData(t.dataId);
    this.held.length = 0;
  }
}

/** Runs `body` with a Scratch; frees all intermediates on success (but the result) and on error. */
export function withScratch(backend: WasmBackend, body: (s: Scratch) => Info): Info {
  return withScratchAll(backend, (s) => [body(s)])[0] as Info;
}

/** withScratch for a kernel with several outputs. */
export function withScratchAll(backend: WasmBackend, body: (s: Scratch) => Info[]): Info[] {
  const s = new Scratch(backend);
  try {
    return s.finishAll(body(s));
  } catch (e) {
    s.dispose();
    throw e;
  }
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
