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
import { createRng } from '../../data/prng.ts';
import { bars } from '../../data/synthetic.ts';
import { cnnViews } from '../../probe/views/cnnViews.ts';
import { classifierModel } from '../classifier.ts';
import { memoryRows } from '../memoryRows.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed, VALIDATION_STREAM } from '../../data/prng.ts';
import { buildCnn, type CnnSpec } from '../../train/nets/cnn.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

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

export const ch09_04 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const data = { p: options.p, offset: options.offset };
    const train = bars(seed, 10_000, data);
    const val = bars(subSeed(seed, VALIDATION_STREAM), 1_000, data);
    const outs = [options.ch1, options.ch2];
    const spec: CnnSpec = { ...BARS_CNN, convs: BARS_CNN.convs.map((c, i) => ({ ...c, out: outs[i] as number })) };
    const net = buildCnn(spec, 'default', createRng(subSeed(seed, INIT_STREAM)));
    const shuffle = options.shuffle ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const rows = memoryRows({ xDim: SIDE * SIDE, x: train.images, y: train.labels }, { shuffle });
    const model = classifierModel(net, rows, memoryRows({ xDim: SIDE * SIDE, x: val.images, y: val.labels }), hp);
    const samples = { pixels: val.images, labels: val.labels, n: val.n };
    return {
      ...model,
      // `sample` is hot: `options` is the trainer's live values object, read at every frame.
      views: () =>
        cnnViews(
          { net, spec, samples, classNames: ['vertical', 'horizontal'], kernelGrids: true, featureMaps: ['conv1', 'act1', 'pool1', 'conv2', 'act2', 'pool2'] },
          options.sample,
        ),
    };
  },
});
