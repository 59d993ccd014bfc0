/**
 * ch08-10 · Chapter08_10Batch&Dropout: a plain network against an "advanced" one, on the spiral.
 * Data: the 3-arm spiral of ch08-02 (1,500 points in class order). Layers [2, 100, 3] with ReLU (603 parameters,
 * default init), cross-entropy, SGD lr 0.1, batch 20 (75 steps per epoch; the course runs 100 epochs each).
 *   Model A ("Norm"): no momentum.
 *   Model B ("Adv"): ReLU(Dropout(Linear)) with p = 0.0, momentum 0.4; BatchNorm1d(100) and BatchNorm1d(3) are
 *   created but never used (206 unused parameters). So B differs from A by momentum alone (issue 20).
 * Options: the advanced runs' momentum (variantsFor: their labels and fixed hp follow it), the hidden activation, the
 * batch-norm position and shuffle. View (per run, side by side): the decision regions over the data range ± 0.1
 * (50 × 50 cells) with every third point.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { spiral } from '../data/synthetic.ts';
import { boolOption, enumOption, numberOption } from '../probe/views/compose.ts';
import { smallClassifierModel } from './memoryRows.ts';
import { classifierRegions } from './classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { fmt } from './demoKit.ts';
import { optionsOf, variant } from './variants.ts';

const ACTIVATIONS = ['relu', 'sigmoid', 'tanh'] as const;
const BN_POSITIONS = ['before activation', 'after activation'] as const;
const DEFAULTS = {
  momentum: 0.4,
  activation: 'relu' as (typeof ACTIVATIONS)[number],
  bnPosition: 'before activation' as (typeof BN_POSITIONS)[number],
  shuffle: true,
};
const MAX_MOMENTUM = 0.99;

const CONTROLS: LessonOption[] = [
  {
    name: 'momentum',
    label: 'advanced runs’ momentum',
    kind: 'number',
    default: DEFAULTS.momentum,
    min: 0,
    max: MAX_MOMENTUM,
    step: 0.01,
    help: 'Momentum μ of the two “advanced” runs, PyTorch form buf = μ·buf + g (the course’s model B: 0.4; the plain run keeps 0, and the legend labels follow). Restarts the run.',
  },
  {
    name: 'activation',
    label: 'hidden activation',
    kind: 'enum',
    options: [...ACTIVATIONS],
    default: DEFAULTS.activation,
    help: 'Activation of the hidden layer of all three runs (the course: ReLU; its commented-out variants: sigmoid, tanh). Restarts the run.',
  },
  {
    name: 'bnPosition',
    label: 'batch norm position',
    kind: 'enum',
    options: [...BN_POSITIONS],
    default: DEFAULTS.bnPosition,
    help: 'Where the “+ BN” run normalises: the hidden pre-activation, before dropout and the activation (the course notes), or the activation’s output (the order of the course’s commented-out BN(ReLU(z))). Restarts the run.',
  },
  {
    name: 'shuffle',
    label: 'shuffle',
    kind: 'boolean',
    default: DEFAULTS.shuffle,
    help: 'Reshuffle the batches every epoch, in one order for all runs (on: the fix of issue 13); off: the course’s class-ordered batches. Restarts the run.',
  },
];

interface Options {
  /** Batch norm on the hidden layer: on the pre-activation, before dropout and ReLU, unless the bnPosition option puts it after. */
  batchNorm: boolean;
  /** Dropout on the hidden pre-activation at the live rate hp.dropout. */
  dropout: boolean;
}


/** The plain run (no momentum) and the two advanced runs at the option's momentum. */
function advancedVariants(options: OptionValues): Variant[] {
  const momentum = numberOption(options, 'momentum', DEFAULTS.momentum, 0, MAX_MOMENTUM);
  const m = fmt(momentum);
  return [
    variant<Options>('plain', { batchNorm: false, dropout: false }, { optimizer: 'momentum', momentum: 0 }),
    variant<Options>(`momentum ${m}`, { batchNorm: false, dropout: true }, { optimizer: 'momentum', momentum }),
    variant<Options>(`momentum ${m} + BN`, { batchNorm: true, dropout: true }, { optimizer: 'momentum', momentum }),
  ];
}

