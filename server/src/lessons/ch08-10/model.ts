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
import { createRng } from '../../data/prng.ts';
import { spiral } from '../../data/synthetic.ts';
import { smallClassifierModel } from '../memoryRows.ts';
import { classifierRegions } from '../classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import type { Variant } from '../types.ts';
import { fmt } from '../demoKit.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

interface Options {
  /** Batch norm on the hidden layer: on the pre-activation, before dropout and ReLU, unless the bnPosition option puts it after. */
  batchNorm: boolean;
  /** Dropout on the hidden pre-activation at the live rate hp.dropout. */
  dropout: boolean;
}

/** The plain run (no momentum) and the two advanced runs at the option's momentum. */
function advancedVariants(momentum: number): Variant[] {
  const m = fmt(momentum);
  return [
    variant<Options>('plain', { batchNorm: false, dropout: false }, { optimizer: 'momentum', momentum: 0 }),
    variant<Options>(`momentum ${m}`, { batchNorm: false, dropout: true }, { optimizer: 'momentum', momentum }),
    variant<Options>(`momentum ${m} + BN`, { batchNorm: true, dropout: true }, { optimizer: 'momentum', momentum }),
  ];
}

export const ch08_10 = trainingLesson(info, {
  variantsFor: (options) => advancedVariants(options.momentum),
  build: ({ seed, hp, variant: v, options }) => {
    const { batchNorm, dropout } = optionsOf<Options>(v, { batchNorm: false, dropout: false });
    const set = spiral(seed);
    const { activation } = options;
    // Batch norm draws no random numbers, so all three get the same dense weights.
    const batchNormAfter = options.bnPosition === 'after activation';
    const net = buildMlp({ sizes: [2, 100, 3], activation, batchNorm, batchNormAfter, dropout }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = options.shuffle ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const data = { xDim: 2, x: set.x, y: set.labels };
    const model = smallClassifierModel(net, data, hp, { shuffle });
    model.views = classifierRegions(net, data, { classes: 3, cells: 50, every: 3 });
    return model;
  },
});
