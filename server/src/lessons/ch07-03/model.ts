/**
 * ch07-03 · Chapter07_03NNMultiDim: XOR with a 2-2-1 network.
 * Data: 100 points, 25 each at (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 in that block order, jittered by N(0, 0.01²).
 * Model 2 → 2 (σ) → 1 (σ) (9 parameters, default init), BCE, SGD lr 0.1, batch 1 in order (100 steps per epoch;
 * the course runs 500 epochs = 50,000 steps).
 * Options: hidden units, jitter, the seed of the initial weights (catalogue "Live controls"). View: the decision regions over the data range ± 0.1
 * (60 × 60 cells; the course's step 0.02 gives about 63) with the points and each hidden unit's line; the network
 * graph (weights and biases).
 */
import { createRng } from '../../data/prng.ts';
import { xor } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { denseValues } from '../../probe/views/denseJs.ts';
import { unitLines } from '../../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { labelledPoints, paddedExtent, regionsView } from '../../probe/views/regions.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import { predictRows } from '../../train/nets/mlp.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/** The stream the initial weights are drawn from: the room's INIT_STREAM, or the chosen seed's. */
export function initSeed(roomSeed: number, seedOption: number): number {
  return subSeed(seedOption === 0 ? roomSeed : seedOption, INIT_STREAM);
}

export const ch07_03 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const set = xor(seed, { jitter: options.jitter });
    const y = Float32Array.from(set.labels);
    const { hidden } = options;
    const spec: MlpSpec = { sizes: [2, hidden, 1], activation: 'sigmoid', batchNorm: false, dropout: false };
    const initFrom = initSeed(seed, options.seed);
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
});
