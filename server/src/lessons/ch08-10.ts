/**
 * ch08-10 · Chapter08_10Batch&Dropout: a plain network against an "advanced" one, on the spiral.
 * Data: the 3-arm spiral of ch08-02 (1,500 points in class order). Layers [2, 100, 3] with ReLU (603 parameters,
 * default init), cross-entropy, SGD lr 0.1, batch 20 (75 steps per epoch; the course runs 100 epochs each).
 *   Model A ("Norm"): no momentum.
 *   Model B ("Adv"): ReLU(Dropout(Linear)) with p = 0.0, momentum 0.4; BatchNorm1d(100) and BatchNorm1d(3) are
 *   created but never used (206 unused parameters). So B differs from A by momentum alone (issue 20).
 */
import { createRng } from '../data/prng.ts';
import { spiral } from '../data/synthetic.ts';
import { INIT_STREAM, SHUFFLE_STREAM, smallClassifierModel, subSeed } from './memoryRows.ts';
import { buildMlp } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  /** Batch norm on the hidden pre-activation, before dropout and ReLU. */
  batchNorm: boolean;
  /** Dropout on the hidden pre-activation at the live rate hp.dropout. */
  dropout: boolean;
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
    channels: ['metrics'],
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
      'spiral is drawn from the run seed.',
  },
  variants: [
    variant<Options>('plain', { batchNorm: false, dropout: false }, { optimizer: 'momentum', momentum: 0 }),
    variant<Options>('momentum 0.4', { batchNorm: false, dropout: true }, { optimizer: 'momentum', momentum: 0.4 }),
    variant<Options>('momentum 0.4 + BN', { batchNorm: true, dropout: true }, { optimizer: 'momentum', momentum: 0.4 }),
  ],
  build: ({ seed, hp, variant: v }) => {
    const { batchNorm, dropout } = optionsOf<Options>(v, { batchNorm: false, dropout: false });
    const set = spiral(seed);
    // Batch norm draws no random numbers, so all three get the same dense weights.
    const net = buildMlp({ sizes: [2, 100, 3], activation: 'relu', batchNorm, dropout }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    return smallClassifierModel(net, { xDim: 2, x: set.x, y: set.labels }, hp, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
  },
};
