/**
 * A multilayer perceptron as plain functions over tf.Variables: sizes [in, h1, …, out], one activation for the
 * hidden layers, linear output (logits or ŷ). Batch norm (when built with it) normalises each hidden layer's
 * pre-activation, before the activation, as the course notes place it (lessons.md formula 8), or its output
 * (spec.batchNormAfter, ch08-09's option); dropout is applied
 * to the hidden pre-activations at the live rate hp.dropout, as the lessons do (equal to dropout after ReLU).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparams } from '@gradcast/shared';
import type { Rng } from '../../data/prng.ts';
import type { InitName } from '../init.ts';
import {
  type Activation,
  activate,
  batchNorm,
  type BatchNormParams,
  createBatchNorm,
  createDense,
  type DenseParams,
  dense,
  dropout,
} from '../model.ts';
import type { ChainLayer } from '../denseChain.ts';
import type { EvalOp } from '../evalOps.ts';
import { uniquePrefix } from './prefix.ts';

export interface MlpSpec {
  /** Layer widths from input to output, e.g. [784, 100, 10]. */
  sizes: number[];
  activation: Activation;
  batchNorm: boolean;
  /**
   * Batch norm after the activation (linear → act → BN, the course's ch08-09 forward pass) instead of before it
   * (linear → BN → act, the course notes' placement and the default).
   */
  batchNormAfter?: boolean;
  /** Whether the hidden layers take dropout at hp.dropout. */
  dropout: boolean;
}

export interface Net {
  /** Trainable variables, in a fixed order, with their names (kept across rebuilds by name). */
  params: tf.Variable[];
  names: string[];
  /** x → logits (or ŷ for regression). Reads hp (dropout) at every call. */
  forward(x: tf.Tensor, training: boolean): tf.Tensor;
  /**
   * The training-mode forward pass as a chain of dense layers (each with batch norm before its activation or
   * none), when this step's is one (no dropout drawn, no batch norm after an activation), for a pass without
   * the tape (train/denseChain.ts); null otherwise. Absent on nets that never are.
   */
  chain?(): ChainLayer[] | null;
  /**
   * Intermediate tensors of one forward pass in evaluation mode (no dropout, batch norm on its running
   * statistics), by name, in forward order, for the views. MLP: per hidden layer i = 1, 2, …: `z{i}` the
   * pre-activation xW + b [N, width], `bn{i}` after batch norm (when built with it), `h{i}` after the activation
   * (with batchNormAfter, `bn{i}` = BN(h{i}) comes after it and is what the next layer takes); then `logits`
   * [N, out]. CNN: per conv i: `conv{i}` [N, H, W, C], `bn{i}`, `act{i}`, `pool{i}` (when it
   * pools); `fc` the dense output before the logits' batch norm (when it has one); `logits`. New tensors: the
   * caller disposes them (or calls it inside tf.tidy).
   */
  activations?(x: tf.Tensor): Record<string, tf.Tensor>;
  /** Batch-norm layers' running statistics (non-trainable, so not in `params`), by layer name, in order. */
  runningStats?(): { name: string; mean: tf.Variable; variance: tf.Variable }[];
  /**
   * The evaluation-mode forward pass as plain ops over `params` by position (train/evalOps.ts), for the loss
   * landscape: runOps(evalOps, x, params) gives forward(x, false).
   */
  evalOps?: EvalOp[];
  dispose(): void;
}

