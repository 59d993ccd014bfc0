/**
 * ch07-05 · Chapter07_05ActivationFunctions: sigmoid vs tanh vs ReLU on MNIST.
 * Three networks 784 → 10 (σ | tanh | ReLU) → 10 (7,960 parameters each, default init), cross-entropy, SGD lr 0.01,
 * batch 2,000 reshuffled every epoch (30 steps per epoch; the course intended 30 epochs with seed 2), the full
 * 60,000 / 10,000 split in [0, 1]. Options: each model's activation (act1/act2/act3, variantsFor: the labels follow)
 * and the hidden width.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { enumOption, intOption } from '../probe/views/compose.ts';
import { mnistMlpModel, prepareMnist28 } from './mnistMlp.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { ACTIVATION_NAMES, activationOf, activationVariants } from './variants.ts';
import { hiddenUnitsControl } from './hiddenUnitsControl.ts';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
type Act = (typeof ACTIVATIONS)[number];
/** The course's activation per model: the defaults of act1…act3. */
const COURSE: Act[] = ['sigmoid', 'tanh', 'relu'];
const ORDINAL = ['first', 'second', 'third'];

const ACTIVATION_CONTROLS: LessonOption[] = COURSE.map((act, i) => ({
  name: `act${i + 1}`,
  label: `activation, model ${i + 1}`,
  kind: 'enum',
  options: [...ACTIVATIONS],
  default: act,
  help: `Hidden activation of the ${ORDINAL[i]} model (the course: ${ACTIVATION_NAMES[act]}; its legend label follows). Restarts the run.`,
}));

/** The three models at the options' activations (two with one activation get their number in the legend). */
const variantsFor = (options: OptionValues): Variant[] => activationVariants(COURSE.map((d, i) => enumOption(options, `act${i + 1}`, ACTIVATIONS, d)));

export const ch07_05: TrainingLesson = {
  info: {
    id: 'ch07-05',
    title: 'Sigmoid vs tanh vs ReLU on MNIST',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 0 },
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
    options: [...ACTIVATION_CONTROLS, hiddenUnitsControl(10, 200, '')],
  },
  variants: variantsFor({}),
  variantsFor,
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const activation = activationOf(v);
    const hidden = intOption(options, 'hidden', 10, 1, 200);
    return mnistMlpModel(seed, hp, { sizes: [784, hidden, 10], activation, batchNorm: false, dropout: false }, 'default', {
      curve: true,
      activations: true,
    });
  },
};
