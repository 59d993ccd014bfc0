/**
 * ch08-01 · Chapter08_01MultiLayer: two hidden layers, three activations, on MNIST.
 * Networks 784 → 50 → 50 → 10 with σ, tanh or ReLU hidden layers (42,310 parameters each, default init),
 * cross-entropy, SGD lr 0.01, batch 2,000 reshuffled every epoch (30 steps per epoch; the course runs 10 epochs =
 * 300 steps per model, seed 0), the full 60,000 / 10,000 split in [0, 1].
 */
import { intOption } from '../probe/views/compose.ts';
import { mnistMlpModel, prepareMnist28 } from './mnistMlp.ts';
import type { TrainingLesson } from './types.ts';
import { ACTIVATION_VARIANTS, activationOf } from './variants.ts';

export const ch08_01: TrainingLesson = {
  info: {
    id: 'ch08-01',
    title: 'Two hidden layers, three activations (MNIST)',
    chapter: 8,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 0 },
    description:
      'Three 784 → 50 → 50 → 10 networks (42,310 parameters each) with sigmoid, tanh or ReLU hidden layers train ' +
      'side by side on MNIST from the same initial weights and the same shuffled batches: cross-entropy, SGD ' +
      'lr 0.01, batch 2,000, test accuracy on the 10,000 test images after every epoch (30 steps). With two ' +
      'sigmoid layers the gradient reaching the first layer is multiplied by two factors σ′ ≤ 1/4, and the sigmoid ' +
      'network stays at chance level through the course’s 300 steps, while tanh learns (about 63 % test accuracy ' +
      'after 300 steps in our runs) and ReLU more slowly at this lr (about 29 %). Course bugs fixed: ' +
      'the training function is called with its arguments in the right order (the original crashed on the first ' +
      'step); accuracy is recorded per epoch and drawn against the step at which each epoch ends (the original ' +
      'labelled its per-epoch axis “Iteration”). Panels, per activation: a histogram of each hidden layer’s ' +
      'activations and the gradient norm ‖∂L/∂W‖ of each layer, both on a fixed batch of 100 training images ' +
      '(with σ the first layer’s gradient is the smallest: vanishing gradients). Live options: depth and width ' +
      'of the hidden layers (restart the run).',
    options: [
      { name: 'depth', label: 'hidden layers', kind: 'integer', default: 2, min: 1, max: 5, step: 1, help: 'number of hidden layers (the course: 2)' },
      { name: 'width', label: 'hidden units', kind: 'integer', default: 50, min: 2, max: 200, step: 1, help: 'units per hidden layer (the course: 50)' },
    ],
  },
  variants: ACTIVATION_VARIANTS,
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const activation = activationOf(v);
    const depth = intOption(options, 'depth', 2, 1, 5);
    const width = intOption(options, 'width', 50, 2, 200);
    const sizes = [784, ...Array.from({ length: depth }, () => width), 10];
    return mnistMlpModel(seed, hp, { sizes, activation, batchNorm: false, dropout: false }, 'default', { activations: true, gradNorms: true });
  },
};