export function buildMlp(spec: MlpSpec, init: InitName, rng: Rng, hp: Hyperparams): Net {
  const prefix = uniquePrefix('mlp');
  const layers: DenseParams[] = [];
  const norms: BatchNormParams[] = [];
  const names: string[] = [];
  const params: tf.Variable[] = [];
  const bnAfter = spec.batchNorm && (spec.batchNormAfter ?? false);
  const bnBefore = spec.batchNorm && !bnAfter;
  /** The evaluation-mode pass, in the order `run` below takes it (dropout is the identity there). */
  const evalOps: EvalOp[] = [];
  for (let i = 0; i + 1 < spec.sizes.length; i++) {
    const layer = createDense(`${prefix}/fc${i + 1}`, spec.sizes[i] as number, spec.sizes[i + 1] as number, init, rng);
    layers.push(layer);
    evalOps.push({ kind: 'dense', W: params.length, b: params.length + 1 });
    params.push(layer.W, layer.b);
    names.push(`fc${i + 1}.W`, `fc${i + 1}.b`);
    if (i + 2 === spec.sizes.length) break;
    let normOp: EvalOp | null = null;
    if (spec.batchNorm) {
      const bn = createBatchNorm(`${prefix}/bn${i + 1}`, spec.sizes[i + 1] as number);
      norms.push(bn);
      normOp = { kind: 'batchNorm', gamma: params.length, beta: params.length + 1, mean: bn.runningMean as tf.Tensor1D, variance: bn.runningVar as tf.Tensor1D };
      params.push(bn.gamma, bn.beta);
      names.push(`bn${i + 1}.gamma`, `bn${i + 1}.beta`);
    }
    if (normOp && bnBefore) evalOps.push(normOp);
    if (spec.activation !== 'identity') evalOps.push({ kind: 'activation', activation: spec.activation });
    if (normOp && bnAfter) evalOps.push(normOp);
  }
  const last = layers.length - 1;
  // Inverted dropout scales by a non-negative mask, which commutes with ReLU and the identity: d(relu(z)) =
  // relu(d(z)). So unless batch norm sits between the product and the activation, or dropout is live under a
  // squashing activation, the activation fuses into the product (train/model.ts dense).
  const commutes = spec.activation === 'relu' || spec.activation === 'identity';
  /**
   * The forward pass. With `acts` (evaluation mode, for the views) it records every intermediate by name and
   * keeps the pre-activation z apart; otherwise it fuses where the maths allows.
   */
  const run = (x: tf.Tensor, training: boolean, acts?: Record<string, tf.Tensor>): tf.Tensor2D => {
    let h = x as tf.Tensor2D;
    for (let i = 0; i < last; i++) {
      const layer = layers[i] as DenseParams;
      const [W, b] = [layer.W as tf.Tensor2D, layer.b as tf.Tensor1D];
      const dropping = spec.dropout && training && hp.dropout > 0;
      // The first layer's input is data: no gradient is computed for it.
      const inputGrad = i > 0;
      if (!acts && !bnBefore && (!dropping || commutes)) {
        h = dense(h, W, b, spec.activation, { inputGrad });
        if (spec.dropout) h = dropout(h, hp.dropout, training, rng) as tf.Tensor2D;
      } else {
        let z = dense(h, W, b, 'identity', { inputGrad });
        if (acts) acts[`z${i + 1}`] = z;
        if (bnBefore) z = batchNorm(z, norms[i] as BatchNormParams, training) as tf.Tensor2D;
        if (acts && bnBefore) acts[`bn${i + 1}`] = z;
        if (spec.dropout) z = dropout(z, hp.dropout, training, rng) as tf.Tensor2D;
        h = activate(spec.activation, z) as tf.Tensor2D;
        if (acts) acts[`h${i + 1}`] = h;
      }
      if (bnAfter) {
        h = batchNorm(h, norms[i] as BatchNormParams, training) as tf.Tensor2D;
        if (acts) acts[`bn${i + 1}`] = h;
      }
    }
    const out = layers[last] as DenseParams;
    return dense(h, out.W as tf.Tensor2D, out.b as tf.Tensor1D, 'identity', { inputGrad: last > 0 });
  };
  return {
    params,
    names,
    forward: (x, training) => run(x, training),
    chain: () =>
      bnAfter || (spec.dropout && hp.dropout > 0)
        ? null
        : layers.map((l, i) => {
            const layer: ChainLayer = { W: l.W as tf.Tensor2D, b: l.b as tf.Tensor1D, activation: i < last ? spec.activation : 'identity' };
            return bnBefore && i < last ? { ...layer, norm: norms[i] as BatchNormParams } : layer;
          }),
    activations(x) {
      const acts: Record<string, tf.Tensor> = {};
      acts.logits = run(x, false, acts);
      return acts;
    },
    runningStats: () => norms.map((bn, i) => ({ name: `bn${i + 1}`, mean: bn.runningMean, variance: bn.runningVar })),
    evalOps,
    dispose() {
      tf.dispose(params);
      for (const bn of norms) tf.dispose([bn.runningMean, bn.runningVar]);
    },
  };
}

/** The output head applied to a net's last layer when predicting: the raw outputs, or their sigmoid (a probability). */
export type Head = 'identity' | 'sigmoid';

/** ŷ for rows x [k, xDim] in evaluation mode, as a Float32Array [k·outDim]. */
export function predictRows(net: Net, head: Head, x: Float32Array, xDim: number): Float32Array {
  const out = tf.tidy(() => {
    const z = net.forward(tf.tensor2d(x, [x.length / xDim, xDim]), false);
    return head === 'sigmoid' ? tf.sigmoid(z) : z;
  });
  const values = Float32Array.from(out.dataSync() as Float32Array);
  out.dispose();
  return values;
}
