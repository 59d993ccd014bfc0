/**
 * ch08-05 · Chapter08_05InitializationWeights: same-value (symmetric) initialisation vs random.
 * Data: as ch07-01, x = −20…19 (40 integers), y = 1 for −4 < x < 4. Model 1 → 2 (σ) → 1 (σ), 7 parameters. Model 1
 * has every weight 1 and every bias 0; model 2 PyTorch's default random init. SGD lr 0.1, one sample per step in
 * order (40 steps per epoch; the course's run lasts 1,000 epochs).
 * Options: the symmetric start (same value / zeros with bias 1), the same value, the loss (BCE / MSE). Views (per
 * run): the network graph (symmetric units show as identical edges), the hidden units' weights side by side, the
 * hidden-activation scatter, each unit's sigmoid over x.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../data/prng.ts';
import { bump1d } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { shallowNetViews } from '../../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

interface Options {
  /** The symmetric start of the init-mode option, instead of the default random draw. */
  symmetric: boolean;
}

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

export const ch08_05 = trainingLesson(info, {
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
      if (options.initMode === 'same value') {
        symmetricStart(net, options.initValue, 0);
      } else symmetricStart(net, 0, 1);
    }
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: options.loss,
      accuracyOn: { x: set.x, xDim: 1, y },
      view1d: { x: set.x, y, input: (t) => [t] },
    });
    const hiddenViews = shallowNetViews(net, 'sigmoid', set);
    const title = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';
    model.views = () => joinViews(netNetworkView(net, 'network', title), hiddenViews());
    return model;
  },
});
