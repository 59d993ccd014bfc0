/**
 * ch08-05 · Chapter08_05InitializationWeights: same-value (symmetric) initialisation vs random.
 * Data: as ch07-01, x = −20…19 (40 integers), y = 1 for −4 < x < 4. Model 1 → 2 (σ) → 1 (σ), 7 parameters. Model 1
 * has every weight 1 and every bias 0; model 2 PyTorch's default random init. SGD lr 0.1, one sample per step in
 * order (40 steps per epoch; the course's run lasts 1,000 epochs).
 * Options: the symmetric start (same value / zeros with bias 1), the same value, the loss (BCE / MSE). Views (per
 * run): the network graph (symmetric units show as identical edges), the hidden units' weights side by side, the
 * hidden-activation scatter, each unit's sigmoid over x.
 */
import type { LessonOption } from '@gradcast/shared';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng.ts';
import { bump1d } from '../data/synthetic.ts';
import { enumOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { shallowNetViews } from '../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../probe/views/network.ts';
import { memoryTargets } from './memoryRows.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  /** The symmetric start of the init-mode option, instead of the default random draw. */
  symmetric: boolean;
}

const INIT_MODES = ['same value', 'zeros, bias 1'] as const;
const LOSSES = ['bce', 'mse'] as const;
const DEFAULTS = { initMode: 'same value' as (typeof INIT_MODES)[number], initValue: 1, loss: 'bce' as (typeof LOSSES)[number] };

const CONTROLS: LessonOption[] = [
  {
    name: 'initMode',
    label: 'symmetric init',
    kind: 'enum',
    options: [...INIT_MODES],
    default: DEFAULTS.initMode,
    help: 'The first run’s symmetric start: every weight the same value and every bias 0 (the course’s model 1), or every weight 0 and every bias 1 (its commented-out variant). The second run starts from the default random draw. Restarts the run.',
  },
  {
    name: 'initValue',
    label: 'same value',
    kind: 'number',
    default: DEFAULTS.initValue,
    min: -3,
    max: 3,
    step: 0.1,
    help: 'The weight every connection gets under “same value” (the course: 1). Restarts the run.',
  },
  {
    name: 'loss',
    label: 'loss',
    kind: 'enum',
    options: [...LOSSES],
    default: DEFAULTS.loss,
    help: 'Loss of both runs: bce (binary cross-entropy, as ch07-01 and the course’s symmetric run) or mse (the course’s one active run). Restarts the run.',
  },
];

/**
 * A symmetric start written over the drawn parameters: weights (names ending in .W) `weight`, biases `bias`.
 * Both hidden units then compute the same function and get the same gradient at every step.
 */
function symmetricStart(net: { params: tf.Variable[]; names: string[] }, weight: number, bias: number): void {
  net.params.forEach((p, i) => {
    const fill = net.names[i]?.endsWith('.W') ? weight : bias;
    tf.tidy(() => p.assign(tf.fill(p.shape, fill)));
  });
}

export const ch08_05: TrainingLesson = {
  info: {
    id: 'ch08-05',
    title: 'Symmetric vs random initialisation',
    chapter: 8,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'params', 'data', 'fit', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, speed: 30 },
    description:
      'The bump of ch07-01 (1s for −4 < x < 4 among the integers −20…19) and its 1 → 2 (σ) → 1 (σ) network, trained ' +
      'twice side by side on the same samples in the same order: once from the symmetric start where every weight ' +
      'is 1 and every bias 0, once from a random start. Both use BCE, SGD lr 0.1, one sample per step. From the ' +
      'symmetric start the two hidden units compute the same function and receive the same gradient at every step, ' +
      'so they stay identical for ever (the parameters panel shows it): the network is in effect 1 → 1 → 1, one ' +
      'sigmoid edge, and cannot make a bump, while the random start breaks the tie and learns it. Training accuracy ' +
      'is over all 40 points at threshold 0.5; the parameters panel shows the symmetric network, the fit panel ' +
      'both networks’ output. ' +
      'Course bugs fixed: the symmetric model, the point of the lesson, is trained (the original commented its ' +
      'training out and only trained the random model); both runs use the same loss, by default BCE, the loss the course ' +
      'wrote for the symmetric run and uses for this network in ch07-01 (the one active run used MSE, with a ' +
      'scalar target against a 1-element output, PyTorch’s size warning); targets are shaped like the outputs. ' +
      'Panels, side by side for the two runs: the network graph (edges coloured by the weights’ sign, as wide as ' +
      '|w|; nodes filled by their bias), where the symmetric run’s two hidden units keep identical edges, the ' +
      'hidden units’ weights (one row per unit: identical rows are identical units), the samples in hidden space ' +
      '(a1, a2), which the symmetric run keeps on the diagonal a1 = a2, and each unit’s sigmoid over x. Options: the symmetric start (every weight the same value, 1 by ' +
      'default, and biases 0; or every weight 0 and biases 1, which stays symmetric too) and the loss of both runs ' +
      '(BCE, or the MSE of the course’s active run); each restarts the run.',
    options: CONTROLS,
  },
  variants: [
    variant<Options>('symmetric start', { symmetric: true }),
    variant<Options>('random (default init)', { symmetric: false }),
  ],
  build: ({ seed, hp, variant: v, options }) => {
    const { symmetric } = optionsOf<Options>(v, { symmetric: true });
    const set = bump1d();
    const y = Float32Array.from(set.labels);
    const net = buildMlp({ sizes: [1, 2, 1], activation: 'sigmoid', batchNorm: false, dropout: false }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    if (symmetric) {
      // As the course does, overwrite the drawn parameters.
      if (enumOption(options, 'initMode', INIT_MODES, DEFAULTS.initMode) === 'same value') {
        symmetricStart(net, numberOption(options, 'initValue', DEFAULTS.initValue), 0);
      } else symmetricStart(net, 0, 1);
    }
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: enumOption(options, 'loss', LOSSES, DEFAULTS.loss),
      accuracyOn: { x: set.x, xDim: 1, y },
      view1d: { x: set.x, y, input: (t) => [t] },
    });
    const hiddenViews = shallowNetViews(net, 'sigmoid', set);
    const title = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';
    model.views = () => joinViews(netNetworkView(net, 'network', title), hiddenViews());
    return model;
  },
};
