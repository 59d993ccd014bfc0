/**
 * ch08-09 · Chapter08_09BatchNormalization: batch norm in an MLP on MNIST.
 * Models 784 → 100 → 100 → 10 with σ hidden layers, without batch norm (89,610 parameters) and with BatchNorm1d on
 * both hidden layers (90,010 trainable parameters, plus 400 running statistics). Cross-entropy, Adam lr 0.1,
 * batch 2,000 reshuffled every epoch (30 steps per epoch; the course runs 5 epochs = 150 steps per model, seed 0).
 * Train mode during steps, evaluation mode (running statistics) for the test split.
 */
import { mnistMlpModel, prepareMnist28 } from '../mnistMlp.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

interface Options {
  batchNorm: boolean;
}

export const ch08_09 = trainingLesson(info, {
  variants: [variant<Options>('no batch norm', { batchNorm: false }), variant<Options>('batch norm', { batchNorm: true })],
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const { batchNorm } = optionsOf<Options>(v, { batchNorm: false });
    const batchNormAfter = options.bnPosition === 'after σ';
    // Batch norm draws no random numbers (γ = 1, β = 0), so both variants get the same dense weights.
    return mnistMlpModel(seed, hp, { sizes: [784, 100, 100, 10], activation: 'sigmoid', batchNorm, batchNormAfter, dropout: false }, 'default', {
      preActivations: true,
      activations: true,
      runningStats: true,
    });
  },
});
