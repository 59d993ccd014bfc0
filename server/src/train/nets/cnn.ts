/**
 * The course's small CNNs (ch09-04..06) as plain functions over tf.Variables, NHWC:
 * for each conv: conv(k, pad) → [batch norm] → activation → max-pool; then flatten → dense → [batch norm on
 * the logits, as ch09-06 does]. Input rows [N, side·side·inCh] are reshaped to [N, side, side, inCh].
 * Sides: a conv gives side + 2·pad − k + 1, a pool window p of stride s gives ⌊(side − p)/s⌋ + 1 (no padding),
 * which is ⌊side/p⌋ for PyTorch's default stride s = p.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../data/prng.ts';
import type { InitName } from '../init.ts';
import {
  type Activation,
  activate,
  batchNorm,
  type BatchNormParams,
  conv2d,
  type ConvParams,
  createBatchNorm,
  createConv2d,
  createDense,
  dense,
  maxPool,
} from '../model.ts';
import type { EvalOp } from '../evalOps.ts';
import type { Net } from './mlp.ts';
import { uniquePrefix } from './prefix.ts';

export interface CnnSpec {
  side: number;
  inCh: number;
  convs: { out: number; k: number; pad: number }[];
  /** Max-pool window after each conv; 1 for none. */
  pool: number;
  /** Max-pool stride; default = pool (PyTorch's MaxPool2d(k)). ch09-04 pools 2×2 windows with stride 1. */
  poolStride?: number;
  classes: number;
  activation: Activation;
  /**
   * Batch norm after every conv and on the logits (true), nowhere (false), or per layer: `convs[i]` after conv
   * i + 1, `logits` on the logits (ch09-06's "BN on/off per layer"). A layer's parameters keep their names
   * (bn1, bn2, bnfc) whichever others are on, so a rebuild keeps the ones that stay.
   */
  batchNorm: boolean | { convs: boolean[]; logits: boolean };
}

export function buildCnn(spec: CnnSpec, init: InitName, rng: Rng): Net {
  const prefix = uniquePrefix('cnn');
  const convs: ConvParams[] = [];
  /** The batch norm after each conv, or null where that layer has none. */
  const norms: (BatchNormParams | null)[] = [];
  const bnAfterConv = (i: number): boolean => (typeof spec.batchNorm === 'boolean' ? spec.batchNorm : (spec.batchNorm.convs[i] ?? false));
  const bnOnLogits = typeof spec.batchNorm === 'boolean' ? spec.batchNorm : spec.batchNorm.logits;
  const params: tf.Variable[] = [];
  const names: string[] = [];
  const poolStride = spec.poolStride ?? spec.pool;
  const pools = spec.pool > 1 || poolStride > 1;
  /** The evaluation-mode pass, in the order `run` below takes it. */
  const evalOps: EvalOp[] = [{ kind: 'reshape', shape: [spec.side, spec.side, spec.inCh] }];
  const normOp = (bn: BatchNormParams): EvalOp => {
    const op: EvalOp = { kind: 'batchNorm', gamma: params.length, beta: params.length + 1, mean: bn.runningMean as tf.Tensor1D, variance: bn.runningVar as tf.Tensor1D };
    params.push(bn.gamma, bn.beta);
    return op;
  };
  let ch = spec.inCh;
  let side = spec.side;
  spec.convs.forEach((c, i) => {
    const conv = createConv2d(`${prefix}/conv${i + 1}`, c.k, ch, c.out, init, rng);
    convs.push(conv);
    evalOps.push({ kind: 'conv', W: params.length, b: params.length + 1, pad: c.pad });
    params.push(conv.W, conv.b);
    names.push(`conv${i + 1}.W`, `conv${i + 1}.b`);
    if (bnAfterConv(i)) {
      const bn = createBatchNorm(`${prefix}/bn${i + 1}`, c.out);
      norms.push(bn);
      evalOps.push(normOp(bn));
      names.push(`bn${i + 1}.gamma`, `bn${i + 1}.beta`);
    } else norms.push(null);
    if (spec.activation !== 'identity') evalOps.push({ kind: 'activation', activation: spec.activation });
    if (pools) evalOps.push({ kind: 'maxPool', size: spec.pool, stride: poolStride });
    ch = c.out;
    const convSide = side + 2 * c.pad - c.k + 1;
    side = Math.floor((convSide - spec.pool) / poolStride) + 1;
    if (convSide < 1 || side < 1) throw new RangeError(`buildCnn: conv${i + 1} leaves no pixels (side ${convSide} before pooling)`);
  });
  const flat = side * side * ch;
  const fc = createDense(`${prefix}/fc`, flat, spec.classes, init, rng);
  evalOps.push({ kind: 'reshape', shape: [flat] }, { kind: 'dense', W: params.length, b: params.length + 1 });
  params.push(fc.W, fc.b);
  names.push('fc.W', 'fc.b');
  const bnLogits = bnOnLogits ? createBatchNorm(`${prefix}/bnfc`, spec.classes) : null;
  if (bnLogits) {
    evalOps.push(normOp(bnLogits));
    names.push('bnfc.gamma', 'bnfc.beta');
  }
  /**
   * The forward pass. With `acts` (evaluation mode, for the views) it records every intermediate by name.
   */
  const run = (x: tf.Tensor, training: boolean, acts?: Record<string, tf.Tensor>): tf.Tensor2D => {
    let h = tf.reshape(x, [-1, spec.side, spec.side, spec.inCh]) as tf.Tensor4D;
    convs.forEach((c, i) => {
      const conv = { pad: spec.convs[i]!.pad };
      const bn = norms[i];
      let z: tf.Tensor = conv2d(h, c.W as tf.Tensor4D, c.b as tf.Tensor1D, conv);
      if (acts) acts[`conv${i + 1}`] = z;
      if (bn) z = batchNorm(z, bn, training);
      if (acts && bn) acts[`bn${i + 1}`] = z;
      h = activate(spec.activation, z) as tf.Tensor4D;
      if (acts) acts[`act${i + 1}`] = h;
      if (pools) h = maxPool(h, spec.pool, poolStride);
      if (acts && pools) acts[`pool${i + 1}`] = h;
    });
    let logits = dense(tf.reshape(h, [-1, flat]) as tf.Tensor2D, fc.W as tf.Tensor2D, fc.b as tf.Tensor1D);
    if (bnLogits) {
      if (acts) acts.fc = logits;
      logits = batchNorm(logits, bnLogits, training) as tf.Tensor2D;
    }
    return logits;
  };
  return {
    params,
    names,
    forward: (x, training) => run(x, training),
    activations(x) {
      const acts: Record<string, tf.Tensor> = {};
      acts.logits = run(x, false, acts);
      return acts;
    },
    runningStats: () => [
      ...norms.flatMap((bn, i) => (bn ? [{ name: `bn${i + 1}`, mean: bn.runningMean, variance: bn.runningVar }] : [])),
      ...(bnLogits ? [{ name: 'bnfc', mean: bnLogits.runningMean, variance: bnLogits.runningVar }] : []),
    ],
    evalOps,
    dispose() {
      tf.dispose(params);
      for (const bn of [...norms, bnLogits]) if (bn) tf.dispose([bn.runningMean, bn.runningVar]);
    },
  };
}
