/**
 * ch06-02 · Chapter06_02SoftmaxClassifier: softmax regression on MNIST.
 * Linear 784→10 (7,850 parameters, PyTorch default init, bound 1/28), cross-entropy, SGD lr 0.1, batch 100,
 * the full 60,000 / 10,000 split in [0, 1], batches in order (the course's loader does not shuffle).
 */
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { classifierModel } from './classifier.ts';
import { buildMlp } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';

export const ch06_02: TrainingLesson = {
  info: {
    id: 'ch06-02',
    title: 'Softmax classifier on MNIST',
    chapter: 6,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 0 },
    description:
      'Softmax regression (Linear 784→10) on the full MNIST training set, cross-entropy, SGD lr 0.1, batch 100; ' +
      'test accuracy on the 10,000 test images after every epoch. Course bug fixed: the loss curve is the mean ' +
      'over recent batches rather than the last mini-batch of each epoch.',
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp }) => {
    const net = buildMlp({ sizes: [784, 10], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(seed), hp);
    return classifierModel(net, mnistData('train', 28), mnistData('test', 28), hp);
  },
};
