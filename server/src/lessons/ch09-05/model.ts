/**
 * ch09-05 · Chapter09_05CNNwithMNIST: a small CNN on MNIST resized to 16×16 (PIL's antialiased bilinear, as
 * the course; data/mnist.ts resizeTo16). conv 1→16 (5×5, pad 2) → ReLU → max-pool 2 → conv 16→32 (5×5, pad 2)
 * → ReLU → max-pool 2 → flatten 512 → Linear 512→10: 18,378 parameters. Cross-entropy, SGD lr 0.1, batch 100.
 */
import { createRng } from '../../data/prng.ts';
import { mnistData, prepareMnist } from '../../data/mnistData.ts';
import { cnnViews } from '../../probe/views/cnnViews.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { drawingPixels } from '../drawingPixels.ts';
import { galleryView } from '../../probe/views/gallery.ts';
import { classifierModel } from '../classifier.ts';
import { buildCnn, type CnnSpec } from '../../train/nets/cnn.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch09_05 = trainingLesson(info, {
  prepare: async (onProgress) => {
    await prepareMnist('train', 16, onProgress);
    await prepareMnist('test', 16, onProgress);
  },
  build: ({ seed, hp, options }) => {
    const k = options.kernel;
    const pad = Math.floor(k / 2);
    const spec: CnnSpec = {
      side: 16,
      inCh: 1,
      convs: [
        { out: options.ch1, k, pad },
        { out: options.ch2, k, pad },
      ],
      pool: 2,
      classes: 10,
      activation: 'relu',
      batchNorm: false,
    };
    const net = buildCnn(spec, 'default', createRng(seed));
    const test = mnistData('test', 16);
    const model = classifierModel(net, mnistData('train', 16), test, hp);
    return {
      ...model,
      // `sample` and `drawn` are hot: `options` is the trainer's live values object, read at every frame.
      views: () =>
        joinViews(
          cnnViews(
            { net, spec, samples: test, featureMaps: ['conv1', 'act1', 'conv2', 'act2'] },
            options.sample,
            drawingPixels(options.drawn),
          ),
          galleryView('gallery', 'misclassified test images (true → predicted)', model.lastEvaluation(), test.pixels, 16),
        ),
    };
  },
});