export const ch08_10: TrainingLesson = {
  info: {
    id: 'ch08-10',
    title: 'Plain vs “advanced” network (momentum, batch norm, dropout)',
    chapter: 8,
    trains: true,
    // Every variant fixes its momentum (and so the optimizer); dropout applies to the two "advanced" runs. No
    // batch size control (the catalogue lists none here): at batch 1 batch norm has nothing to normalise over.
    controls: ['lr', 'dropout', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'momentum', momentum: 0, dropout: 0, batchSize: 20, speed: 0 },
    description:
      'The 2-100-3 ReLU network on the three-arm spiral (1,500 points), three ways side by side from the same ' +
      'initial weights and on the same batches: SGD lr 0.1, batch 20. “plain” is the course’s model A (603 ' +
      'parameters, no momentum). “momentum 0.4” is exactly what the course trained as its “advanced” model B: ' +
      'dropout at p = 0 and no batch norm, so it differs from A by momentum alone. “momentum 0.4 + BN” is the ' +
      'advanced network the lesson’s title claims: the same, with batch norm on the hidden pre-activation (before ' +
      'dropout and ReLU, where the course notes place it; 803 parameters). The dropout control sets p for both ' +
      'advanced runs (default 0, the course’s value; the plain run has none); on this small data set dropout mostly ' +
      'slows the fit. In our runs momentum gives the lowest loss, and batch norm the highest accuracy early on, ' +
      'though its training-mode loss stays noisier (batch statistics over 20 points). Training accuracy is over ' +
      'all 1,500 points in evaluation mode (no dropout, batch-norm running statistics). Course ' +
      'bugs fixed: the “advanced” comparison now holds what its name says (issue 20: the original’s Adv net ran ' +
      'p = 0 with its batch norms unused, so the figures credited momentum alone); batch norm is only created where ' +
      'it is used, on the hidden layer (the original registered BatchNorm1d(3) on the outputs as well, 206 unused ' +
      'parameters); accuracy is evaluated in evaluation mode (the original never switched, which matters once ' +
      'p > 0 or BN is on); no graph-attached loss tensors are stored; the class-ordered points are reshuffled every ' +
      'epoch in one seeded order for all runs (unshuffled, every batch held one class, ch08-02’s issue 13); the ' +
      'spiral is drawn from the run seed. The regions panels show each run’s predicted class side by side ' +
      '(evaluation mode, every third point drawn). Options: the advanced runs’ momentum (0 to 0.99, the course’s ' +
      '0.4; both advanced runs and their legend labels follow it, the plain run keeps 0), the hidden activation ' +
      '(ReLU as the course, or its ' +
      'commented-out sigmoid and tanh), the batch-norm run’s position of BN (before the activation, or after it as ' +
      'the course’s commented-out BN(ReLU(z))) and shuffle (off: the original’s single-class batches); each ' +
      'restarts the run.',
    options: CONTROLS,
  },
  variants: advancedVariants({}),
  variantsFor: advancedVariants,
  build: ({ seed, hp, variant: v, options }) => {
    const { batchNorm, dropout } = optionsOf<Options>(v, { batchNorm: false, dropout: false });
    const set = spiral(seed);
    const activation = enumOption(options, 'activation', ACTIVATIONS, DEFAULTS.activation);
    // Batch norm draws no random numbers, so all three get the same dense weights.
    const batchNormAfter = enumOption(options, 'bnPosition', BN_POSITIONS, DEFAULTS.bnPosition) === 'after activation';
    const net = buildMlp({ sizes: [2, 100, 3], activation, batchNorm, batchNormAfter, dropout }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = boolOption(options, 'shuffle', DEFAULTS.shuffle) ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const data = { xDim: 2, x: set.x, y: set.labels };
    const model = smallClassifierModel(net, data, hp, { shuffle });
    model.views = classifierRegions(net, data, { classes: 3, cells: 50, every: 3 });
    return model;
  },
};
