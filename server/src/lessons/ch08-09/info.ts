/** ch08-09: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-09',
  title: 'Batch normalisation in an MLP (MNIST)',
  chapter: 8,
  // Every variant fixes batch norm on or off, so batchNorm is no control here.
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: false },
  // Pace: the batch-norm net pulls ahead within the course's 150 steps (5 epochs of 30): 30 s at 5 steps/s.
  defaults: { lr: 0.1, optimizer: 'adam', batchSize: 2000, speed: 5 },
  description:
    'A 784 → 100 → 100 → 10 sigmoid network without batch norm (89,610 parameters) and with batch norm on both ' +
    'hidden layers (90,010), side by side from the same initial dense weights and on the same shuffled MNIST ' +
    'batches: cross-entropy, Adam lr 0.1, batch 2,000, test accuracy after every epoch (30 steps). Batch norm ' +
    'normalises each hidden pre-activation over the batch (PyTorch’s ε 1e-5 and running-statistics momentum ' +
    '0.1) before σ, keeping the sigmoids out of saturation; in training it uses the batch statistics, for the ' +
    'test split the running ones. In our runs, after the course’s 150 steps, the batch-norm network reaches ' +
    'about 96 % test accuracy and the plain one about 31 %. Course bugs fixed: the placement is the same ' +
    'everywhere — BN before σ, as the course notes place it (linear → BN → σ); the original’s forward pass put ' +
    'BN after σ while its histogram path put it before, so its histograms did not show what it trained. No ' +
    'per-step printing. Kept from the course: Adam with lr 0.1, unusually high for Adam (the loss of the ' +
    'network without BN jumps above log 10 in its first steps). Panels, per model, on a fixed batch of 100 ' +
    'training images in evaluation mode: histograms of each hidden layer’s pre-activations, of the batch-norm ' +
    'output (running statistics), and of the σ activations; and each batch-norm layer’s running mean and ' +
    'variance per unit. Lesson option (restarts the run): batch norm before σ (the default) or after it, as ' +
    'the original’s forward pass had it.',
  options: [
    choice('bnPosition', ['before σ', 'after σ'], {
      label: 'batch norm',
      default: 'before σ',
      help: 'linear → BN → σ (the course notes) or linear → σ → BN (the original’s forward pass)',
    }),
  ],
});
