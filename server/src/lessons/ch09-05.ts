/**
 * ch09-05 · Chapter09_05CNNwithMNIST: a small CNN on MNIST resized to 16×16 (PIL's antialiased bilinear, as
 * the course; data/mnist.ts resizeTo16). conv 1→16 (5×5, pad 2) → ReLU → max-pool 2 → conv 16→32 (5×5, pad 2)
 * → ReLU → max-pool 2 → flatten 512 → Linear 512→10: 18,378 parameters. Cross-entropy, SGD lr 0.1, batch 100.
 */
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { classifierModel } from './classifier.ts';
import { buildCnn } from './nets/cnn.ts';
import type { TrainingLesson } from './types.ts';

export const ch09_05: TrainingLesson = {
  info: {
    id: 'ch09-05',
    title: 'CNN on 16×16 MNIST',
    chapter: 9,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 0 },
    description:
      'conv16 → ReLU → pool → conv32 → ReLU → pool → Linear 512→10 (18,378 parameters) on MNIST resized to ' +
      '16×16 with PIL-exact antialiased bilinear filtering; SGD lr 0.1, batch 100; test accuracy after every epoch.',
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 16, onProgress);
    await prepareMnist('test', 16, onProgress);
  },
  build: ({ seed, hp }) => {
    const net = buildCnn(
      { side: 16, inCh: 1, convs: [{ out: 16, k: 5, pad: 2 }, { out: 32, k: 5, pad: 2 }], pool: 2, classes: 10, activation: 'relu', batchNorm: false },
      'default',
      createRng(seed),
    );
    return classifierModel(net, mnistData('train', 16), mnistData('test', 16), hp);
  },
};
