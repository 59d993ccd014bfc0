/**
 * ch08-05 · Chapter08_05InitializationWeights: same-value (symmetric) initialisation vs random.
 * Data: as ch07-01, x = −20…19 (40 integers), y = 1 for −4 < x < 4. Model 1 → 2 (σ) → 1 (σ), 7 parameters. Model 1
 * has every weight 1 and every bias 0; model 2 PyTorch's default random init. SGD lr 0.1, one sample per step in
 * order (40 steps per epoch; the course's run lasts 1,000 epochs).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng.ts';
import { bump1d } from '../data/synthetic.ts';
import { INIT_STREAM, memoryTargets, subSeed } from './memoryRows.ts';
import { buildMlp } from './nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  /** Every weight 1 and every bias 0 (the course's model 1), instead of the default random draw. */
  symmetric: boolean;
}

export const ch08_05: TrainingLesson = {
  info: {
    id: 'ch08-05',
    title: 'Symmetric vs random initialisation',
    chapter: 8,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'params', 'data', 'fit'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, speed: 30 },
    description:
      'The bump of ch07-01 (1s for −4 < x < 4 among the integers −20…19) and its 1 → 2 (σ) → 1 (σ) network, trained ' +
      'twice side by side on the same samples in the same order: once from the symmetric start where every weight ' +
      'is 1 and every bias 0, once from a random start. Both use BCE, SGD lr 0.1, one sample per step. From the ' +
      'symmetric start the two hidden units compute the same function and receive the same gradient at every step, ' +
      'so they stay identical for ever (the parameters panel shows it): the network is in effect 1 → 1 → 1, one ' +
      'sigmoid edge, and cannot make a bump, while the random start breaks the tie and learns it. Training accuracy ' +
      'is over all 40 points at threshold 0.5; the fit panel and the parameters panel show the symmetric network. ' +
      'Course bugs fixed: the symmetric model, the point of the lesson, is trained (the original commented its ' +
      'training out and only trained the random model); both runs use the same loss, BCE, the loss the course ' +
      'wrote for the symmetric run and uses for this network in ch07-01 (the one active run used MSE, with a ' +
      'scalar target against a 1-element output, PyTorch’s size warning); targets are shaped like the outputs.',
  },
  variants: [
    variant<Options>('same value (w = 1, b = 0)', { symmetric: true }),
    variant<Options>('random (default init)', { symmetric: false }),
  ],
  build: ({ seed, hp, variant: v }) => {
    const { symmetric } = optionsOf<Options>(v, { symmetric: true });
    const set = bump1d();
    const y = Float32Array.from(set.labels);
    const net = buildMlp({ sizes: [1, 2, 1], activation: 'sigmoid', batchNorm: false, dropout: false }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    if (symmetric) {
      // As the course does, overwrite the drawn parameters: weights (names ending in .W) 1, biases 0.
      net.params.forEach((p, i) => {
        const fill = net.names[i]?.endsWith('.W') ? 1 : 0;
        tf.tidy(() => p.assign(tf.fill(p.shape, fill)));
      });
    }
    return regressorModel(net, memoryTargets({ xDim: 1, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: 'bce',
      accuracyOn: { x: set.x, xDim: 1, y },
      view1d: { x: set.x, y, input: (t) => [t] },
    });
  },
};
