/** ch08-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { int } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-01',
  title: 'Two hidden layers, three activations (MNIST)',
  chapter: 8,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 3, sharedStart: true },
  // Pace: the σ/tanh/ReLU curves part over the course's 300 steps (10 epochs of 30): 30 s at 10 steps/s.
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 10 },
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
    int('depth', { label: 'hidden layers', default: 2, min: 1, max: 5, step: 1, help: 'number of hidden layers (the course: 2)' }),
    int('width', { label: 'hidden units', default: 50, min: 2, max: 200, step: 1, help: 'units per hidden layer (the course: 50)' }),
  ],
});
