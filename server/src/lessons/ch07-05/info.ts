/** ch07-05: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice } from '@gradcast/shared';
import { ACTIVATION_NAMES } from '../activationNames.ts';
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

/** One option per model: its hidden activation, the course's by default. */
export const ACTIVATION_OPTIONS = [
  { name: 'act1', course: 'sigmoid', ordinal: 'first' },
  { name: 'act2', course: 'tanh', ordinal: 'second' },
  { name: 'act3', course: 'relu', ordinal: 'third' },
] as const;

export const info = trainingInfo({
  id: 'ch07-05',
  title: 'Sigmoid vs tanh vs ReLU on MNIST',
  chapter: 7,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 3, sharedStart: true },
  // Pace: the three curves part over the course's 300 steps (10 epochs of 30): 30 s at 10 steps/s.
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 10 },
  description:
    'Three 784 → 10 → 10 networks that differ only in their hidden activation — sigmoid, tanh, ReLU — train side ' +
    'by side on MNIST from the same initial weights and the same shuffled batches: cross-entropy, SGD lr 0.01, ' +
    'batch 2,000, test accuracy on the 10,000 test images after every epoch (30 steps), one row per activation. ' +
    'At this small lr the sigmoid network learns slowest: σ′ ≤ 1/4 shrinks its gradients and its outputs are ' +
    'all positive, while tanh (zero-centred, slope 1 at 0) and ReLU (slope 1 where active) move faster (in our ' +
    'runs, after 300 steps: sigmoid 32 %, tanh 68 %, ReLU 67 % test accuracy). ' +
    'Course bugs fixed (the original crashed on its first step and never trained anything): the training ' +
    'function gets its loaders and optimizer in the right order, each batch is flattened to 784 values, every ' +
    'epoch runs (the original returned inside the epoch loop), and accuracy is correct predictions over all ' +
    '10,000 test images (the original divided by the number of validation batches). The course’s two files ' +
    'numbered 5 are ch07-05 (this one) and ch07-05b. Panels, per activation: the function and its derivative, ' +
    'and a histogram of the hidden activations over 100 training images (σ and tanh saturate at the ends of ' +
    'their range, ReLU units die at 0). Options: the activation of each model (act1, act2, act3: sigmoid, tanh or ' +
    'ReLU, the course’s sigmoid, tanh, ReLU by default; the legend labels follow, so two models can share an ' +
    'activation to compare like with like) and the hidden width; each restarts the run.',
  options: [
    ...ACTIVATION_OPTIONS.map(({ name, course, ordinal }, i) =>
      choice(name, ['sigmoid', 'tanh', 'relu'], {
        label: `activation, model ${i + 1}`,
        default: course,
        help: `Hidden activation of the ${ordinal} model (the course: ${ACTIVATION_NAMES[course]}; its legend label follows). Restarts the run.`,
      }),
    ),
    hiddenUnitsControl(10, 200, ''),
  ],
});
