/**
 * Intermediate activations of a net for a few inputs (Net.activations, evaluation mode) read back as plain
 * arrays, and a conv layer's feature maps for one sample as `tiles`, one tile per channel.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Net } from '../../train/nets/mlp.ts';
import type { DemoView } from '@gradcast/shared';
import { indexCaptions, tilesView } from './tiles.ts';

export interface ReadTensor {
  data: Float32Array;
  shape: number[];
}

/**
 * Net.activations(x) as arrays, by layer name, in the net's order. The tensors are read outside the tidy that
 * made them (tidy walks a returned typed array element by element) and disposed: nothing is left behind.
 */
export function readActivations(net: Net, x: tf.Tensor): Record<string, ReadTensor> {
  const activations = net.activations;
  if (!activations) throw new Error('readActivations: this net has no activations()');
  return readTensors(tf.tidy(() => activations(x)));
}

/** Tensors by name read back as arrays, then disposed (read outside any tidy: see readActivations). */
export function readTensors(tensors: Record<string, tf.Tensor>): Record<string, ReadTensor> {
  const out: Record<string, ReadTensor> = {};
  try {
    for (const [name, t] of Object.entries(tensors)) out[name] = { data: t.dataSync() as Float32Array, shape: t.shape.slice() };
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return out;
}

/** readActivations on rows uploaded from `data` (e.g. a slice of a data set) as a tensor of `shape`, then freed. */
export function activationsOf(net: Net, data: Float32Array, shape: number[]): Record<string, ReadTensor> {
  const x = tf.tensor(data, shape);
  try {
    return readActivations(net, x);
  } finally {
    x.dispose();
  }
}

/** One sample's NHWC map [H, W, C] (row-major, channel fastest) as C tiles [C, H, W]. */
export function channelTiles(x: ArrayLike<number>, h: number, w: number, c: number): Float32Array {
  if (x.length !== h * w * c) throw new RangeError(`channelTiles: ${x.length} values are not ${h}×${w}×${c}`);
  const out = new Float32Array(h * w * c);
  const plane = h * w;
  for (let p = 0; p < plane; p++) {
    const base = p * c;
    for (let k = 0; k < c; k++) out[k * plane + p] = x[base + k] as number;
  }
  return out;
}

/**
 * Sample 0 of an activation [N, H, W, C] as a tiles panel [C, H, W] captioned by channel. `scale` diverging for
 * signed maps (conv and batch-norm outputs), sequential for ReLU and pooling outputs (≥ 0).
 */
export function featureMapView(
  name: string,
  title: string,
  a: ReadTensor,
  scale: 'diverging' | 'sequential',
  group?: string,
): DemoView {
  if (a.shape.length !== 4) throw new RangeError(`featureMapView ${name}: expected [N, H, W, C], got [${a.shape}]`);
  const [, h, w, c] = a.shape as [number, number, number, number];
  const one = a.data.subarray(0, h * w * c);
  return tilesView(name, title, channelTiles(one, h, w, c), c, h, w, { scale, captions: indexCaptions(c), ...(group ? { group } : {}) });
}

/** Softmax of one row of logits (for a caption's probability), computed in float64. */
export function softmaxRow(logits: ArrayLike<number>): Float64Array {
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) m = Math.max(m, logits[i] as number);
  const p = new Float64Array(logits.length);
  let s = 0;
  for (let i = 0; i < logits.length; i++) s += p[i] = Math.exp((logits[i] as number) - m);
  for (let i = 0; i < p.length; i++) p[i]! /= s;
  return p;
}

/** Index of the largest value (the first on ties, as tf.argMax). */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/**
 * Caption of a chosen sample: "#index: true → predicted (probability)", e.g. "#3: 0 → 0 (0.99)"; `logits` the
 * first row of the net's output for it.
 */
export function sampleCaption(index: number, label: number, logits: ArrayLike<number>, classNames?: readonly string[]): string {
  const p = softmaxRow(logits);
  const k = argMax(p);
  const name = (c: number): string => classNames?.[c] ?? String(c);
  return `#${index}: ${name(label)} → ${name(k)} (${(p[k] as number).toFixed(2)})`;
}

/**
 * Caption of a drawn input (no index, no true label: the panel's title says it is the drawing): "→ predicted
 * (probability)", e.g. "→ 3 (0.87)", short enough to show whole under a 16-pixel tile; `logits` the net's output
 * row for it.
 */
export function drawingCaption(logits: ArrayLike<number>, classNames?: readonly string[]): string {
  const p = softmaxRow(logits);
  const k = argMax(p);
  return `→ ${classNames?.[k] ?? String(k)} (${(p[k] as number).toFixed(2)})`;
}
