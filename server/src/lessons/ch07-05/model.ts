/**
 * ch07-05 · Chapter07_05ActivationFunctions: sigmoid vs tanh vs ReLU on MNIST.
 * Three networks 784 → 10 (σ | tanh | ReLU) → 10 (7,960 parameters each, default init), cross-entropy, SGD lr 0.01,
 * batch 2,000 reshuffled every epoch (30 steps per epoch; the course intended 30 epochs with seed 2), the full
 * 60,000 / 10,000 split in [0, 1]. Options: each model's activation (act1/act2/act3, variantsFor: the labels follow)
 * and the hidden width.
 */
import { mnistMlpModel, prepareMnist28 } from '../mnistMlp.ts';
import { activationOf, activationVariants } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { ACTIVATION_OPTIONS, info } from './info.ts';

export const ch07_05 = trainingLesson(info, {
  // The three models at the options' activations (two with one activation get their number in the legend).
  variantsFor: (options) => activationVariants(ACTIVATION_OPTIONS.map(({ name }) => options[name])),
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const activation = activationOf(v);
    return mnistMlpModel(seed, hp, { sizes: [784, options.hidden, 10], activation, batchNorm: false, dropout: false }, 'default', {
      curve: true,
      activations: true,
    });
  },
});
