/**
 * ch08-04 · Chapter08_04DropoutRegression: dropout on a regression task.
 * Data: x = linspace(−1, 1, 40), f = x²; training y = f + ε, validation y = f + ε (an independent draw, same x),
 * std 1. Models 1 → 300 → 300 → 1 with ReLU, dropout on each hidden pre-activation, p = 0 vs p = 0.5 (91,201
 * parameters each, default init; the second run's p is an option, variantsFor). MSE, Adam lr 0.01, full batch (40);
 * the course runs 500 iterations.
 * Options: the dropout run's rate, the noise std and the hidden width. View (per model, side by side): the fitted curve (evaluation mode)
 * against the true f = x² over the training and validation points.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { noisySquare } from '../data/synthetic.ts';
import { intOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { curveView, grid1d } from '../probe/views/curve1d.ts';
import { memoryTargets } from './memoryRows.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import { predictRows } from '../train/nets/mlp.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { DROPOUT_COMPARISON_CONTROLS, dropoutVariants } from './variants.ts';

const DEFAULTS = { dropout: 0.5, noise: 1, width: 300 };

const CONTROLS: LessonOption[] = [
  ...DROPOUT_COMPARISON_CONTROLS,
  {
    name: 'noise',
    label: 'noise std',
    kind: 'number',
    default: DEFAULTS.noise,
    min: 0,
    max: 3,
    step: 0.05,
    help: 'Standard deviation of the noise on both sets, y = x² + noise·ε (the course: 1). Restarts the run.',
  },
];

/** p = 0 against the option's rate (0…0.9; the course's 0.5 by default). */
const variantsFor = (options: OptionValues): Variant[] => dropoutVariants(options, DEFAULTS.dropout);

export const ch08_04: TrainingLesson = {
  info: {
    id: 'ch08-04',
    title: 'Dropout: regression',
    chapter: 8,
    trains: true,
    // Every variant fixes its dropout rate, so dropout is no control here.
    controls: ['lr', 'optimizer', 'speed'],
    channels: ['metrics', 'data', 'fit', 'panels'],
    defaults: { lr: 0.01, optimizer: 'adam', batchSize: 40, speed: 10 },
    description:
      'Two 1 → 300 → 300 → 1 ReLU networks (91,201 parameters each) fit 40 points of y = x² + ε with noise of std 1 ' +
      '— far more noise than signal — side by side from the same initial weights: one without dropout, one ' +
      'with p = 0.5 (an option) on each hidden layer. MSE, Adam lr 0.01, full batch. The p = 0 network chases the noise: its ' +
      'training loss keeps falling while its validation loss (valLoss: a second noisy draw at the same x, ' +
      'evaluation mode, reported after every step) turns up; the dropout network’s training loss stays higher ' +
      'and its curve smoother. The fit panel shows both networks’ curves (evaluation mode) over the training ' +
      'points, and the panels each network’s curve against the true f = x² over the training and validation ' +
      'points. Options: the second network’s dropout rate p (0 to 0.9, the course’s 0.5; its legend label ' +
      'follows), the noise std and the hidden width; each restarts the run. The data come from the run seed.',
    options: CONTROLS,
  },
  variants: variantsFor({}),
  variantsFor,
  build: ({ seed, hp, options }) => {
    const { train, val } = noisySquare(seed, { noise: numberOption(options, 'noise', DEFAULTS.noise) });
    const width = intOption(options, 'width', DEFAULTS.width, 2, 300);
    const net = buildMlp({ sizes: [1, width, width, 1], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: train.x, y: train.y }), hp, {
      head: 'identity',
      loss: 'mse',
      view1d: { x: train.x, y: train.y, input: (t) => [t] },
      validation: memoryTargets({ xDim: 1, x: val.x, y: val.y }),
    });
    const xs = grid1d(-1, 1, 81);
    const truth = Float32Array.from(xs, (x) => x * x);
    const pairs = (x: Float32Array, y: Float32Array) => Float32Array.from({ length: 2 * x.length }, (_, i) => (i % 2 ? y : x)[i >> 1] as number);
    const trainPoints = pairs(train.x, train.y);
    const valPoints = pairs(val.x, val.y);
    model.views = () => {
      const fit = predictRows(net, 'identity', xs, 1);
      const panel = (name: string, title: string, points: Float32Array, pointsName: string) =>
        curveView({
          name,
          title,
          x: xs,
          curves: [
            { name: 'ŷ (evaluation mode)', values: fit },
            { name: 'true f = x²', values: truth },
          ],
          points,
          pointsName,
          pointsAs: 'dots',
          xLabel: 'x',
          yLabel: 'y',
        });
      return joinViews(
        panel('train', 'fit vs the true function, over the training points', trainPoints, 'training data'),
        panel('val', 'fit vs the true function, over the validation points', valPoints, 'validation data'),
      );
    };
    return model;
  },
};
