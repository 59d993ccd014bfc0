/**
 * Seeded conv2d cases shared by the Conv2DBackpropFilter / Conv2DBackpropInput tests: hand-picked corner
 * cases (every padding kind, strides 1–3 with remainder rows, non-square windows and strides), the two
 * ch09-05 layers at a reduced batch, and random draws of shape, window, stride and padding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Arg, createRng, randn, type Rng } from './testKit.ts';

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

export interface ConvCase {
  name: string;
  x: Arg; // [B, H, W, Ci]
  w: Arg; // [kh, kw, Ci, Co]
  strides: [number, number];
  pad: Pad;
  /** Weights R of the scalar loss Σ conv(x, w)·R, output-shaped. */
  r: Float32Array;
  f: (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;
}

interface Spec {
  x: [number, number, number, number];
  k: [number, number];
  co: number;
  strides: [number, number];
  pad: Pad;
}

const FIXED: Array<[string, Spec]> = [
  ['3x3 s1 same', { x: [2, 7, 7, 3], k: [3, 3], co: 4, strides: [1, 1], pad: 'same' }],
  ['4x4 s2 same (even window)', { x: [2, 8, 8, 2], k: [4, 4], co: 3, strides: [2, 2], pad: 'same' }],
  ['5x5 s2 valid, remainder row', { x: [3, 10, 10, 1], k: [5, 5], co: 2, strides: [2, 2], pad: 'valid' }],
  ['3x3 s3 valid, remainder rows', { x: [2, 11, 11, 3], k: [3, 3], co: 2, strides: [3, 3], pad: 'valid' }],
  ['explicit asymmetric pad', { x: [2, 6, 6, 2], k: [3, 3], co: 2, strides: [1, 1], pad: [[0, 0], [1, 2], [0, 1], [0, 0]] }],
  ['explicit pad, stride 2', { x: [2, 7, 6, 2], k: [2, 3], co: 3, strides: [2, 2], pad: [[0, 0], [2, 0], [1, 1], [0, 0]] }],
  ['non-square window and stride, same', { x: [2, 7, 9, 2], k: [3, 4], co: 3, strides: [2, 1], pad: 'same' }],
  ['1x1 window s2', { x: [2, 5, 5, 4], k: [1, 1], co: 3, strides: [2, 2], pad: 'valid' }],
  ['ch09-05 conv1 [4,16,16,1]·[5,5,1,16] pad 2', { x: [4, 16, 16, 1], k: [5, 5], co: 16, strides: [1, 1], pad: 2 }],
  ['ch09-05 conv2 [4,8,8,16]·[5,5,16,32] pad 2', { x: [4, 8, 8, 16], k: [5, 5], co: 32, strides: [1, 1], pad: 2 }],
];

function randomSpec(rng: Rng): Spec {
  const kh = 1 + rng.int(5);
  const kw = 1 + rng.int(5);
  const strides: [number, number] = [1 + rng.int(3), 1 + rng.int(3)];
  const H = kh + rng.int(8);
  const W = kw + rng.int(8);
  const kinds: Pad[] = ['valid', 'same', [[0, 0], [rng.int(kh), rng.int(kh)], [rng.int(kw), rng.int(kw)], [0, 0]]];
  return { x: [1 + rng.int(3), H, W, 1 + rng.int(4)], k: [kh, kw], co: 1 + rng.int(4), strides, pad: kinds[rng.int(3)] ?? 'valid' };
}

export function convCases(seed = 905, randomCount = 6): ConvCase[] {
  const rng = createRng(seed);
  const specs: Array<[string, Spec]> = [...FIXED];
  for (let i = 0; i < randomCount; i++) specs.push([`random #${i}`, randomSpec(rng)]);
  return specs.map(([label, spec]) => makeCase(rng, label, spec));
}

/** The two ch09-05 layers at their real batch of 100, as [name, case] rows for it.each. */
export function fullSize(seed = 100): Array<[string, ConvCase]> {
  const rng = createRng(seed);
  const specs: Array<[string, Spec]> = [
    ['conv1', { x: [100, 16, 16, 1], k: [5, 5], co: 16, strides: [1, 1], pad: 2 }],
    ['conv2', { x: [100, 8, 8, 16], k: [5, 5], co: 32, strides: [1, 1], pad: 2 }],
  ];
  return specs.map(([label, spec]) => {
    const c = makeCase(rng, label, spec);
    return [c.name, c];
  });
}

function makeCase(rng: Rng, label: string, spec: Spec): ConvCase {
  const wShape = [spec.k[0], spec.k[1], spec.x[3], spec.co];
  const info = tf.backend_util.computeConv2DInfo(spec.x, wShape as [number, number, number, number], spec.strides, 1, spec.pad);
  return {
    name: `${label}: x[${spec.x}] w[${wShape}] s[${spec.strides}] pad ${JSON.stringify(spec.pad)}`,
    x: { values: randn(rng, spec.x), shape: spec.x },
    w: { values: randn(rng, wShape, 0.3), shape: wShape },
    strides: spec.strides,
    pad: spec.pad,
    r: randn(rng, info.outShape),
    f: (x: tf.Tensor, w: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, spec.strides, spec.pad),
  };
}
