/**
 * ch03-03 · Chapter03_03Validation: validation data and choosing the learning rate.
 * Data: x = −3…3 step 0.1 (60 points), true line f = −3x + 1. Training y = f + ε with outliers y[0] = 0 (x = −3)
 * and y[50…54] = 20 (x = 2.0…2.4); validation: the same x, independent ε, no outliers. Model Linear 1→1 with
 * PyTorch's default init U(−1, 1) for w and b, MSE, SGD with batch 1 in order (the course runs 10 epochs = 600
 * steps per lr), lr ∈ {0.1, 0.01, 0.001, 0.0001}.
 *
 * With the outliers the least-squares line of the training set is far from the true one (about w ≈ −1.25,
 * b ≈ 3.1 against −3, 1), which is why the validation loss, not the training loss, is the one to choose by.
 *
 * Options: the four runs' learning rates (variantsFor), the outliers on or off, their value, the noise scale
 * (catalogue "Live controls"). Views: each run's line over the validation points with the true line, and (from the
 * first run, reading the others through joinPeers, keyed by the run's place) the training and validation loss of
 * every lr at its current parameters, against log10 lr.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { outlierLine } from '../data/synthetic.ts';
import { boolOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { curveView, grid1d } from '../probe/views/curve1d.ts';
import { buildLinearModel, lineLoss } from './linearModel.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import type { DemoView, TrainingLesson, Variant } from './types.ts';
import { joinPeers } from './variants.ts';

/** The learning rates compared by default (the course's), largest first (see the description for the order). */
const RATES = [0.1, 0.01, 0.001, 0.0001];
/** One option per run: its learning rate. */
const RATE_OPTIONS = RATES.map((lr, i) => ({ name: `lrRun${i + 1}`, course: lr }));
const LR_RANGE = { min: 0.00001, max: 1 };

/** The four runs as the options set them: run i fixes lr = option lrRun{i+1}. */
function variantsFor(options: OptionValues): Variant[] {
  return RATE_OPTIONS.map(({ name, course }) => {
    const lr = numberOption(options, name, course, LR_RANGE.min, LR_RANGE.max);
    return { label: `lr = ${lr}`, hp: { lr } };
  });
}
const VARIANTS: Variant[] = variantsFor({});

const DEFAULTS = { outliers: true, outlierValue: 20, noise: 1 };

const CONTROLS: LessonOption[] = [
  ...RATE_OPTIONS.map(
    ({ name, course }, i): LessonOption => ({
      name,
      label: `run ${i + 1} lr`,
      kind: 'number',
      default: course,
      ...LR_RANGE,
      step: 0.00001,
      help: `Learning rate of run ${i + 1} (the course: ${course}; its four runs span 0.0001…0.1 on a log scale). Restarts the run.`,
    }),
  ),
  {
    name: 'outliers',
    label: 'outliers',
    kind: 'boolean',
    default: DEFAULTS.outliers,
    help: 'The six training outliers (y = 0 at x = −3, y = outlier value at x = 2.0…2.4); off: clean training data. Restarts the run.',
  },
  {
    name: 'outlierValue',
    label: 'outlier value',
    kind: 'number',
    default: DEFAULTS.outlierValue,
    min: -20,
    max: 40,
    step: 1,
    help: 'y of the five outliers at x = 2.0…2.4 (the course: 20; the true line is −5 to −6.2 there). Restarts the run.',
  },
  {
    name: 'noise',
    label: 'noise scale',
    kind: 'number',
    default: DEFAULTS.noise,
    min: 0,
    max: 5,
    step: 0.1,
    help: 'Standard deviation of the noise on both sets, y = −3x + 1 + noise·ε (the course: 1). Restarts the run.',
  },
];


