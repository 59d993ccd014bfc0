/**
 * ch07-04 · Chapter07_04NNMultiClass: MNIST with one hidden layer.
 * 784 → 100 (σ) → 10 (79,510 parameters, default init), cross-entropy, SGD lr 0.01, batch 2,000 from a loader that
 * shuffles (30 steps per epoch; the course runs 1 epoch), the full 60,000 / 10,000 split in [0, 1].
 */
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { classifierModel } from './classifier.ts';
import { memoryRows, SHUFFLE_STREAM, subSeed } from './memoryRows.ts';
import { buildMlp } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';

export const ch07_04: TrainingLesson = {
  info: {
    id: 'ch07-04',
    title: 'MNIST with one sigmoid hidden layer',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 0 },
    description:
      'A 784 → 100 (σ) → 10 network on the full MNIST training set: cross-entropy, SGD lr 0.01, batch 2,000 ' +
      'reshuffled every epoch (seeded), test accuracy on the 10,000 test images after every epoch (30 steps). ' +
      'At the course’s lr 0.01 the sigmoid layer learns slowly — the loss barely leaves log 10 ≈ 2.30 in the ' +
      'course’s single epoch; raise lr (or switch optimizer) to see how much faster it can go. The original’s ' +
      'unused duplicate Sequential model is not built. Live controls beyond the course: weight decay, dropout, ' +
      'batch norm (rebuilds the network, keeping the weights) and the initialisation (draws the weights anew).',
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp }) => {
    const train = mnistData('train', 28);
    // Batch norm, dropout and the initialisation follow the live controls (off, 0 and default, as the course).
    const net = buildMlp({ sizes: [784, 100, 10], activation: 'sigmoid', batchNorm: hp.batchNorm, dropout: true }, hp.init, createRng(seed), hp);
    const rows = memoryRows({ xDim: 784, x: train.pixels, y: train.labels }, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
    return classifierModel(net, rows, mnistData('test', 28), hp);
  },
};
