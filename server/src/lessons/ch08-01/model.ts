/**
 * ch08-01 · Chapter08_01MultiLayer: two hidden layers, three activations, on MNIST.
 * Networks 784 → 50 → 50 → 10 with σ, tanh or ReLU hidden layers (42,310 parameters each, default init),
 * cross-entropy, SGD lr 0.01, batch 2,000 reshuffled every epoch (30 steps per epoch; the course runs 10 epochs =
 * 300 steps per model, seed 0), the full 60,000 / 10,000 split in [0, 1].
 */
import { mnistMlpModel, prepareMnist28 } from '../mnistMlp.ts';
import { ACTIVATION_VARIANTS, activationOf } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch08_01 = trainingLesson(info, {
  variants: ACTIVATION_VARIANTS,
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v, options }) => {
    const activation = activationOf(v);
    const { depth, width } = options;
    const sizes = [784, ...Array.from({ length: depth }, () => width), 10];
    return mnistMlpModel(seed, hp, { sizes, activation, batchNorm: false, dropout: false }, 'default', { activations: true, gradNorms: true });
  },
});
