/**
 * ch07-02 · Chapter07_02NN1D_MultiNode: more hidden units, trained with Adam.
 * Data: x = linspace(−20, 20, 100); y = 1 if −10 < x < −5 or 5 < x < 10 (26 ones), otherwise 0. Models
 * 1 → 7 (σ) → 1 (σ) (22 parameters) and 1 → 13 (σ) → 1 (σ) (40 parameters), default init, BCE, Adam lr 0.1
 * (β 0.9/0.999, ε 1e-8), full batch of 100 (the course runs 600 epochs = 600 steps per model).
 * View (per model): each hidden unit's weighted sigmoid v_j·σ(w_j·x + b_j) over x — the edges the bumps are
 * built from — and their sum with the output bias, the output unit's pre-activation z(x); the network graph
 * (weights and biases; the 13-unit layer is drawn in full, under the 16-unit cut of network.ts).
 * Options: the two runs' hidden-unit counts (catalogue "Live controls": hidden units), via variantsFor.
 */
import { createRng } from '../../data/prng.ts';
import { twoBumps1d } from '../../data/synthetic.ts';
import { grid1d } from '../../probe/views/curve1d.ts';
import { denseValues } from '../../probe/views/denseJs.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { unitContributions, unitCurvesView } from '../../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { HIDDEN_OPTIONS, info } from './info.ts';

interface Options {
  /** Hidden sigmoid units. */
  hidden: number;
}

export const ch07_02 = trainingLesson(info, {
  // The two runs as the options set them: each network's hidden width, and its label.
  variantsFor: (options) =>
    HIDDEN_OPTIONS.map(({ name }) => {
      const hidden = options[name];
      return variant<Options>(`${hidden} hidden unit${hidden === 1 ? '' : 's'}`, { hidden });
    }),
  build: ({ seed, hp, variant: v }) => {
    const { hidden } = optionsOf<Options>(v, { hidden: 7 });
    const set = twoBumps1d();
    // Targets as a column [100, 1], the shape of the network's output (issue 9).
    const y = Float32Array.from(set.labels);
    const net = buildMlp({ sizes: [1, hidden, 1], activation: 'sigmoid', batchNorm: false, dropout: false }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: set.x, y, yDim: 1 }), hp, {
      head: 'sigmoid',
      loss: 'bce',
      accuracyOn: { x: set.x, xDim: 1, y },
      view1d: { x: set.x, y, input: (t) => [t] },
    });
    const xs = grid1d(-20, 20, 161);
    model.views = () => {
      const { parts, total } = unitContributions(xs, denseValues(net, 'fc1'), 'sigmoid', denseValues(net, 'fc2'));
      return joinViews(
        unitCurvesView('bumps', 'each hidden unit’s weighted sigmoid v_j·σ(w_j·x + b_j), and their sum z(x)', xs, parts, 'x', [
          { name: 'z(x) = Σ + output bias', values: total },
        ]),
        netNetworkView(net, 'network', 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases'),
      );
    };
    return model;
  },
});
