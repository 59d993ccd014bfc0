/**
 * ch09-06 · Chapter09_06CNNwithBatchNormalization: the ch09-05 CNN with and without batch norm.
 * MNIST resized to 16×16 (PIL's antialiased bilinear, data/mnist.ts resizeTo16), batches of 100 in order.
 *   (a) conv 1→16 (5×5, pad 2) → ReLU → max-pool 2 → conv 16→32 (5×5, pad 2) → ReLU → max-pool 2 → Linear 512→10:
 *       18,378 parameters;
 *   (b) conv1 → BatchNorm2d(16) → ReLU → pool → conv2 → BatchNorm2d(32) → ReLU → pool → Linear → BatchNorm1d(10)
 *       on the logits: 18,494 trainable parameters plus 116 running statistics.
 * Cross-entropy, SGD lr 0.1 (the course runs 10 epochs = 6,000 steps each). Train mode during steps, evaluation
 * mode for the test split.
 */
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { cnnViews } from '../probe/views/cnnViews.ts';
import { intOption } from '../probe/views/compose.ts';
import { DEFAULT_SAMPLE } from './ch09-05.ts';
import { classifierModel } from './classifier.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildCnn, type CnnSpec } from '../train/nets/cnn.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  batchNorm: boolean;
}

export const ch09_06: TrainingLesson = {
  info: {
    id: 'ch09-06',
    title: 'CNN with and without batch norm',
    chapter: 9,
    trains: true,
    // Every variant fixes batch norm on or off, so batchNorm is no control here.
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 0 },
    description:
      'The ch09-05 CNN (conv16 → ReLU → pool → conv32 → ReLU → pool → Linear 512→10, 18,378 parameters) and the same ' +
      'net with batch norm after each convolution and on the logits (18,494), side by side from the same initial ' +
      'convolution and dense weights and on the same batches of 16×16 MNIST: cross-entropy, SGD lr 0.1, batch 100, ' +
      'test accuracy after every epoch (600 steps). Batch norm uses PyTorch’s ε 1e-5 and running-statistics ' +
      'momentum 0.1: batch statistics in training, running ones for the test split. As in the course, the last ' +
      'batch norm acts on the logits themselves — unusual: each class’s logit is normalised over the batch, so ' +
      'the logits’ spread, and with it the softmax’s confidence, is set by the learnt γ rather than by the ' +
      'features. In our runs the batch-norm net reaches about 98 % test accuracy after one epoch (600 steps), ' +
      'the plain one about 95 %. Course bug fixed: the loss and accuracy of both models have their ' +
      'own charts, one curve per model (the original drew the loss and the accuracy into the same axes). ' +
      'Panels, per model: a test image chosen by its index with each net’s prediction, its feature maps after ' +
      'each conv, before and after batch norm, after ReLU; the filters (conv1’s 16, input channel 0 of ' +
      'conv2’s 32); and each batch-norm layer’s running mean and variance per channel (per class for the logits). ' +
      'Options: batch norm on or off per layer (after conv1, after conv2, on the logits) for the batch-norm net.',
    options: [
      { name: 'sample', label: 'test image', kind: 'integer', default: DEFAULT_SAMPLE, min: 0, max: 9999, step: 1, help: 'test image whose feature maps are shown', hot: true, viewOnly: true },
      // The catalogue's "BN on/off per layer", for the batch-norm net (the other has none anywhere).
      { name: 'bnConv1', label: 'BN after conv1', kind: 'boolean', default: true, help: 'batch norm after the first convolution (batch-norm net)' },
      { name: 'bnConv2', label: 'BN after conv2', kind: 'boolean', default: true, help: 'batch norm after the second convolution (batch-norm net)' },
      { name: 'bnLogits', label: 'BN on the logits', kind: 'boolean', default: true, help: 'batch norm on the logits, as the course (batch-norm net)' },
    ],
  },
  variants: [variant<Options>('no batch norm', { batchNorm: false }), variant<Options>('batch norm', { batchNorm: true })],
  prepare: async (onProgress) => {
    await prepareMnist('train', 16, onProgress);
    await prepareMnist('test', 16, onProgress);
  },
  build: ({ seed, hp, variant: v, options }) => {
    const { batchNorm } = optionsOf<Options>(v, { batchNorm: false });
    // Batch norm draws no random numbers, so both variants get the same convolution and dense weights.
    const spec: CnnSpec = {
      side: 16,
      inCh: 1,
      convs: [
        { out: 16, k: 5, pad: 2 },
        { out: 32, k: 5, pad: 2 },
      ],
      pool: 2,
      classes: 10,
      activation: 'relu',
      batchNorm: batchNorm && {
        convs: [options.bnConv1 !== false, options.bnConv2 !== false],
        logits: options.bnLogits !== false,
      },
    };
    const net = buildCnn(spec, 'default', createRng(subSeed(seed, INIT_STREAM)));
    const test = mnistData('test', 16);
    const model = classifierModel(net, mnistData('train', 16), test, hp);
    return {
      ...model,
      // `sample` is hot: `options` is the trainer's live values object, read at every frame.
      views: () =>
        cnnViews(
          { net, spec, samples: test, featureMaps: ['conv1', 'bn1', 'act1', 'conv2', 'bn2', 'act2'], runningStats: true },
          intOption(options, 'sample', DEFAULT_SAMPLE, 0, test.n - 1),
        ),
    };
  },
};
