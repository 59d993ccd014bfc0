/**
 * _FusedMatMul (matMul + bias + activation, used by tf.fused.matMul and tfjs-layers' Dense) for wasm,
 * kept on XNNPACK. wasm's fused kernel shares BatchMatMul's C++ path: XNNPACK only for one untransposed
 * [1, M, K]·[1, K, N] product, a scalar loop otherwise (see batchMatMul.ts). Its inputs are already 3-D
 * (tfjs-core reshapes them), the bias is rank 1 over N and PReLU weights repeat along the flat output, so
 * folding a's batch into rows or looping over batches leaves the fused epilogue's meaning unchanged.
 * Its gradient is plain BatchMatMul kernels (tfjs-core), handled by batchMatMul.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { plainOperands, productOf3d, xnnWeights } from './batchMatMul.ts';
import { type Info, type KernelArgs, type WasmBackend, withScratch } from './scratch.ts';

export function fusedMatMul(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { a, b, bias, preluActivationWeights } = args.inputs as {
    a: Info;
    b: Info;
    bias?: Info;
    preluActivationWeights?: Info;
  };
  const attrs = (args.attrs ?? {}) as unknown as tf._FusedMatMulAttrs;
  const { transposeA, transposeB } = attrs;
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  return withScratch(backend, (s) => {
    const direct = !transposeA && !transposeB && batchA === 1 && batchB === 1;
    // PReLU weights that span batches cannot be split per batch: keep wasm's own (correct, slower) loop.
    const unsplittable = batchB !== 1 && preluActivationWeights != null;
    if (direct || unsplittable) return s.native(tf._FusedMatMul, { ...args.inputs, b: xnnWeights(s, b) }, args.attrs);
    const ops = plainOperands(s, a, b, transposeA, transposeB);
    const epilogue = { ...attrs, transposeA: false, transposeB: false };
    const product = productOf3d(s, ops, (x, y) => {
      const inputs: tf.NamedTensorInfoMap = { a: x, b: xnnWeights(s, y) };
      if (bias != null) inputs['bias'] = bias;
      if (preluActivationWeights != null) inputs['preluActivationWeights'] = preluActivationWeights;
      return s.native(tf._FusedMatMul, inputs, epilogue);
    });
    return s.reshape(product, ops.outShape);
  });
}
