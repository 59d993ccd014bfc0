/**
 * ch07-01 · Chapter07_01NN1D: one hidden layer with two sigmoid units.
 * Data: x = −20, −19, …, 19 (40 integers), y = 1 for −4 < x < 4 (7 ones), otherwise 0, in order. Model
 * 1 → 2 (σ) → 1 (σ) (7 parameters, default init: bounds 1 and 1/√2), BCE, SGD lr 0.1, one sample per step in
 * order (40 steps per epoch; the course runs 600 epochs = 24,000 steps).
 * Options: the number of hidden units and their activation (catalogue "Live controls"; the output stays σ).
 * Views: the network graph (weights and biases), the samples in hidden space (a1, a2) coloured by label, each
 * unit's activation over x, the units' weights side by side.
 */
import type { LessonOption } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { bump1d } from '../data/synthetic.ts';
import { enumOption, intOption, joinViews } from '../probe/views/compose.ts';
import { memoryTargets } from './memoryRows.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp, type MlpSpec } from '../train/nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import { shallowNetViews } from '../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../probe/views/network.ts';
import type { TrainingLesson } from './types.ts';
import { hiddenUnitsControl } from './hiddenUnitsControl.ts';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
const DEFAULTS = { hidden: 2, activation: 'sigmoid' as (typeof ACTIVATIONS)[number] };

const NETWORK_TITLE = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';

const CONTROLS: LessonOption[] = [
  hiddenUnitsControl(DEFAULTS.hidden, 8, 'the fewest that make a bump; 1 cannot'),
  {
    name: 'activation',
    label: 'hidden activation',
    kind: 'enum',
    options: [...ACTIVATIONS],
    default: DEFAULTS.activation,
    help: 'Activation of the hidden units (the course: sigmoid); the output unit stays a sigmoid. Restarts the run.',
  },
];

export const ch07_01: TrainingLesson = {
  info: {
    id: 'ch07-01',
    title: 'A hidden layer of two sigmoid units',
    chapter: 7,
    trains: true,
    controls: ['lr', 'init', 'speed'],
    channels: ['metrics', 'data', 'fit', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, init: 'default', speed: 30 },
    description:
      'A bump (label 1 for −4 < x < 4 among the integers −20…19) is beyond one sigmoid but within reach of two: the ' +
      '1 → 2 (σ) → 1 (σ) network learns one rising and one falling sigmoid whose combination is the bump. BCE, ' +
      'SGD lr 0.1, one sample per step in order; the fit panel shows the output probability over the 0/1 labels ' +
      'and the training accuracy is over all 40 points at threshold 0.5. The loss curve is the per-sample loss ' +
      'of each step (the course plotted the sum over each epoch). Panels: the network graph (edges coloured by ' +
      'the weights’ sign, as wide as |w|; nodes filled by their bias), the 40 samples in hidden space (a1, a2) ' +
      'coloured by label — the course’s scatter, where the bump’s points come apart from the rest so that one ' +
      'output line can separate them —, each hidden unit’s activation over x, and the units’ weights side by ' +
      'side. Options: the number of hidden units (1 to 8) and their activation; each restarts the run.',
    options: CONTROLS,
  },
  build: ({ seed, hp, options }) => {
    const set = bump1d();
    const y = Float32Array.from(set.labels);
    const hidden = intOption(options, 'hidden', DEFAULTS.hidden, 1, 8);
    const activation = enumOption(options, 'activation', ACTIVATIONS, DEFAULTS.activation);
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
};
