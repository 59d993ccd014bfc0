import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, MnistError } from '../../data/mnist.ts';
import { DemoSession } from '../../demo/demoSession.ts';
import { centerCropOffset, ch01_03, pipelineText, readMnistTestSample } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch01_03.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>): DemoView => ch01_03.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
const image = (v: DemoView, name: string) => fieldRows(v.fields[name]!);

describe('ch01-03 image dataset and transforms demo', () => {
  it('reads the same test images and labels as loadMnist (sample 0 is a 7)', async () => {
    const test = await loadMnist('test');
    for (const i of [0, 1, 4321, 9999]) {
      const { pixels, label } = readMnistTestSample(i);
      expect(label).toBe(test.labels[i]);
      const expected = test.images.subarray(i * 784, (i + 1) * 784);
      expect(Float32Array.from(pixels, (b) => b / 255)).toEqual(expected);
    }
    expect(readMnistTestSample(0).label).toBe(7);
    expect(() => readMnistTestSample(10_000)).toThrow(RangeError);
    expect(() => readMnistTestSample(0, '/nonexistent')).toThrow(MnistError);
  });

  it('CenterCrop(20) gives 1×20×20: rows and columns 4…23 of the image', () => {
    const v = view({ crop: true, size: 20 });
    expect(v.fields.transformed!.dims).toEqual([20, 20]);
    const full = image(v, 'original');
    expect(image(v, 'transformed')).toEqual(full.slice(4, 24).map((r) => r.slice(4, 24)));
    expect(v.layout[0]!.title).toBe('MNIST test[0], label 7, 1×28×28');
    expect(v.layout[2]!.text).toMatch(/^Compose\(\[CenterCrop\(20\), ToTensor\(\)\]\) → tensor of shape 1×20×20/);
  });

  it('centre-crop offsets round half to even, as torchvision (Python round)', () => {
    expect(centerCropOffset(28, 20)).toBe(4);
    expect(centerCropOffset(28, 19)).toBe(4); // 4.5 → 4
    expect(centerCropOffset(28, 21)).toBe(4); // 3.5 → 4
    expect(centerCropOffset(28, 23)).toBe(2); // 2.5 → 2
    expect(centerCropOffset(28, 28)).toBe(0);
  });

  it('vertical flip (p = 1) reverses the rows, deterministically', () => {
    const v = view({ crop: false, vflip: true });
    expect(image(v, 'transformed')).toEqual(image(v, 'original').reverse());
  });

  it('bug 24 fixed: vertical + horizontal flip is applied when both are on, a 180° rotation', () => {
    const v = view({ index: 1, crop: false, vflip: true, hflip: true });
    const original = image(v, 'original');
    const rotated = original.map((r) => [...r].reverse()).reverse();
    expect(image(v, 'transformed')).toEqual(rotated);
    expect(image(v, 'transformed')).not.toEqual([...original].reverse()); // not the vertical-only pipeline
    expect(pipelineText({ crop: false, size: 20, vflip: true, hflip: true })).toBe(
      'Compose([RandomVerticalFlip(p=1), RandomHorizontalFlip(p=1), ToTensor()])',
    );
    // With the crop on too: crop first, then both flips.
    const cropped = image(view({ index: 1, crop: true, size: 20 }), 'transformed');
    const both = image(view({ index: 1, crop: true, size: 20, vflip: true, hflip: true }), 'transformed');
    expect(both).toEqual(cropped.map((r) => [...r].reverse()).reverse());
  });

  it('a session recomputes on a change without leaking tensors', () => {
    const s = new DemoSession(ch01_03, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    s.setValues({ index: 3, hflip: true, size: 13 });
    const [frame] = s.frames(all);
    expect(frame!.fields.transformed!.dims).toEqual([13, 13]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
