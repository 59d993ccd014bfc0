/**
 * A multilayer perceptron as plain functions over tf.Variables: sizes [in, h1, …, out], one activation for the
 * hidden layers, linear output (logits or ŷ). Batch norm (when built with it) normalises each hidden layer's
 * pre-activation, before the activation, as the course notes place it (lessons.md formula 8); dropout is applied
 * to the hidden pre-activations at the live rate hp.dropout, as the lessons do (equal to dropout after ReLU).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparams } from '@gradcast/shared';
import type { Rng } from '../../data/prng.ts';
import type { InitName } from '../../train/init.ts';
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
} from '../../train/model.ts';
import { uniquePrefix } from './prefix.ts';

export interface MlpSpec {
  /** Layer widths from input to output, e.g. [784, 100, 10]. */
  sizes: number[];
  activation: Activation;
  batchNorm: boolean;
  /** Whether the hidden layers take dropout at hp.dropout. */
  dropout: boolean;
}

export interface Net {
  /** Trainable variables, in a fixed order, with their names (kept across rebuilds by name). */
  params: tf.Variable[];
  names: string[];
  /** x → logits (or ŷ for regression). Reads hp (dropout) at every call. */
  forward(x: tf.Tensor, training: boolean): tf.Tensor;
  /** Hidden activations of one forward pass, by layer name (for activation probes). */
  activations?(x: tf.Tensor): Record<string, tf.Tensor>;
  dispose(): void;
}

export function buildMlp(spec: MlpSpec, init: InitName, rng: Rng, hp: Hyperparams): Net {
  const prefix = uniquePrefix('mlp');
  const layers: DenseParams[] = [];
  const norms: BatchNormParams[] = [];
  const names: string[] = [];
  const params: tf.Variable[] = [];
  for (let i = 0; i + 1 < spec.sizes.length; i++) {
    const layer = createDense(`${prefix}/fc${i + 1}`, spec.sizes[i] as number, spec.sizes[i + 1] as number, init, rng);
    layers.push(layer);
    params.push(layer.W, layer.b);
    names.push(`fc${i + 1}.W`, `fc${i + 1}.b`);
    if (spec.batchNorm && i + 2 < spec.sizes.length) {
      const bn = createBatchNorm(`${prefix}/bn${i + 1}`, spec.sizes[i + 1] as number);
      norms.push(bn);
      params.push(bn.gamma, bn.beta);
      names.push(`bn${i + 1}.gamma`, `bn${i + 1}.beta`);
    }
  }
  const hidden = (h: tf.Tensor, i: number, training: boolean): tf.Tensor => {
    const layer = layers[i] as DenseParams;
    let z = dense(h as tf.Tensor2D, layer.W as tf.Tensor2D, layer.b as tf.Tensor1D);
    if (spec.batchNorm) z = batchNorm(z, norms[i] as BatchNormParams, training) as tf.Tensor2D;
    if (spec.dropout) z = dropout(z, hp.dropout, training, rng) as tf.Tensor2D;
    return activate(spec.activation, z);
  };
  const last = layers.length - 1;
  return {
    params,
    names,
    forward(x, training) {
      let h = x;
      for (let i = 0; i < last; i++) h = hidden(h, i, training);
      const out = layers[last] as DenseParams;
      return dense(h as tf.Tensor2D, out.W as tf.Tensor2D, out.b as tf.Tensor1D);
    },
    dispose() {
      tf.dispose(params);
      for (const bn of norms) tf.dispose([bn.runningMean, bn.runningVar]);
    },
  };
}
