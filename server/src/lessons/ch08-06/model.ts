/**
 * ch08-06 · Chapter08_06DifferentInitialization: initialisation methods on MNIST.
 * Layers [784, 100, 200, 100, 10] (119,810 parameters), cross-entropy, SGD lr 0.01, batch 2,000 reshuffled every
 * epoch (30 steps per epoch; the course runs 15 epochs = 450 steps per method, seed 0). The four methods, each with
 * the hidden activation the course pairs it with (train/init.ts has the bounds):
 *   default (PyTorch's U(±1/√fan_in)) + tanh; Xavier uniform + tanh; He (Kaiming uniform) + ReLU;
 *   uniform U(0, 1) weights + tanh. Biases keep PyTorch's default in every method.
 * Layer-1 bounds (fan_in 784): default 0.0357, Xavier 0.0824, He 0.0875.
 * Option `activation` (variantsFor: labels and the variants' activation follow it): the course's pairing (default),
 * or one activation for all four methods, ReLU or tanh, which takes the activation out of the comparison (course
 * bug 16: the pairing confounds the activation with the init).
 */
import type { OptionsOf } from '@gradcast/shared';
import type { InitName } from '../../train/init.ts';
import type { Activation } from '../../train/model.ts';
import { mnistMlpModel, prepareMnist28 } from '../mnistMlp.ts';
import type { Variant } from '../types.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

interface Options {
  init: InitName;
  activation: Activation;
}

/** The `activation` option: the course's pairing, or one activation for every method. */
type Pairing = OptionsOf<typeof info.options>['activation'];

/** The course's methods, each with the activation it pairs it with. */
const METHODS: { init: InitName; name: string; paired: Activation }[] = [
  { init: 'default', name: 'default', paired: 'tanh' },
  { init: 'xavier', name: 'Xavier', paired: 'tanh' },
  { init: 'he', name: 'He', paired: 'relu' },
  { init: 'uniform', name: 'uniform U(0, 1)', paired: 'tanh' },
];

const SYMBOL: Record<Activation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'σ', identity: 'identity' };

/** The four methods with the activation the option gives them; the labels name both. */
function initVariants(pairing: Pairing): Variant[] {
  return METHODS.map(({ init, name, paired }) => {
    const activation: Activation = pairing === 'ReLU for all' ? 'relu' : pairing === 'tanh for all' ? 'tanh' : paired;
    return variant<Options>(`${name} + ${SYMBOL[activation]}`, { init, activation });
  });
}

export const ch08_06 = trainingLesson(info, {
  variantsFor: (options) => initVariants(options.activation),
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v }) => {
    const { init, activation } = optionsOf<Options>(v, { init: 'default', activation: 'tanh' });
    return mnistMlpModel(seed, hp, { sizes: [784, 100, 200, 100, 10], activation, batchNorm: false, dropout: false }, init, {
      weights: true,
      activations: true,
      atStart: true,
    });
  },
});