export const ch03_03: TrainingLesson = {
  info: {
    id: 'ch03-03',
    title: 'Validation data and choosing the learning rate',
    chapter: 3,
    trains: true,
    // Every variant fixes its lr, so lr is no control here; the batch size applies to all four.
    controls: ['batchSize', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels'],
    defaults: { optimizer: 'sgd', batchSize: 1, speed: 20 },
    description:
      'Four copies of Linear 1→1 start from the same random (w, b) ~ U(−1, 1) and train side by side with SGD, ' +
      'batch 1 in order, at lr 0.1, 0.01, 0.001 and 0.0001, on 60 points of y = −3x + 1 + ε whose training set has ' +
      'six outliers (y = 0 at x = −3, y = 20 at x = 2.0…2.4). After every epoch (60 steps) each run reports its ' +
      'MSE over the whole training set (trainLoss) and over a validation set drawn at the same x without outliers ' +
      '(valLoss). The lr to keep is the one with the lowest validation loss, not the lowest training loss: the ' +
      'outliers pull the training optimum away from the true line. lr 0.1 is too large for single samples here — ' +
      'each outlier throws it far off, its training loss stays well above the others’ and its validation loss ' +
      'swings with the last samples it saw; lr 0.0001 has hardly moved after the course’s 600 steps; lr 0.01 and ' +
      '0.001 settle near the training optimum. The paths share the exact MSE surface of the training set ' +
      '(w ∈ [−6, 4], b ∈ [−4, 6]). The runs are listed largest lr first, so the single-run panels (fit, ' +
      'parameters) show the run that visibly moves. The course built a fresh, unseeded model per lr, so its lrs ' +
      'started from different points; here they share one start drawn from the run seed, and the data come from ' +
      'the run seed too. Panels: each lr’s line over the validation points with the true line, and the training ' +
      'and validation loss of every lr at its current parameters against log10 lr (the course’s final plot, live). ' +
      'Options: the four runs’ learning rates (the course’s 0.1, 0.01, 0.001 and 0.0001 by default; each run is ' +
      'labelled by its lr, and the loss-vs-lr panel follows them), outliers on or off, the outliers’ value and the ' +
      'noise scale; each restarts the run.',
    options: CONTROLS,
  },
  variants: VARIANTS,
  variantsFor,
  build: ({ tf, seed, hp, options, run }) => {
    const { train, val } = outlierLine(seed, {
      noise: numberOption(options, 'noise', DEFAULTS.noise),
      outliers: boolOption(options, 'outliers', DEFAULTS.outliers),
      outlierValue: numberOption(options, 'outlierValue', DEFAULTS.outlierValue),
    });
    // One start for every variant, from its own stream of the run seed (the data use the seed itself).
    const rng = createRng(subSeed(seed, INIT_STREAM));
    const w0 = rng.range(-1, 1);
    const b0 = rng.range(-1, 1);
    const model = buildLinearModel({
      tf,
      x: train.x,
      y: train.y,
      w0,
      b0,
      bias: true,
      hp,
      window: { w: [-6, 4], b: [-4, 6], resolution: 61 },
      evalSets: { train: { x: train.x, y: train.y }, val: { x: val.x, y: val.y } },
    });
    // Each run's (w, b) now and its lr, for the first run's loss-vs-lr panel.
    const peers = joinPeers(options, run, { position: () => model.surface.position(), lr: () => hp.lr });
    const dispose = model.dispose.bind(model);
    model.dispose = () => {
      peers.leave();
      dispose();
    };
    const xs = grid1d(-3, 2.9, 60);
    const truth = Float32Array.from(xs, (x) => -3 * x + 1);
    const valPoints = Float32Array.from({ length: 2 * val.x.length }, (_, i) => (i % 2 ? val.y : val.x)[i >> 1] as number);
    model.views = (): DemoView => {
      const [w, b] = model.surface.position();
      const lines = curveView({
        name: 'val',
        title: 'line over the validation data',
        x: xs,
        curves: [
          { name: 'ŷ = w·x + b', values: Float32Array.from(xs, (x) => w * x + b) },
          { name: 'true f = −3x + 1', values: truth },
        ],
        points: valPoints,
        pointsName: 'validation data',
        pointsAs: 'dots',
        xLabel: 'x',
        yLabel: 'y',
      });
      if (run !== 0) return lines;
      // The comparison, drawn once (by the first run): every lr, smallest first.
      const runs = peers
        .of(VARIANTS.length)
        .flatMap((p) => (p ? [{ lr: p.lr(), at: p.position() }] : []))
        .sort((a, b2) => a.lr - b2.lr);
      const byLr = curveView({
        name: 'byLr',
        title: 'training and validation loss vs lr (current parameters)',
        x: Float32Array.from(runs, (r) => Math.log10(r.lr)),
        curves: [
          { name: 'training MSE', values: Float32Array.from(runs, (r) => lineLoss(r.at[0], r.at[1], train.x, train.y)) },
          { name: 'validation MSE', values: Float32Array.from(runs, (r) => lineLoss(r.at[0], r.at[1], val.x, val.y)) },
        ],
        xLabel: 'log10 lr',
        yLabel: 'MSE',
      });
      return joinViews(lines, { ...byLr, common: [byLr.layout[0]?.title ?? ''] });
    };
    return model;
  },
};
