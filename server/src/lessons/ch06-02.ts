/**
 * ch06-02 · Chapter06_02SoftmaxClassifier: softmax regression on MNIST.
 * Linear 784→10 (7,850 parameters, PyTorch default init, bound 1/28), cross-entropy, SGD lr 0.1, batch 100,
 * the full 60,000 / 10,000 split in [0, 1], batches in order (the course's loader does not shuffle).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { joinViews } from '../probe/views/compose.ts';
import { confusionView, galleryView } from '../probe/views/gallery.ts';
import { denseColumnTiles, indexCaptions, tilesView } from '../probe/views/tiles.ts';
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
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 0 },
    description:
      'Softmax regression (Linear 784→10) on the full MNIST training set, cross-entropy, SGD lr 0.1, batch 100; ' +
      'test accuracy on the 10,000 test images after every epoch. Course bug fixed: the loss curve is the mean ' +
      'over recent batches rather than the last mini-batch of each epoch. Panels: the 10 weight columns as ' +
      '28×28 templates (blue negative, orange positive), and from the last test evaluation the first ' +
      'misclassified test images (true → predicted, with the predicted probability) and the confusion matrix.',
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp }) => {
    const net = buildMlp({ sizes: [784, 10], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(seed), hp);
    const test = mnistData('test', 28);
    const model = classifierModel(net, mnistData('train', 28), test, hp);
    /** W [784, 10]: column d holds the weights digit d's logit gives each pixel. */
    const W = net.params[net.names.indexOf('fc1.W')] as tf.Variable;
    return {
      ...model,
      views: () =>
        joinViews(
          tilesView('templates', 'weight templates (one column of W per digit)', denseColumnTiles(W.dataSync(), 784, 10, 28, 28), 10, 28, 28, {
            scale: 'diverging',
            captions: indexCaptions(10),
          }),
          galleryView('gallery', 'misclassified test images (true → predicted)', model.lastEvaluation(), test.pixels, 28),
          confusionView('confusion', 'confusion matrix (last test evaluation)', model.lastEvaluation()),
        ),
    };
  },
};
