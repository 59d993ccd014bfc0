/** ch09-06: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, int } from '@gradcast/shared';
import { DEFAULT_SAMPLE } from '../ch09-05/info.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch09-06',
  title: 'CNN with and without batch norm',
  chapter: 9,
  // Every variant fixes batch norm on or off, so batchNorm is no control here.
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: false },
  // Pace: both CNNs move visibly over the first few hundred steps; the course's one epoch (600 steps) in 30 s.
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 20 },
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
    int('sample', { label: 'test image', default: DEFAULT_SAMPLE, min: 0, max: 9999, step: 1, help: 'test image whose feature maps are shown', hot: true, viewOnly: true }),
    // The catalogue's "BN on/off per layer", for the batch-norm net (the other has none anywhere).
    bool('bnConv1', { label: 'BN after conv1', default: true, help: 'batch norm after the first convolution (batch-norm net)' }),
    bool('bnConv2', { label: 'BN after conv2', default: true, help: 'batch norm after the second convolution (batch-norm net)' }),
    bool('bnLogits', { label: 'BN on the logits', default: true, help: 'batch norm on the logits, as the course (batch-norm net)' }),
  ],
});
