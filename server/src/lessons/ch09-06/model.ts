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
import { createRng } from '../../data/prng.ts';
import { mnistData, prepareMnist } from '../../data/mnistData.ts';
import { cnnViews } from '../../probe/views/cnnViews.ts';
import { classifierModel } from '../classifier.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildCnn, type CnnSpec } from '../../train/nets/cnn.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

interface Options {
  batchNorm: boolean;
}

export const ch09_06 = trainingLesson(info, {
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
        convs: [options.bnConv1, options.bnConv2],
        logits: options.bnLogits,
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
          options.sample,
        ),
    };
  },
});
