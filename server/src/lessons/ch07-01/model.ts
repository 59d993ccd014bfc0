/**
 * ch07-01 · Chapter07_01NN1D: one hidden layer with two sigmoid units.
 * Data: x = −20, −19, …, 19 (40 integers), y = 1 for −4 < x < 4 (7 ones), otherwise 0, in order. Model
 * 1 → 2 (σ) → 1 (σ) (7 parameters, default init: bounds 1 and 1/√2), BCE, SGD lr 0.1, one sample per step in
 * order (40 steps per epoch; the course runs 600 epochs = 24,000 steps).
 * Options: the number of hidden units and their activation (catalogue "Live controls"; the output stays σ).
 * Views: the network graph (weights and biases), the samples in hidden space (a1, a2) coloured by label, each
 * unit's activation over x, the units' weights side by side.
 */
import { createRng } from '../../data/prng.ts';
import { bump1d } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import { shallowNetViews } from '../../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

const NETWORK_TITLE = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';

export const ch07_01 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const set = bump1d();
    const y = Float32Array.from(set.labels);
    const { hidden, activation } = options;
    const spec: MlpSpec = { sizes: [1, hidden, 1], activation, batchNorm: false, dropout: false };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: 'bce',
      accuracyOn: { x: set.x, xDim: 1, y },
      view1d: { x: set.x, y, input: (t) => [t] },
    });
    const hiddenViews = shallowNetViews(net, activation, set);
    model.views = () => joinViews(netNetworkView(net, 'network', NETWORK_TITLE), hiddenViews());
    return model;
  },
});
