/**
 * ch09-04 · Chapter09_04CNN: a small CNN that tells vertical from horizontal bars.
 * Data: 11×11 images, background 0; class 0 has rows 1–9 × columns 4–6 filled with Bernoulli(0.9) pixels, class 1
 * the transpose (rows 4–6 × columns 1–9). 10,000 training images and 1,000 validation images, half of each class.
 * Model (119 parameters, PyTorch default init):
 *   conv 1→2 (2×2, no padding) 11→10 → ReLU → max-pool 2×2 stride 1 → 9
 *   conv 2→1 (2×2) 9→8 → ReLU → max-pool 2×2 stride 1 → 7
 *   flatten 49 → Linear 49→2.
 * Cross-entropy, Adam lr 0.001 (β 0.9/0.999, ε 1e-8), batch 10 (1,000 steps per epoch; the course runs 10 epochs).
 * Option `shuffle` (catalogue "Live controls"): on by default (the fix of the class-ordered batches); off feeds the
 * course's loader order, 500 batches of vertical bars, then 500 of horizontal ones.
 */
import { createRng } from '../data/prng.ts';
import { bars } from '../data/synthetic.ts';
import { cnnViews } from '../probe/views/cnnViews.ts';
import { boolOption, intOption, numberOption } from '../probe/views/compose.ts';
import { classifierModel } from './classifier.ts';
import { memoryRows } from './memoryRows.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed, VALIDATION_STREAM } from '../data/prng.ts';
import { buildCnn, type CnnSpec } from '../train/nets/cnn.ts';
import type { TrainingLesson } from './types.ts';

/** Image side in pixels. */
const SIDE = 11;

/**
 * The course's bars CNN: conv1 [2, 2, 1, 2] + [2] (10 parameters), conv2 [2, 2, 2, 1] + [1] (9), fc [49, 2] + [2]
 * (100), drawn in that order from the init stream. The last feature map has one channel, so the NHWC flatten has
 * PyTorch's NCHW order.
 */
const BARS_CNN: CnnSpec = {
  side: SIDE,
  inCh: 1,
  convs: [
    { out: 2, k: 2, pad: 0 },
    { out: 1, k: 2, pad: 0 },
  ],
  pool: 2,
  poolStride: 1,
  classes: 2,
  activation: 'relu',
  batchNorm: false,
};

export const ch09_04: TrainingLesson = {
  info: {
    id: 'ch09-04',
    title: 'Small CNN: vertical vs horizontal bars',
    chapter: 9,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.001, optimizer: 'adam', batchSize: 10, speed: 0 },
    description:
      'Two 2×2 convolutions (2 channels, then 1), each followed by ReLU and a 2×2 max-pool of stride 1, and a ' +
      'Linear 49→2 (119 parameters in all) learn to tell noisy vertical bars from horizontal ones on 11×11 images ' +
      '(10,000 for training, 1,000 for validation); Adam lr 0.001, batch 10, validation accuracy after every epoch. ' +
      'Course bugs fixed: exactly half of each set is of each class (the original’s “n ≤ N/2” gave 5,001/4,999), ' +
      'the class-ordered training set is reshuffled every epoch (the original fed 500 batches of one class, then ' +
      '500 of the other), and both sets come from the run seed (the original seeded neither the way it intended). ' +
      'Panels: a validation image chosen by its index, with the net’s prediction, its feature maps after each ' +
      'conv, ReLU and pool, and every 2×2 kernel with its values. Lesson options: the image shown (live), and, ' +
      'restarting the run, shuffle (on: the fix above; off: the course’s class-ordered batches, whose loss and ' +
      'accuracy swing as the net first sees only vertical bars, then only horizontal ones), the pixel probability ' +
      'p, a random bar offset and the two conv layers’ channel counts.',
    options: [
      { name: 'sample', label: 'validation image', kind: 'integer', default: 0, min: 0, max: 999, step: 1, help: '0–499 vertical, 500–999 horizontal', hot: true, viewOnly: true },
      {
        name: 'shuffle',
        label: 'shuffle',
        kind: 'boolean',
        default: true,
        help: 'Reshuffle the training images every epoch (the fix of the course’s class-ordered batches); off: the course’s loader order, 5,000 vertical bars then 5,000 horizontal ones. Restarts the run.',
      },
      { name: 'p', label: 'pixel probability p', kind: 'number', default: 0.9, min: 0.5, max: 1, step: 0.05, help: 'chance that a bar pixel is on (the course: 0.9)' },
      { name: 'offset', label: 'random offset', kind: 'boolean', default: false, help: 'bars start at a random row and column (the course: fixed)' },
      { name: 'ch1', label: 'conv1 channels', kind: 'integer', default: 2, min: 1, max: 4, step: 1, help: 'output channels of the first conv (the course: 2)' },
      { name: 'ch2', label: 'conv2 channels', kind: 'integer', default: 1, min: 1, max: 4, step: 1, help: 'output channels of the second conv (the course: 1)' },
    ],
  },
  build: ({ seed, hp, options }) => {
    const data = { p: Math.min(1, Math.max(0, numberOption(options, 'p', 0.9))), offset: boolOption(options, 'offset', false) };
    const train = bars(seed, 10_000, data);
    const val = bars(subSeed(seed, VALIDATION_STREAM), 1_000, data);
    const outs = [intOption(options, 'ch1', 2, 1, 4), intOption(options, 'ch2', 1, 1, 4)];
    const spec: CnnSpec = { ...BARS_CNN, convs: BARS_CNN.convs.map((c, i) => ({ ...c, out: outs[i] as number })) };
    const net = buildCnn(spec, 'default', createRng(subSeed(seed, INIT_STREAM)));
    const shuffle = boolOption(options, 'shuffle', true) ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const rows = memoryRows({ xDim: SIDE * SIDE, x: train.images, y: train.labels }, { shuffle });
    const model = classifierModel(net, rows, memoryRows({ xDim: SIDE * SIDE, x: val.images, y: val.labels }), hp);
    const samples = { pixels: val.images, labels: val.labels, n: val.n };
    return {
      ...model,
      // `sample` is hot: `options` is the trainer's live values object, read at every frame.
      views: () =>
        cnnViews(
          { net, spec, samples, classNames: ['vertical', 'horizontal'], kernelGrids: true, featureMaps: ['conv1', 'act1', 'pool1', 'conv2', 'act2', 'pool2'] },
          intOption(options, 'sample', 0, 0, val.n - 1),
        ),
    };
  },
};
