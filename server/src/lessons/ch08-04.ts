/**
 * ch08-04 · Chapter08_04DropoutRegression: dropout on a regression task.
 * Data: x = linspace(−1, 1, 40), f = x²; training y = f + ε, validation y = f + ε (an independent draw, same x),
 * std 1. Models 1 → 300 → 300 → 1 with ReLU, dropout on each hidden pre-activation, p = 0 vs p = 0.5 (91,201
 * parameters each, default init). MSE, Adam lr 0.01, full batch (40); the course runs 500 iterations.
 */
import { createRng } from '../data/prng.ts';
import { noisySquare } from '../data/synthetic.ts';
import { INIT_STREAM, memoryTargets, subSeed } from './memoryRows.ts';
import { buildMlp } from './nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';

export const ch08_04: TrainingLesson = {
  info: {
    id: 'ch08-04',
    title: 'Dropout: regression',
    chapter: 8,
    trains: true,
    // Every variant fixes its dropout rate, so dropout is no control here.
    controls: ['lr', 'optimizer', 'speed'],
    channels: ['metrics', 'data', 'fit'],
    defaults: { lr: 0.01, optimizer: 'adam', batchSize: 40, speed: 10 },
    description:
      'Two 1 → 300 → 300 → 1 ReLU networks (91,201 parameters each) fit 40 points of y = x² + ε with noise of std 1 ' +
      '— far more noise than signal — side by side from the same initial weights: one without dropout, one ' +
      'with p = 0.5 on each hidden layer. MSE, Adam lr 0.01, full batch. The p = 0 network chases the noise: its ' +
      'training loss keeps falling while its validation loss (valLoss: a second noisy draw at the same x, ' +
      'evaluation mode, reported after every step) turns up; the dropout network’s training loss stays higher ' +
      'and its curve smoother. The fit panel shows the p = 0 network’s curve (evaluation mode) over the training ' +
      'points. The data come from the run seed.',
  },
  variants: [
    { label: 'p = 0', hp: { dropout: 0 } },
    { label: 'p = 0.5', hp: { dropout: 0.5 } },
  ],
  build: ({ seed, hp }) => {
    const { train, val } = noisySquare(seed, { noise: 1 });
    const net = buildMlp({ sizes: [1, 300, 300, 1], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    return regressorModel(net, memoryTargets({ xDim: 1, x: train.x, y: train.y }), hp, {
      head: 'identity',
      loss: 'mse',
      view1d: { x: train.x, y: train.y, input: (t) => [t] },
      validation: memoryTargets({ xDim: 1, x: val.x, y: val.y }),
    });
  },
};
