/** ch09-05: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { drawing, int } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** Test image 3 is a 0, like the course's feature-map figure (train[1]). */
export const DEFAULT_SAMPLE = 3;

export const info = trainingInfo({
  id: 'ch09-05',
  title: 'CNN on 16×16 MNIST',
  chapter: 9,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  // Pace: the filters and feature maps move visibly over the first few hundred steps; an epoch (600 steps) in 30 s.
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 20 },
  description:
    'conv16 → ReLU → pool → conv32 → ReLU → pool → Linear 512→10 (18,378 parameters) on MNIST resized to ' +
    '16×16 with PIL-exact antialiased bilinear filtering; SGD lr 0.1, batch 100; test accuracy after every epoch. ' +
    'Panels: a test image chosen by its index with the net’s prediction and its feature maps after conv1, ' +
    'ReLU1, conv2 and ReLU2; the 16 conv1 filters and input channel 0 of the 32 conv2 filters (as the course ' +
    'draws them before training); and the first misclassified test images of the last evaluation. Lesson ' +
    'options: the image shown, or a digit drawn by hand in its place (both live), and, restarting the run, the ' +
    'channel counts and the kernel size.',
  options: [
    int('sample', { label: 'test image', default: DEFAULT_SAMPLE, min: 0, max: 9999, step: 1, help: 'test image whose feature maps are shown', hot: true, viewOnly: true }),
    // 16×16 as the net's input (the course's resized MNIST): white ink on black, shown instead of the test image.
    drawing('drawn', { label: 'draw a digit', default: '', width: 16, height: 16, help: 'a digit drawn here replaces the test image: its feature maps and the net’s prediction (Clear to go back)', hot: true, viewOnly: true }),
    int('ch1', { label: 'conv1 channels', default: 16, min: 1, max: 32, step: 1, help: 'the course: 16' }),
    int('ch2', { label: 'conv2 channels', default: 32, min: 1, max: 64, step: 1, help: 'the course: 32' }),
    int('kernel', { label: 'kernel size', default: 5, min: 1, max: 7, step: 1, help: 'k×k kernels, padding ⌊k/2⌋ (the course: 5, padding 2)' }),
  ],
});
