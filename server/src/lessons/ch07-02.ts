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
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { twoBumps1d } from '../data/synthetic.ts';
import { grid1d } from '../probe/views/curve1d.ts';
import { denseValues } from '../probe/views/denseJs.ts';
import { intOption, joinViews } from '../probe/views/compose.ts';
import { unitContributions, unitCurvesView } from '../probe/views/hiddenUnits.ts';
import { netNetworkView } from '../probe/views/network.ts';
import { memoryTargets } from './memoryRows.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import { hiddenUnitsControl } from './hiddenUnitsControl.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { optionsOf, variant } from './variants.ts';

interface Options {
  /** Hidden sigmoid units. */
  hidden: number;
}

/** The widest hidden layer offered. */
const MAX_HIDDEN = 32;

/** One option per run: its hidden units, the course's 7 and 13 by default. */
const HIDDEN_OPTIONS = [
  { name: 'hiddenRun1', course: 7 },
  { name: 'hiddenRun2', course: 13 },
] as const;

const CONTROLS: LessonOption[] = HIDDEN_OPTIONS.map(({ name, course }, i) => {
  const base = hiddenUnitsControl(course, MAX_HIDDEN, course === 7 ? 'the two bumps need four sigmoid edges' : 'more units than the four edges need');
  return { ...base, name, label: `run ${i + 1} hidden units`, help: `Run ${i + 1}: ${base.help ?? ''}` };
});

/** The two runs as the options set them: each network's hidden width, and its label. */
function variantsFor(options: OptionValues): Variant[] {
  return HIDDEN_OPTIONS.map(({ name, course }) => {
    const hidden = intOption(options, name, course, 1, MAX_HIDDEN);
    return variant<Options>(`${hidden} hidden unit${hidden === 1 ? '' : 's'}`, { hidden });
  });
}

export const ch07_02: TrainingLesson = {
  info: {
    id: 'ch07-02',
    title: 'More hidden units: 7 vs 13',
    chapter: 7,
    trains: true,
    controls: ['lr', 'optimizer', 'momentum', 'batchSize', 'speed'],
    channels: ['metrics', 'data', 'fit', 'panels'],
    defaults: { lr: 0.1, optimizer: 'adam', batchSize: 100, speed: 20 },
    description:
      'Two bumps of 1s (−10 < x < −5 and 5 < x < 10, 100 points in [−20, 20]) need four sigmoid edges; a ' +
      '1 → 7 (σ) → 1 (σ) network (22 parameters) and a 1 → 13 (σ) → 1 (σ) network (40 parameters) learn them side ' +
      'by side, from the same weight stream (the course reset the seed before building the second), with BCE and ' +
      'Adam lr 0.1 on the full batch. Training accuracy is over all 100 points at threshold 0.5; the fit panel ' +
      'shows both networks’ output probability over the labels, and the bumps panel each hidden unit’s weighted ' +
      'sigmoid v_j·σ(w_j·x + b_j) with their sum z(x), the output’s pre-activation: each unit is one rising or ' +
      'falling edge, scaled by its output weight, and the bumps are where they overlap; the network graph shows ' +
      'each network’s weights (edges coloured by sign, as wide as |w|) and biases (node fill). Course bugs fixed: ' +
      'BCE gets targets shaped N×1 like the predictions (the original passed N targets against N×1 outputs, which current PyTorch rejects ' +
      'and a broadcasting loss would turn into an N×N average); the unused histogram helper, which called a ' +
      'method the model lacks, is not ported. Options: the two networks’ hidden units (1…32, the course’s 7 and 13 by ' +
      'default; each run is labelled by its width); each restarts the run.',
    options: CONTROLS,
  },
  variants: variantsFor({}),
  variantsFor,
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
};
