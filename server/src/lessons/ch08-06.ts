/**
 * ch08-06 · Chapter08_06DifferentInitialization: initialisation methods on MNIST.
 * Layers [784, 100, 200, 100, 10] (119,810 parameters), cross-entropy, SGD lr 0.01, batch 2,000 reshuffled every
 * epoch (30 steps per epoch; the course runs 15 epochs = 450 steps per method, seed 0). The four methods, each with
 * the hidden activation the course pairs it with (train/init.ts has the bounds):
 *   default (PyTorch's U(±1/√fan_in)) + tanh; Xavier uniform + tanh; He (Kaiming uniform) + ReLU;
 *   uniform U(0, 1) weights + tanh. Biases keep PyTorch's default in every method.
 * Layer-1 bounds (fan_in 784): default 0.0357, Xavier 0.0824, He 0.0875.
 */
import type { InitName } from '../train/init.ts';
import type { Activation } from '../train/model.ts';
import { mnistMlpModel, prepareMnist28 } from './mnistMlp.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  init: InitName;
  activation: Activation;
}

export const ch08_06: TrainingLesson = {
  info: {
    id: 'ch08-06',
    title: 'Initialisation methods (MNIST)',
    chapter: 8,
    trains: true,
    // Every variant fixes its init, so init is no control here.
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 0 },
    description:
      'One 784 → 100 → 200 → 100 → 10 network (119,810 parameters) initialised four ways, trained side by side on ' +
      'the same shuffled MNIST batches: cross-entropy, SGD lr 0.01, batch 2,000, test accuracy after every epoch ' +
      '(30 steps). PyTorch’s default U(±1/√fan_in) and Xavier uniform U(±√(6/(fan_in + fan_out))) with tanh, He ' +
      '(Kaiming uniform, U(±√(6/fan_in))) with ReLU, and U(0, 1) weights with tanh. Xavier and He keep the ' +
      'activations’ spread roughly constant from layer to layer and learn fastest; the default init shrinks it ' +
      'layer by layer and learns more slowly; all-positive U(0, 1) weights sum hundreds of inputs, saturate every ' +
      'tanh unit (tanh′ ≈ 0) and leave the network stuck (in our runs, after the course’s 450 steps: Xavier ' +
      '86 %, He 87 %, default 58 %, uniform 11 % test accuracy). Course bugs fixed: all four methods run (the ' +
      'original ran only Default and He, its He result overwrote the Default one, and its plots crashed on the missing ' +
      'Xavier and Uniform results and on an accuracy stored under a loss key). Kept from the course, and worth ' +
      'saying: He is paired with ReLU and the others with tanh, so the He row differs in its activation as well ' +
      'as its init. Panels, per method: histograms of each layer’s weights and of each hidden layer’s ' +
      'activations on a fixed batch of 100 training images, live and at initialisation (U(0, 1) piles every ' +
      'tanh unit up at +1).',
  },
  variants: [
    variant<Options>('default + tanh', { init: 'default', activation: 'tanh' }),
    variant<Options>('Xavier + tanh', { init: 'xavier', activation: 'tanh' }),
    variant<Options>('He + ReLU', { init: 'he', activation: 'relu' }),
    variant<Options>('uniform U(0, 1) + tanh', { init: 'uniform', activation: 'tanh' }),
  ],
  prepare: (onProgress) => prepareMnist28(onProgress),
  build: ({ seed, hp, variant: v }) => {
    const { init, activation } = optionsOf<Options>(v, { init: 'default', activation: 'tanh' });
    return mnistMlpModel(seed, hp, { sizes: [784, 100, 200, 100, 10], activation, batchNorm: false, dropout: false }, init, {
      weights: true,
      activations: true,
      atStart: true,
    });
  },
};
