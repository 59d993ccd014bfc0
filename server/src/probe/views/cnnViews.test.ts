import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { bars } from '../../data/synthetic.ts';
import { ch09_04 } from '../../lessons/ch09-04/model.ts';
import { subSeed, VALIDATION_STREAM } from '../../data/prng.ts';
import { buildCnn, type CnnSpec } from '../../train/nets/cnn.ts';
import { Trainer } from '../../train/trainer.ts';
import { cnnViews } from './cnnViews.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** conv 1→2 (2×2) → ReLU → conv 2→1 (2×2) → ReLU on 4×4 images, no pooling: ch09-04's shape, smaller. */
const spec: CnnSpec = {
  side: 4,
  inCh: 1,
  convs: [
    { out: 2, k: 2, pad: 0 },
    { out: 1, k: 2, pad: 0 },
  ],
  pool: 1,
  classes: 2,
  activation: 'relu',
  batchNorm: false,
};

describe('cnnViews', () => {
  it('kernel grids hold W[:, :, in, out]; the chosen sample, its maps, and a note for a stage the net lacks', () => {
    const net = buildCnn(spec, 'default', createRng(3));
    // conv2.W [2, 2, 2, 1] with W[r, c, i, 0] = 10·i + 2r + c
    net.params[net.names.indexOf('conv2.W')]!.assign(tf.tensor4d([0, 10, 1, 11, 2, 12, 3, 13], [2, 2, 2, 1]));
    const pixels = Float32Array.from({ length: 3 * 16 }, (_, i) => (i % 16) / 16 + Math.floor(i / 16));
    const samples = { pixels, labels: [0, 1, 0], n: 3 };
    const before = tf.memory().numTensors;
    const v = cnnViews({ net, spec, samples, kernelGrids: true, featureMaps: ['conv1', 'bn1', 'act1'] }, 7);
    expect(tf.memory().numTensors).toBe(before);
    // clamped to the last sample, index 2
    expect(Array.from(v.fields.sample!.data)).toEqual(Array.from(pixels.subarray(32, 48)));
    const caption = v.layout.find((p) => p.field === 'sample')!.captions![0]!;
    expect(caption.startsWith('#2: 0 → ')).toBe(true);
    expect(Array.from(v.fields['conv2.k0.0']!.data)).toEqual([0, 1, 2, 3]);
    expect(Array.from(v.fields['conv2.k0.1']!.data)).toEqual([10, 11, 12, 13]);
    expect(v.fields['conv1.k1.0']!.dims).toEqual([2, 2]);
    expect(v.fields['map.conv1']!.dims).toEqual([2, 3, 3]);
    const stages = v.layout.filter((p) => p.group === 'feature maps of the chosen sample');
    expect(stages.map((p) => [p.kind, p.title])).toEqual([
      ['tiles', 'conv1 output'],
      ['text', 'after batch norm 1'],
      ['tiles', 'after ReLU 1'],
    ]);
    net.dispose();
  });

  it('tiles instead of grids: every kernel of a one-input layer, input channel 0 of the others', () => {
    const net = buildCnn(spec, 'default', createRng(3));
    const v = cnnViews({ net, spec, samples: { pixels: new Float32Array(16), labels: [0], n: 1 }, featureMaps: [] }, 0);
    expect(v.fields['conv1.W']!.dims).toEqual([2, 2, 2]);
    expect(v.fields['conv2.W']!.dims).toEqual([1, 2, 2]);
    const W2 = net.params[net.names.indexOf('conv2.W')]!.dataSync();
    // tile 0 = W[:, :, 0, 0]: every other value of [2, 2, 2, 1]
    expect(Array.from(v.fields['conv2.W']!.data)).toEqual([W2[0], W2[2], W2[4], W2[6]]);
    net.dispose();
  });
});

describe('ch09-04 views', () => {
  it('follow the channel options (restart) and the hot `sample` option (no restart), on the validation images', () => {
    const t = new Trainer(ch09_04, 5, { speed: 0 }, 20, false);
    t.setValues({ ch1: 3, ch2: 2 });
    t.trainStep();
    expect(t.setValues({ sample: 700 })).toEqual({ sample: [0, 700] });
    expect(t.step).toBe(1);
    const v = t.runs[0]!.model.views!();
    const kernels = v.layout.filter((p) => p.kind === 'grid');
    // conv1: 3 outputs × 1 input; conv2: 2 outputs × 3 inputs
    expect(kernels.length).toBe(3 + 6);
    expect(v.fields['map.conv1']!.dims).toEqual([3, 10, 10]);
    expect(v.fields['map.pool2']!.dims).toEqual([2, 7, 7]);
    const val = bars(subSeed(5, VALIDATION_STREAM), 1_000);
    expect(Array.from(v.fields.sample!.data)).toEqual(Array.from(val.images.subarray(700 * 121, 701 * 121)));
    expect(v.layout.find((p) => p.field === 'sample')!.captions![0]).toMatch(/^#700: horizontal → (vertical|horizontal) \(/);
    t.dispose();
  });
});
