/**
 * Identity for wasm as a shared reference, as the cpu backend does. wasm's kernel copies x into a fresh heap
 * buffer, and the engine calls it for every tensor a gradient keeps for the backward pass (engine.clone in
 * saveTensorsForBackwardMode) — 9 per step of ch02-03, 40 per step of ch09-05, where the copies include whole
 * activations (0.56 ms per step). No wasm kernel writes into an input's buffer and a Variable's assign swaps
 * its dataId rather than writing, so two tensors can share one buffer; wasm's Reshape already does.
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export function identity(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { x } = args.inputs as { x: Info };
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}
