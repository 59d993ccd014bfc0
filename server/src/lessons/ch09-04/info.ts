/** ch09-04: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, int, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch09-04',
  title: 'Small CNN: vertical vs horizontal bars',
  chapter: 9,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  // Pace: the bars are learnt in ~200 steps (Adam lr 0.001); 10 steps/s lets the kernels and feature maps change visibly over 20 s.
  defaults: { lr: 0.001, optimizer: 'adam', batchSize: 10, speed: 10 },
  description:
    'Two 2×2 convolutions (2 channels, then 1), each followed by ReLU and a 2×2 max-pool of stride 1, and a ' +
    'Linear 49→2 (119 parameters in all) learn to tell noisy vertical bars from horizontal ones on 11×11 images ' +
    '(10,000 for training, 1,000 for validation); Adam lr 0.001, batch 10, validation accuracy after every epoch. ' +
    'Course bugs fixed: exactly half of each set is of each class (the original’s “n ≤ N/2” gave 5,001/4,999), ' +
    'the class-ordered training set is reshuffled every epoch (the original fed 500 batches of one class, then ' +
    '500 of the other), and both sets come from the run seed (the original seeded neither the way it intended). ' +
    'Panels: a validation image chosen by its index, with the net’s prediction, its feature maps after each ' +
    'conv, ReLU and pool, and every 2×2 kernel with its values. Lesson options: the image shown (live), and, ' +
    'restarting the run, shuffle (on: the fix above; off: the course’s class-ordered batches, whose loss and ' +
    'accuracy swing as the net first sees only vertical bars, then only horizontal ones), the pixel probability ' +
    'p, a random bar offset and the two conv layers’ channel counts.',
  options: [
    int('sample', { label: 'validation image', default: 0, min: 0, max: 999, step: 1, help: '0–499 vertical, 500–999 horizontal', hot: true, viewOnly: true }),
    bool('shuffle', {
      label: 'shuffle',
      default: true,
      help: 'Reshuffle the training images every epoch (the fix of the course’s class-ordered batches); off: the course’s loader order, 5,000 vertical bars then 5,000 horizontal ones. Restarts the run.',
    }),
    num('p', { label: 'pixel probability p', default: 0.9, min: 0.5, max: 1, step: 0.05, help: 'chance that a bar pixel is on (the course: 0.9)' }),
    bool('offset', { label: 'random offset', default: false, help: 'bars start at a random row and column (the course: fixed)' }),
    int('ch1', { label: 'conv1 channels', default: 2, min: 1, max: 4, step: 1, help: 'output channels of the first conv (the course: 2)' }),
    int('ch2', { label: 'conv2 channels', default: 1, min: 1, max: 4, step: 1, help: 'output channels of the second conv (the course: 1)' }),
  ],
});
