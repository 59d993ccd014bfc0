/**
 * ch09-04 · Chapter09_04CNN: a small CNN that tells vertical from horizontal bars.
 * Data: 11×11 images, background 0; class 0 has rows 1–9 × columns 4–6 filled with Bernoulli(0.9) pixels, class 1
 * the transpose (rows 4–6 × columns 1–9). 10,000 training images and 1,000 validation images, half of each class.
 * Model (119 parameters, PyTorch default init):
 *   conv 1→2 (2×2, no padding) 11→10 → ReLU → max-pool 2×2 stride 1 → 9
 *   conv 2→1 (2×2) 9→8 → ReLU → max-pool 2×2 stride 1 → 7
 *   flatten 49 → Linear 49→2.
 * Cross-entropy, Adam lr 0.001 (β 0.9/0.999, ε 1e-8), batch 10 (1,000 steps per epoch; the course runs 10 epochs).
 */
import { createRng } from '../data/prng.ts';
import { bars } from '../data/synthetic.ts';
import { classifierModel } from './classifier.ts';
import { INIT_STREAM, memoryRows, SHUFFLE_STREAM, subSeed, VALIDATION_STREAM } from './memoryRows.ts';
import { buildCnn, type CnnSpec } from './nets/cnn.ts';
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
    channels: ['metrics'],
    defaults: { lr: 0.001, optimizer: 'adam', batchSize: 10, speed: 0 },
    description:
      'Two 2×2 convolutions (2 channels, then 1), each followed by ReLU and a 2×2 max-pool of stride 1, and a ' +
      'Linear 49→2 (119 parameters in all) learn to tell noisy vertical bars from horizontal ones on 11×11 images ' +
      '(10,000 for training, 1,000 for validation); Adam lr 0.001, batch 10, validation accuracy after every epoch. ' +
      'Course bugs fixed: exactly half of each set is of each class (the original’s “n ≤ N/2” gave 5,001/4,999), ' +
      'the class-ordered training set is reshuffled every epoch (the original fed 500 batches of one class, then ' +
      '500 of the other), and both sets come from the run seed (the original seeded neither the way it intended).',
  },
  build: ({ seed, hp }) => {
    const train = bars(seed, 10_000);
    const val = bars(subSeed(seed, VALIDATION_STREAM), 1_000);
    const net = buildCnn(BARS_CNN, 'default', createRng(subSeed(seed, INIT_STREAM)));
    const rows = memoryRows({ xDim: SIDE * SIDE, x: train.images, y: train.labels }, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
    return classifierModel(net, rows, memoryRows({ xDim: SIDE * SIDE, x: val.images, y: val.labels }), hp);
  },
};
