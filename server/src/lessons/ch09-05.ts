/**
 * ch09-05 · Chapter09_05CNNwithMNIST: a small CNN on MNIST resized to 16×16 (PIL's antialiased bilinear, as
 * the course; data/mnist.ts resizeTo16). conv 1→16 (5×5, pad 2) → ReLU → max-pool 2 → conv 16→32 (5×5, pad 2)
 * → ReLU → max-pool 2 → flatten 512 → Linear 512→10: 18,378 parameters. Cross-entropy, SGD lr 0.1, batch 100.
 */
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { cnnViews } from '../probe/views/cnnViews.ts';
import { drawingOption, intOption, joinViews } from '../probe/views/compose.ts';
import { galleryView } from '../probe/views/gallery.ts';
import { classifierModel } from './classifier.ts';
import { buildCnn, type CnnSpec } from '../train/nets/cnn.ts';
import type { TrainingLesson } from './types.ts';

/** Test image 3 is a 0, like the course's feature-map figure (train[1]). */
export const DEFAULT_SAMPLE = 3;

export const ch09_05: TrainingLesson = {
  info: {
    id: 'ch09-05',
    title: 'CNN on 16×16 MNIST',
    chapter: 9,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 0 },
    description:
      'conv16 → ReLU → pool → conv32 → ReLU → pool → Linear 512→10 (18,378 parameters) on MNIST resized to ' +
      '16×16 with PIL-exact antialiased bilinear filtering; SGD lr 0.1, batch 100; test accuracy after every epoch. ' +
      'Panels: a test image chosen by its index with the net’s prediction and its feature maps after conv1, ' +
      'ReLU1, conv2 and ReLU2; the 16 conv1 filters and input channel 0 of the 32 conv2 filters (as the course ' +
      'draws them before training); and the first misclassified test images of the last evaluation. Lesson ' +
      'options: the image shown, or a digit drawn by hand in its place (both live), and, restarting the run, the ' +
      'channel counts and the kernel size.',
    options: [
      { name: 'sample', label: 'test image', kind: 'integer', default: DEFAULT_SAMPLE, min: 0, max: 9999, step: 1, help: 'test image whose feature maps are shown', hot: true, viewOnly: true },
      // 16×16 as the net's input (the course's resized MNIST): white ink on black, shown instead of the test image.
      { name: 'drawn', label: 'draw a digit', kind: 'drawing', default: '', width: 16, height: 16, help: 'a digit drawn here replaces the test image: its feature maps and the net’s prediction (Clear to go back)', hot: true, viewOnly: true },
      { name: 'ch1', label: 'conv1 channels', kind: 'integer', default: 16, min: 1, max: 32, step: 1, help: 'the course: 16' },
      { name: 'ch2', label: 'conv2 channels', kind: 'integer', default: 32, min: 1, max: 64, step: 1, help: 'the course: 32' },
      { name: 'kernel', label: 'kernel size', kind: 'integer', default: 5, min: 1, max: 7, step: 1, help: 'k×k kernels, padding ⌊k/2⌋ (the course: 5, padding 2)' },
    ],
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 16, onProgress);
    await prepareMnist('test', 16, onProgress);
  },
  build: ({ seed, hp, options }) => {
    const k = intOption(options, 'kernel', 5, 1, 7);
    const pad = Math.floor(k / 2);
    const spec: CnnSpec = {
      side: 16,
      inCh: 1,
      convs: [
        { out: intOption(options, 'ch1', 16, 1, 32), k, pad },
        { out: intOption(options, 'ch2', 32, 1, 64), k, pad },
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
            intOption(options, 'sample', DEFAULT_SAMPLE, 0, test.n - 1),
            drawingOption(options, 'drawn', 16, 16),
          ),
          galleryView('gallery', 'misclassified test images (true → predicted)', model.lastEvaluation(), test.pixels, 16),
        ),
    };
  },
};
