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
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { enumOption } from '../probe/views/compose.ts';
import type { InitName } from '../train/init.ts';
import type { Activation } from '../train/model.ts';
import { mnistMlpModel, prepareMnist28 } from './mnistMlp.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  init: InitName;
  activation: Activation;
}

const PAIRINGS = ['course pairing', 'ReLU for all', 'tanh for all'] as const;
type Pairing = (typeof PAIRINGS)[number];

const CONTROLS: LessonOption[] = [
  {
    name: 'activation',
    label: 'hidden activation',
    kind: 'enum',
    options: [...PAIRINGS],
    default: 'course pairing',
    help: 'The hidden activation of each method. Course pairing (the course): He with ReLU, the other three with tanh, so the He row differs in its activation as well as its init; ReLU for all or tanh for all give every method the same activation, so only the init differs (U(0, 1) weights with ReLU blow the activations up instead of saturating them: that run’s loss starts in the millions). Restarts the run.',
  },
];

/** The course's methods, each with the activation it pairs it with. */
const METHODS: { init: InitName; name: string; paired: Activation }[] = [
  { init: 'default', name: 'default', paired: 'tanh' },
  { init: 'xavier', name: 'Xavier', paired: 'tanh' },
  { init: 'he', name: 'He', paired: 'relu' },
  { init: 'uniform', name: 'uniform U(0, 1)', paired: 'tanh' },
];

const SYMBOL: Record<Activation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'σ', identity: 'identity' };

/** The four methods with the activation the option gives them; the labels name both. */
function initVariants(options: OptionValues): Variant[] {
  const pairing: Pairing = enumOption(options, 'activation', PAIRINGS, 'course pairing');
  return METHODS.map(({ init, name, paired }) => {
    const activation: Activation = pairing === 'ReLU for all' ? 'relu' : pairing === 'tanh for all' ? 'tanh' : paired;
    return variant<Options>(`${name} + ${SYMBOL[activation]}`, { init, activation });
  });
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
      'Xavier and Uniform results and on an accuracy stored under a loss key), and the activation is no longer tied ' +
      'to the init: by default the course’s pairing is kept (He with ReLU, the others with tanh, so the He row ' +
      'differs in its activation as well as its init), and the activation option (ReLU for all, tanh for all) ' +
      'gives all four methods the same activation, so only the init differs; the legend labels name both. ' +
      'Panels, per method: histograms of each layer’s weights and of each hidden layer’s ' +
      'activations on a fixed batch of 100 training images, live and at initialisation (U(0, 1) piles every ' +
      'tanh unit up at +1). Option: the hidden activation (course pairing, ReLU for all, tanh for all; restarts ' +
      'the run).',
    options: CONTROLS,
  },
  variants: initVariants({}),
  variantsFor: initVariants,
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
