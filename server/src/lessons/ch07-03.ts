/**
 * ch07-03 · Chapter07_03NNMultiDim: XOR with a 2-2-1 network.
 * Data: 100 points, 25 each at (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 in that block order, jittered by N(0, 0.01²).
 * Model 2 → 2 (σ) → 1 (σ) (9 parameters, default init), BCE, SGD lr 0.1, batch 1 in order (100 steps per epoch;
 * the course runs 500 epochs = 50,000 steps).
 * Options: hidden units, jitter, the seed of the initial weights (catalogue "Live controls"). View: the decision regions over the data range ± 0.1
 * (60 × 60 cells; the course's step 0.02 gives about 63) with the points and each hidden unit's line; the network
 * graph (weights and biases).
 */
import type { LessonOption } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { xor } from '../data/synthetic.ts';
import { intOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { denseValues } from '../probe/views/denseJs.ts';
import { unitLines } from '../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../probe/views/network.ts';
import { labelledPoints, paddedExtent, regionsView } from '../probe/views/regions.ts';
import { memoryTargets } from './memoryRows.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp, type MlpSpec } from '../train/nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import { predictRows } from '../train/nets/mlp.ts';
import type { TrainingLesson } from './types.ts';
import { hiddenUnitsControl } from './hiddenUnitsControl.ts';

/** seed 0: the initial weights drawn from the room's seed (as before the option); 1…999: from that number. */
const DEFAULTS = { hidden: 2, jitter: 0.01, seed: 0 };
const MAX_SEED = 999;

const CONTROLS: LessonOption[] = [
  hiddenUnitsControl(DEFAULTS.hidden, 8, 'the fewest that solve XOR; more leave the plateau sooner'),
  {
    name: 'jitter',
    label: 'jitter',
    kind: 'number',
    default: DEFAULTS.jitter,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'Standard deviation of the Gaussian jitter around the four corners (the course: 0.01). Restarts the run.',
  },
  {
    name: 'seed',
    label: 'init seed',
    kind: 'integer',
    default: DEFAULTS.seed,
    min: 0,
    max: MAX_SEED,
    step: 1,
    help: 'Seed of the initial weights: 0 draws them from the room’s seed (the course sets none); 1–999 from that number, the same weights in every room. Some seeds never learn XOR: with 2 hidden units at lr 0.1, about a third of them (e.g. 2, 6, 7, 10) stay at 75 % for the course’s whole 500 epochs, stuck with one corner wrong, while others (e.g. 1, 3, 4) reach 100 %. Restarts the run.',
  },
];

/** The stream the initial weights are drawn from: the room's INIT_STREAM, or the chosen seed's. */
export function initSeed(roomSeed: number, seedOption: number): number {
  return subSeed(seedOption === 0 ? roomSeed : seedOption, INIT_STREAM);
}

export const ch07_03: TrainingLesson = {
  info: {
    id: 'ch07-03',
    title: 'XOR with one hidden layer',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'init', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, init: 'default', speed: 30 },
    description:
      'XOR, which no single linear boundary separates, learnt by a 2 → 2 (σ) → 1 (σ) network: each hidden unit ' +
      'draws one line and the output combines them. BCE, SGD lr 0.1, batch 1 over 100 jittered corner points; the ' +
      'accuracy (all 100 points, threshold 0.5) sits at 50 % and then 75 % on a plateau of thousands of steps ' +
      'before the hidden units split the work and it reaches 100 % (some starting weights stay at 75 % much ' +
      'longer). The regions panel shows the network’s decision (output > 0.5) over the data range ± 0.1, shaded ' +
      'by confidence, with the points and each hidden unit’s line (where its pre-activation is 0); the network ' +
      'graph shows the weights (edges coloured by sign, as wide as |w|) and biases (node fill). Options: the ' +
      'number of hidden units (1 to 8), the jitter, and the seed of the initial weights (0: the room’s; 1 to 999: ' +
      'that number’s, the same in every room); each restarts the run. Course bugs fixed: the jitter (std ' +
      '0.01) is added once, where the original re-added it on every pass of its filling loop (std 0.01 to 0.05); ' +
      'the data are drawn from the run seed.',
    options: CONTROLS,
  },
  build: ({ seed, hp, options }) => {
    const set = xor(seed, { jitter: numberOption(options, 'jitter', DEFAULTS.jitter) });
    const y = Float32Array.from(set.labels);
    const hidden = intOption(options, 'hidden', DEFAULTS.hidden, 1, 8);
    const spec: MlpSpec = { sizes: [2, hidden, 1], activation: 'sigmoid', batchNorm: false, dropout: false };
    const initFrom = initSeed(seed, intOption(options, 'seed', DEFAULTS.seed, 0, MAX_SEED));
    const net = buildMlp(spec, hp.init, createRng(initFrom), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 2, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: 'bce',
      accuracyOn: { x: set.x, xDim: 2, y },
    });
    const extent = paddedExtent(set.x, 0.1);
    const regions = regionsView({
      name: 'regions',
      title: 'decision regions (output > 0.5) with the points and each hidden unit’s line',
      extent,
      nx: 60,
      ny: 60,
      scores: (cells) => predictRows(net, 'sigmoid', cells, 2),
      kind: 'probability',
      classes: 2,
      points: labelledPoints(set.x, set.labels),
      segments: () => unitLines(denseValues(net, 'fc1'), extent),
      xLabel: 'x1',
      yLabel: 'x2',
    });
    const title = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';
    model.views = () => joinViews(regions(), netNetworkView(net, 'network', title));
    return model;
  },
};
