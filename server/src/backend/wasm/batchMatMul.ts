/**
 * BatchMatMul for wasm that always lands on XNNPACK. wasm's kernel uses XNNPACK's fully-connected operator
 * only for a single [M, K]·[K, N] product with neither operand transposed; anything else (every backward
 * pass of a dense layer: dy·Wᵀ and xᵀ·dy) falls to a scalar triple loop, 14× slower on 64×784·784×100
 * (shared/notes/tfjs-backends.md §1). So:
 * - transposed operands are transposed explicitly (a copy of one operand, cheap next to the product);
 * - when b has batch 1, a's batch folds into its rows: [Ba, M, K]·[K, N] = ([Ba·M, K]·[K, N]) reshaped;
 * - otherwise one native product per output batch (with broadcasting of the batch shapes), concatenated.
 *
 * XNNPACK caches its packed weights per b tensor id and drops them when that tensor is freed, so the fresh
 * transposed copies made here cost one re-pack per call and never a stale cache entry.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Info, type KernelArgs, type Scratch, type WasmBackend, withScratch } from './scratch.ts';

export function batchMatMul(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { a, b } = args.inputs as { a: Info; b: Info };
  const { transposeA, transposeB } = (args.attrs ?? {}) as unknown as tf.BatchMatMulAttrs;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') {
    throw new Error('BatchMatMul on wasm supports float32 only');
  }
  return withScratch(backend, (s) => {
    const ops = plainOperands(s, a, b, transposeA, transposeB);
    const product = productOf3d(s, ops, (x, y) => s.native('BatchMatMul', { a: x, b: xnnWeights(s, y) }, noTranspose));
    return s.reshape(product, ops.outShape);
  });
}

export const noTranspose = { transposeA: false, transposeB: false };

/** The [K, N] shape each buffer was first packed as, by dataId (see xnnWeights). */
const packedAs = new WeakMap<object, string>();

/**
 * b for wasm's native BatchMatMul / _FusedMatMul, made safe for XNNPACK's operator cache. That cache (C++)
 * is keyed by b's buffer id, not by its shape, and lives until the buffer is freed; one buffer can carry
 * several shapes because Reshape and Identity share buffers (a [1, 7] row used as b after its [7, 1]
 * reshape was: measured, the second product reused the first packing and returned garbage). So a buffer
 * is passed as is only with the shape it was first packed as; any other shape gets a fresh copy (one
 * more packing, as an unshared b pays anyway).
 */
export function xnnWeights(s: Scratch, b: Info): Info {
  const key = b.shape.slice(-2).join(',');
  const first = packedAs.get(b.dataId);
  if (first === undefined) packedAs.set(b.dataId, key);
  else if (first !== key) {
    const copy = s.native('Identity', { x: b }); // wasm's own Identity: a copy in a new buffer
    packedAs.set(copy.dataId, key);
    return copy;
  }
  return b;
}

/** Both operands as plain 3-D products: a3 [Ba, M, K]·b3 [Bb, K, N], with their original batch shapes. */
export interface PlainOperands {
  a3: Info;
  b3: Info;
  batchA: number[];
  batchB: number[];
  /** [...broadcast batch dims, M, N], the shape the op promised. */
  outShape: number[];
}

/** Applies the transposes as copies and flattens the batch dims. */
export function plainOperands(s: Scratch, a: Info, b: Info, transposeA: boolean, transposeB: boolean): PlainOperands {
  const [ra, rb] = [a.shape.length, b.shape.length];
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const [a0, a1] = [a.shape[ra - 2] ?? 1, a.shape[ra - 1] ?? 1];
  const [b0, b1] = [b.shape[rb - 2] ?? 1, b.shape[rb - 1] ?? 1];
  const [M, Ka] = transposeA ? [a1, a0] : [a0, a1];
  const [Kb, N] = transposeB ? [b1, b0] : [b0, b1];
  if (Ka !== Kb) {
    throw new Error(
      `Error in matMul: inner shapes (${Ka}) and (${Kb}) of Tensors with shapes ${a.shape} and ${b.shape} ` +
        `and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
    );
  }
  const outBatch = tf.broadcast_util.assertAndGetBroadcastShape(batchA, batchB);
  let a3 = s.reshape(a, [tf.util.sizeFromShape(batchA), a0, a1]);
  let b3 = s.reshape(b, [tf.util.sizeFromShape(batchB), b0, b1]);
  if (transposeA) a3 = s.transpose(a3, [0, 2, 1]);
  if (transposeB) b3 = s.transpose(b3, [0, 2, 1]);
  return { a3, b3, batchA, batchB, outShape: [...outBatch, M, N] };
}

/**
 * The product of plain operands through `product`, which takes one [1, m, K]·[1, K, N] pair (the XNNPACK
 * case). Returns [Ba·M, N]-shaped data when b has batch 1, else the per-batch products concatenated along
 * axis 0 (flat order of the broadcast batch shape); the caller reshapes to outShape.
 */
export function productOf3d(s: Scratch, ops: PlainOperands, product: (a: Info, b: Info) => Info): Info {
  const { a3, b3 } = ops;
  const [Ba, M, K] = a3.shape as [number, number, number];
  const [Bb, , N] = b3.shape as [number, number, number];
  if (Bb === 1) return product(s.reshape(a3, [1, Ba * M, K]), b3);
  const outBatch = tf.broadcast_util.assertAndGetBroadcastShape(ops.batchA, ops.batchB);
  const rank = outBatch.length;
  const padA = [...new Array<number>(rank - ops.batchA.length).fill(1), ...ops.batchA];
  const padB = [...new Array<number>(rank - ops.batchB.length).fill(1), ...ops.batchB];
  const strides = outBatch.map((_, d) => tf.util.sizeFromShape(outBatch.slice(d + 1)));
  const parts: Info[] = [];
  for (let i = 0; i < tf.util.sizeFromShape(outBatch); i++) {
    // Output batch coordinates → flat batch index into a and into b (their size-1 axes broadcast).
    let [rest, ia, ib] = [i, 0, 0];
    for (let d = 0; d < rank; d++) {
      const [stride, da, db] = [strides[d] ?? 1, padA[d] ?? 1, padB[d] ?? 1];
      const coord = Math.floor(rest / stride);
      rest -= coord * stride;
      ia = ia * da + (da === 1 ? 0 : coord);
      ib = ib * db + (db === 1 ? 0 : coord);
    }
    parts.push(product(s.slice(a3, [ia, 0, 0], [1, M, K]), s.slice(b3, [ib, 0, 0], [1, K, N])));
  }
  return parts.length === 1 ? (parts[0] as Info) : s.run('Concat', parts, { axis: 0 });
}
