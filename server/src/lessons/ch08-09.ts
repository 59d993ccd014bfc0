/**
 * ch08-09 · Chapter08_09BatchNormalization: batch norm in an MLP on MNIST.
 * Models 784 → 100 → 100 → 10 with σ hidden layers, without batch norm (89,610 parameters) and with BatchNorm1d on
 * both hidden layers (90,010 trainable parameters, plus 400 running statistics). Cross-entropy, Adam lr 0.1,
 * batch 2,000 reshuffled every epoch (30 steps per epoch; the course runs 5 epochs = 150 steps per model, seed 0).
 * Train mode during steps, evaluation mode (running statistics) for the test split.
 */
import { enumOption } from '../probe/views/compose.ts';
import { mnistMlpModel, prepareMnist28 } from './mnistMlp.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  batchNorm: boolean;
}

const BN_POSITIONS = ['before σ', 'after σ'] as const;

export const ch08_09: TrainingLesson = {
  info: {
    id: 'ch08-09',
    title: 'Batch normalisation in an MLP (MNIST)',
    chapter: 8,
    trains: true,
    // Every variant fixes batch norm on or off, so batchNorm is no control here.
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'adam', batchSize: 2000, speed: 0 },
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
      {
        name: 'bnPosition',
        label: 'batch norm',
        kind: 'enum',
        default: BN_POSITIONS[0],
        options: [...BN_POSITIONS],
        help: 'linear → BN → σ (the course notes) or linear → σ → BN (the original’s forward pass)',
      },
    ],
  },
  variants: [variant<Options>('no batch norm', { batchNorm: false }), variant<Options>('batch norm', { batchNorm: true })],
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const { batchNorm } = optionsOf<Options>(v, { batchNorm: false });
    const batchNormAfter = enumOption(options, 'bnPosition', BN_POSITIONS, 'before σ') === 'after σ';
    // Batch norm draws no random numbers (γ = 1, β = 0), so both variants get the same dense weights.
    return mnistMlpModel(seed, hp, { sizes: [784, 100, 100, 10], activation: 'sigmoid', batchNorm, batchNormAfter, dropout: false }, 'default', {
      preActivations: true,
      activations: true,
      runningStats: true,
    });
  },
};
