/**
 * ch08-08 · Chapter08_08NNwithMomentum: momentum on the spiral.
 * Data: the 3-arm spiral of ch08-02 (500 points per class, 1,500 in class order; the course seeds NumPy with 0).
 * Model [2, 50, 3] with ReLU (303 parameters, default init), cross-entropy, SGD lr 0.1 with momentum
 * μ ∈ {0, 0.1, 0.4, 0.5} (PyTorch form), batch 20 (75 steps per epoch; the course runs 100 epochs per μ).
 * Options: the four runs' momenta (variantsFor: labels and fixed hp follow them) and shuffle. View (per μ, side by
 * side): the decision regions over the data range ± 0.1 (40 × 40 cells: four runs share the frame) with every
 * third point (500 of 1,500, each arm evenly: the points are stored along the arms).
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { spiral } from '../data/synthetic.ts';
import { boolOption, numberOption } from '../probe/views/compose.ts';
import { smallClassifierModel } from './memoryRows.ts';
import { classifierRegions } from './classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import { fmt } from './demoKit.ts';
import type { TrainingLesson, Variant } from './types.ts';

/** The course's momenta, one per run: the defaults of the momentum1…momentum4 options. */
const MOMENTA = [0, 0.1, 0.4, 0.5];
const MAX_MOMENTUM = 0.99;

const CONTROLS: LessonOption[] = [
  ...MOMENTA.map(
    (momentum, i): LessonOption => ({
      name: `momentum${i + 1}`,
      label: `momentum μ, run ${i + 1}`,
      kind: 'number',
      default: momentum,
      min: 0,
      max: MAX_MOMENTUM,
      step: 0.01,
      help: `Momentum of the ${['first', 'second', 'third', 'fourth'][i]} run, PyTorch form buf = μ·buf + g (the course: ${momentum}; its legend label follows). Restarts the run.`,
    }),
  ),
  {
    name: 'shuffle',
    label: 'shuffle',
    kind: 'boolean',
    default: true,
    help: 'Reshuffle the batches every epoch, in one order for all four runs (on: the fix of issue 13); off: the course’s class-ordered batches, each a single class. Restarts the run.',
  },
];


/** The four runs at the options' momenta; two runs at one μ get their run number in the legend. */
function momentumVariants(options: OptionValues): Variant[] {
  const momenta = MOMENTA.map((d, i) => numberOption(options, `momentum${i + 1}`, d, 0, MAX_MOMENTUM));
  const labels = momenta.map((m) => `μ = ${fmt(m)}`);
  return momenta.map((momentum, i) => ({
    label: labels.filter((l) => l === labels[i]).length > 1 ? `${labels[i]} (run ${i + 1})` : (labels[i] as string),
    hp: { optimizer: 'momentum' as const, momentum },
  }));
}

export const ch08_08: TrainingLesson = {
  info: {
    id: 'ch08-08',
    title: 'Momentum on the spiral',
    chapter: 8,
    trains: true,
    // Every variant fixes its momentum (and so the optimizer); lr and batch size apply to all four.
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.1, optimizer: 'momentum', momentum: 0, batchSize: 20, speed: 0 },
    description:
      'The 2-50-3 ReLU network (303 parameters) on the three-arm spiral (1,500 points), four times side by side from ' +
      'the same initial weights and on the same batches: SGD lr 0.1, batch 20, with momentum 0, 0.1, 0.4 and 0.5 ' +
      '(PyTorch form buf = μ·buf + g, w ← w − lr·buf, so μ = 0.5 takes steps up to twice as long along a steady ' +
      'gradient). Training accuracy is over all 1,500 points, in evaluation mode, for each run. The more momentum, ' +
      'the faster the loss falls at this lr. Course bugs fixed: the points are stored class by class, and the ' +
      'original did not shuffle, so every batch held a single class (ch08-02’s issue 13); here the batches are ' +
      'reshuffled every epoch, in the same seeded order for all four runs. The loss curve has every step’s loss ' +
      '(the original kept only the last mini-batch of each epoch) and results are keyed by what they hold (the ' +
      'original pre-filled a misspelt “Accuracy:” key). The spiral is drawn from the run seed. The regions panels ' +
      'show each run’s predicted class side by side (evaluation mode, every third point drawn). Options: the four ' +
      'runs’ momenta (0 to 0.99, the course’s 0, 0.1, 0.4 and 0.5 by default; the legend labels follow) and ' +
      'shuffle (off brings back the single-class batches of the original); each restarts the run.',
    options: CONTROLS,
  },
  variants: momentumVariants({}),
  variantsFor: momentumVariants,
  build: ({ seed, hp, options }) => {
    const set = spiral(seed);
    const net = buildMlp({ sizes: [2, 50, 3], activation: 'relu', batchNorm: false, dropout: false }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = boolOption(options, 'shuffle', true) ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const data = { xDim: 2, x: set.x, y: set.labels };
    const model = smallClassifierModel(net, data, hp, { shuffle });
    model.views = classifierRegions(net, data, { classes: 3, cells: 40, every: 3 });
    return model;
  },
};
